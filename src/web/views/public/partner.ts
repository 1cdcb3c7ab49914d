/**
 * @module The partner area (public frame, not the console): the partner's own reports with links
 * to their follow pages, the way to the self-check and the report form, and sign-out; and the
 * invitee's page that sets the password.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { PartnerReportRow } from '#src/services/list-partner-reports.ts';
import { minPasswordLength } from '#src/services/secrets.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { csrfField, fieldError, input } from '../forms.ts';
import { renderPublicPage } from './layout.ts';
import { dateTime, type Reader } from './parts.ts';

export interface PartnerHomeView {
  email: string;
  company: string;
  reports: PartnerReportRow[];
  csrf: string;
  url: string;
}

function stateLabel(r: Reader, state: string): string {
  const key = `report.state.${state}` as MessageKey;
  const text = r.t(key);
  return text === key ? state : text;
}

/** One report as a card: a table would not fit a phone, and partners report from the road. */
function reportCard(r: Reader, row: PartnerReportRow): string {
  const t = r.t;
  const service = row.serviceOther
    ? `${pick(row.service, r.locale)}: ${row.serviceOther}`
    : pick(row.service, r.locale);
  const incident = row.incident
    ? html`<a href="/incidents/${row.incident.id}">${pick(row.incident.title, r.locale)}</a>`
    : '–';
  return html`<li class="card"><h3><a href="/partner/reports/${row.ticket}">${row.ticket}</a></h3><dl class="facts"><dt>${t('partner.area.service')}</dt><dd>${service}</dd><dt>${t('partner.area.state')}</dt><dd>${stateLabel(r, row.state)}</dd><dt>${t('partner.area.created')}</dt><dd>!${dateTime(r, row.createdAt)}</dd><dt>${t('partner.area.incident')}</dt><dd>!${incident}</dd></dl></li>`;
}

export function renderPartnerHome(r: Reader, v: PartnerHomeView): string {
  const t = r.t;
  const list =
    v.reports.length === 0
      ? html`<p>${t('partner.area.noReports')}</p>`
      : html`<ul class="plain partner-reports">!${v.reports.map((row) => reportCard(r, row)).join('')}</ul>`;
  const actions = html`<p><a class="sc-go" href="/self-check">${t('partner.area.selfCheck')}</a> <a class="sc-go" href="/report">${t('partner.area.report')}</a></p><form method="post" action="/console/logout" class="report">!${csrfField(v.csrf)}<button type="submit">${t('partner.area.signOut')}</button></form><p><a href="/partner/password">${t('partner.password.title')}</a></p>`;
  const body = html`<h1>${t('partner.area.title')}</h1><p>${t('partner.area.intro', { email: v.email, company: v.company })}</p>!${actions}<section aria-labelledby="h-reports"><h2 id="h-reports">${t('partner.area.reports')}</h2>!${list}</section>`;
  return renderPublicPage(r, { title: t('partner.area.title'), section: 'none', body, url: v.url });
}

export interface AcceptView {
  /** A refusal that concerns no field (the address got an account meanwhile). */
  alert?: string | undefined;
  token: string;
  email: string;
  company: string;
  errors: FieldError[];
  csrf: string;
  url: string;
}

export function renderAcceptInvitationPage(r: Reader, v: AcceptView): string {
  const t = r.t;
  const err = (path: string) => fieldError(t, v.errors, path);
  const summary = v.alert
    ? html`<div class="error-summary" role="alert"><p>${v.alert}</p></div>`
    : v.errors.length > 0
      ? html`<div class="error-summary" role="alert"><p>${t('error.validationFailed')}</p></div>`
      : '';
  const form = html`<form method="post" action="/partner/invitation" class="report" novalidate>!${csrfField(v.csrf)}<input type="hidden" name="token" value="${v.token}"><input type="email" name="username" value="${v.email}" autocomplete="username" hidden>!${input({ name: 'password', label: t('console.field.password'), type: 'password', required: true, autocomplete: 'new-password', hint: t('console.passwordHint', { min: minPasswordLength }), error: err('password') })}!${input({ name: 'passwordConfirm', label: t('console.field.passwordConfirm'), type: 'password', required: true, autocomplete: 'new-password', error: err('passwordConfirm') })}<button type="submit">${t('partner.accept.submit')}</button></form>`;
  const body = html`<h1>${t('partner.accept.title')}</h1><p>${t('partner.accept.intro', { company: v.company, email: v.email })}</p>!${summary}!${form}`;
  return renderPublicPage(r, { title: t('partner.accept.title'), section: 'none', body, url: v.url });
}

export function renderInvitationInvalidPage(r: Reader, url: string): string {
  const t = r.t;
  const body = html`<h1>${t('partner.accept.invalidTitle')}</h1><p class="error-summary" role="alert">${t('partner.invitation.invalid')}</p><p>${t('partner.accept.invalidHelp')}</p><p><a href="/console/login?next=%2Fpartner">${t('partner.accept.toLogin')}</a></p>`;
  return renderPublicPage(r, { title: t('partner.accept.invalidTitle'), section: 'none', body, url });
}

export interface PasswordView {
  email: string;
  errors: FieldError[];
  csrf: string;
  url: string;
}

/** The partner's own password: the current one, then the new one twice; all sessions end after. */
export function renderPartnerPasswordPage(r: Reader, v: PasswordView): string {
  const t = r.t;
  const err = (path: string) => fieldError(t, v.errors, path);
  const summary =
    v.errors.length > 0
      ? html`<div class="error-summary" role="alert"><p>${t('error.validationFailed')}</p></div>`
      : '';
  const pw = (name: string, label: string, autocomplete: string, hint?: string) =>
    input({
      name,
      label,
      type: 'password',
      required: true,
      autocomplete,
      error: err(name),
      ...(hint ? { hint } : {}),
    });
  const form = html`<form method="post" action="/partner/password" class="report" novalidate>!${csrfField(v.csrf)}<input type="email" name="username" value="${v.email}" autocomplete="username" hidden>!${pw('currentPassword', t('console.field.currentPassword'), 'current-password')}!${pw('newPassword', t('console.field.newPassword'), 'new-password', t('console.passwordHint', { min: minPasswordLength }))}!${pw('newPasswordConfirm', t('console.field.newPasswordConfirm'), 'new-password')}<button type="submit">${t('partner.password.submit')}</button></form>`;
  const body = html`<p><a href="/partner">${t('partner.area.back')}</a></p><h1>${t('partner.password.title')}</h1><p>${t('partner.password.intro')}</p>!${summary}!${form}`;
  return renderPublicPage(r, { title: t('partner.password.title'), section: 'none', body, url: v.url });
}
