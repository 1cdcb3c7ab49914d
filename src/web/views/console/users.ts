/**
 * @module The users page (admins): everyone with role, language and state, a form per row to
 * change the role or to disable/enable, a link to reset the password, and the form to add a user.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { roles } from '#src/services/context.ts';
import { minPasswordLength } from '#src/services/secrets.ts';
import type { UserSummary } from '#src/services/user-rules.ts';
import type { Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { alertBox, errorList } from './kit.ts';
import { renderConsolePage } from './layout.ts';

export interface NewUserValues {
  email: string;
  role: string;
  locale: string;
}

export interface UsersView {
  users: UserSummary[];
  selfId: string | null;
  add: { values: NewUserValues; errors: FieldError[] };
  alert?: string | undefined;
  notice?: string | undefined;
}

export const roleOptions = (t: Translate) => roles.map((r) => ({ value: r, label: t(`console.role.${r}`) }));
export const localeOptions = (t: Translate) =>
  (['de', 'en'] as const).map((l) => ({ value: l, label: t(`console.locale.${l}`) }));

function roleForm(t: Translate, csrf: string, u: UserSummary): string {
  const id = `role-${u.id}`;
  const options = roleOptions(t).map(
    (o) => html`<option value="${o.value}"${o.value === u.role ? ' selected' : ''}>${o.label}</option>`,
  );
  return html`<form method="post" action="/console/users/${u.id}/role" class="inline">!${csrf}<label for="${id}" class="visually-hidden">${t('console.users.roleFor', { email: u.email })}</label><select id="${id}" name="role">!${options.join('')}</select> <button type="submit">${t('console.users.changeRole')}</button></form>`;
}

function row(request: FastifyRequest, csrf: string, u: UserSummary, self: boolean): string {
  const t = request.t;
  const toggle = u.disabled
    ? html`<form method="post" action="/console/users/${u.id}/enable" class="inline">!${csrf}<button type="submit">${t('console.users.enable')}</button></form>`
    : html`<form method="post" action="/console/users/${u.id}/disable" class="inline">!${csrf}<button type="submit" class="danger">${t('console.users.disable')}</button></form>`;
  const password = self
    ? html`<a href="/console/account#password">${t('console.account.passwordTitle')}</a>`
    : html`<a href="/console/users/${u.id}/password">${t('console.users.resetPassword')}</a>`;
  const state = u.disabled
    ? html`<span class="badge state-disabled">${t('console.users.disabled')}</span>`
    : html`<span class="badge state-active">${t('console.users.active')}</span>`;
  return html`<tr id="user-${u.id}"><th scope="row">${u.email}!${self ? html` <span class="hint">${t('console.you')}</span>` : ''}</th><td>!${roleForm(t, csrf, u)}</td><td>${t(`console.locale.${u.locale}`)}</td><td>!${state}</td><td>${formatDateTime(u.createdAt, request.locale, request.timeZone)}</td><td class="row-actions">!${toggle} !${password}</td></tr>`;
}

function addForm(request: FastifyRequest, csrf: string, v: UsersView['add']): string {
  const t = request.t;
  const labels = {
    email: t('console.field.email'),
    role: t('console.field.role'),
    locale: t('console.field.locale'),
    password: t('console.users.initialPassword'),
  };
  const err = (path: string) => fieldError(t, v.errors, path);
  return html`<section aria-labelledby="h-add"><h2 id="h-add">${t('console.users.add')}</h2><p class="hint">${t('console.users.rolesExplained')}</p>!${errorList(t, v.errors, labels)}<form method="post" action="/console/users" class="narrow" novalidate>!${csrf}!${input({ name: 'email', label: labels.email, type: 'email', value: v.values.email, required: true, autocomplete: 'off', error: err('email') })}!${select({ name: 'role', label: labels.role, options: roleOptions(t), value: v.values.role, error: err('role'), required: true })}!${select({ name: 'locale', label: labels.locale, options: localeOptions(t), value: v.values.locale, error: err('locale') })}!${input({ name: 'password', label: labels.password, type: 'password', required: true, autocomplete: 'new-password', hint: t('console.users.initialPasswordHint', { min: minPasswordLength }), error: err('password') })}<p><button type="submit" class="primary">${t('console.users.addSubmit')}</button></p></form></section>`;
}

export function renderUsersPage(request: FastifyRequest, reply: FastifyReply, v: UsersView): string {
  const t = request.t;
  const csrf = csrfField(request.csrfToken(reply));
  const rows = v.users.map((u) => row(request, csrf, u, u.id === v.selfId));
  const body = html`!${alertBox(v.alert ?? '')}<p><a href="/console/users/partners">${t('partner.console.manage')}</a></p><table class="users"><thead><tr><th scope="col">${t('console.field.email')}</th><th scope="col">${t('console.field.role')}</th><th scope="col">${t('console.field.locale')}</th><th scope="col">${t('console.users.status')}</th><th scope="col">${t('console.users.created')}</th><th scope="col">${t('console.users.actions')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>!${addForm(request, csrf, v.add)}`;
  return renderConsolePage(request, reply, {
    title: t('console.users.title'),
    section: 'users',
    body,
    notice: v.notice,
  });
}

export function renderResetPasswordPage(
  request: FastifyRequest,
  reply: FastifyReply,
  v: { user: UserSummary; errors: FieldError[] },
): string {
  const t = request.t;
  const labels = {
    newPassword: t('console.field.newPassword'),
    newPasswordConfirm: t('console.field.newPasswordConfirm'),
  };
  const err = (path: string) => fieldError(t, v.errors, path);
  const body = html`<p>${t('console.users.resetIntro', { email: v.user.email })}</p>!${errorList(t, v.errors, labels)}<form method="post" action="/console/users/${v.user.id}/password" class="narrow" novalidate>!${csrfField(request.csrfToken(reply))}!${input({ name: 'newPassword', label: labels.newPassword, type: 'password', required: true, autocomplete: 'new-password', hint: t('console.passwordHint', { min: minPasswordLength }), error: err('newPassword') })}!${input({ name: 'newPasswordConfirm', label: labels.newPasswordConfirm, type: 'password', required: true, autocomplete: 'new-password', error: err('newPasswordConfirm') })}<p><button type="submit" class="primary">${t('console.users.resetSubmit')}</button> <a href="/console/users">${t('console.cancel')}</a></p></form>`;
  return renderConsolePage(request, reply, { title: t('console.users.resetTitle'), section: 'users', body });
}
