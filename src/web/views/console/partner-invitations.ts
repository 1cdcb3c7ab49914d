/**
 * @module The console's partner page (admins, in the users area): partner accounts with company
 * and state (disable/enable), invitations not yet accepted (withdraw), the invitation form, and —
 * once, right after creating one — the invitation link to copy.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { InvitationSummary, PartnerSummary } from '#src/services/list-partners.ts';
import { formatDateTime } from '../format.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { errorList } from './kit.ts';
import { renderConsolePage } from './layout.ts';
import { localeOptions } from './users.ts';

export interface InviteValues {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  locale: string;
}

export interface PartnersView {
  partners: PartnerSummary[];
  invitations: InvitationSummary[];
  invite: { values: InviteValues; errors: FieldError[] };
  /** Right after an invitation was created: its link, shown this once. */
  created?: { email: string; link: string; expiresAt: string } | undefined;
  notice?: string | undefined;
}

function partnerRow(request: FastifyRequest, csrf: string, p: PartnerSummary): string {
  const t = request.t;
  const action = p.disabled ? 'enable' : 'disable';
  const button = p.disabled
    ? html`<button type="submit">${t('console.users.enable')}</button>`
    : html`<button type="submit" class="danger">${t('console.users.disable')}</button>`;
  const state = p.disabled
    ? html`<span class="badge state-disabled">${t('console.users.disabled')}</span>`
    : html`<span class="badge state-active">${t('console.users.active')}</span>`;
  return html`<tr id="partner-${p.id}"><th scope="row">${p.company}</th><td>${p.firstName} ${p.lastName}</td><td>${p.email}</td><td>!${state}</td><td>${formatDateTime(p.createdAt, request.locale, request.timeZone)}</td><td class="row-actions"><form method="post" action="/console/users/partners/${p.id}/${action}" class="inline">!${csrf}!${button}</form> <a href="/console/users/${p.id}/password">${t('console.users.resetPassword')}</a></td></tr>`;
}

function invitationRow(request: FastifyRequest, csrf: string, i: InvitationSummary): string {
  const t = request.t;
  const revoke =
    i.state === 'open'
      ? html`<form method="post" action="/console/users/partners/invitations/${i.id}/revoke" class="inline">!${csrf}<button type="submit" class="danger">${t('partner.console.revoke')}</button></form>`
      : '';
  return html`<tr><th scope="row">${i.email}</th><td>${i.company}</td><td>${t(`partner.console.state.${i.state}`)}</td><td>${formatDateTime(i.expiresAt, request.locale, request.timeZone)}</td><td>${i.invitedBy}</td><td class="row-actions">!${revoke}</td></tr>`;
}

function createdBox(request: FastifyRequest, c: NonNullable<PartnersView['created']>): string {
  const t = request.t;
  const expires = formatDateTime(c.expiresAt, request.locale, request.timeZone);
  return html`<section class="notice" role="status" aria-labelledby="h-link"><h2 id="h-link">${t('partner.console.linkTitle')}</h2><p>${t('partner.console.linkIntro', { email: c.email, expires })}</p><label for="invitation-link">${t('partner.console.linkLabel')}</label> <input id="invitation-link" type="text" readonly value="${c.link}" class="wide"></section>`;
}

function inviteForm(request: FastifyRequest, csrf: string, v: PartnersView['invite']): string {
  const t = request.t;
  const labels = {
    email: t('console.field.email'),
    firstName: t('partner.console.firstName'),
    lastName: t('partner.console.lastName'),
    company: t('partner.console.company'),
    locale: t('partner.console.locale'),
  };
  const err = (path: string) => fieldError(t, v.errors, path);
  const text = (name: 'firstName' | 'lastName' | 'company', autocomplete: string) =>
    input({
      name,
      label: labels[name],
      value: v.values[name],
      required: true,
      autocomplete,
      error: err(name),
    });
  return html`<section aria-labelledby="h-invite"><h2 id="h-invite">${t('partner.console.invite')}</h2>!${errorList(t, v.errors, labels)}<form method="post" action="/console/users/partners/invitations" class="narrow" novalidate>!${csrf}!${input({ name: 'email', label: labels.email, type: 'email', value: v.values.email, required: true, autocomplete: 'off', error: err('email') })}!${text('firstName', 'off')}!${text('lastName', 'off')}!${text('company', 'off')}!${select({ name: 'locale', label: labels.locale, options: localeOptions(t), value: v.values.locale, error: err('locale') })}<p><button type="submit" class="primary">${t('partner.console.inviteSubmit')}</button></p></form></section>`;
}

export function renderPartnersPage(request: FastifyRequest, reply: FastifyReply, v: PartnersView): string {
  const t = request.t;
  const csrf = csrfField(request.csrfToken(reply));
  const partners =
    v.partners.length === 0
      ? html`<p>${t('partner.console.noPartners')}</p>`
      : html`<table class="users"><thead><tr><th scope="col">${t('partner.console.company')}</th><th scope="col">${t('partner.console.firstName')} / ${t('partner.console.lastName')}</th><th scope="col">${t('console.field.email')}</th><th scope="col">${t('console.users.status')}</th><th scope="col">${t('console.users.created')}</th><th scope="col">${t('console.users.actions')}</th></tr></thead><tbody>!${v.partners.map((p) => partnerRow(request, csrf, p)).join('')}</tbody></table>`;
  const invitations =
    v.invitations.length === 0
      ? html`<p>${t('partner.console.noInvitations')}</p>`
      : html`<table class="users"><thead><tr><th scope="col">${t('console.field.email')}</th><th scope="col">${t('partner.console.company')}</th><th scope="col">${t('console.users.status')}</th><th scope="col">${t('partner.console.expires')}</th><th scope="col">${t('partner.console.invitedBy')}</th><th scope="col">${t('console.users.actions')}</th></tr></thead><tbody>!${v.invitations.map((i) => invitationRow(request, csrf, i)).join('')}</tbody></table>`;
  const body = html`<p class="hint">${t('partner.console.intro')}</p>!${v.created ? createdBox(request, v.created) : ''}<section aria-labelledby="h-partners"><h2 id="h-partners">${t('partner.console.partners')}</h2>!${partners}</section><section aria-labelledby="h-invitations"><h2 id="h-invitations">${t('partner.console.invitations')}</h2>!${invitations}</section>!${inviteForm(request, csrf, v.invite)}`;
  return renderConsolePage(request, reply, {
    title: t('partner.console.title'),
    section: 'users',
    body,
    notice: v.notice,
  });
}
