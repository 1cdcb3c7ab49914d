/**
 * @module The own-account page: email and role, console language, and the password change form
 * (current, new, repeat). Each form shows its own errors.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { minPasswordLength } from '#src/services/secrets.ts';
import type { UserSummary } from '#src/services/user-rules.ts';
import { formatDateTime } from '../format.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { errorList } from './kit.ts';
import { renderConsolePage } from './layout.ts';
import { localeOptions } from './users.ts';

export interface AccountView {
  user: UserSummary;
  language?: { value: string; errors: FieldError[] } | undefined;
  passwordErrors?: FieldError[] | undefined;
  notice?: string | undefined;
}

function profile(request: FastifyRequest, user: UserSummary): string {
  const t = request.t;
  return html`<dl class="facts"><dt>${t('console.field.email')}</dt><dd>${user.email}</dd><dt>${t('console.field.role')}</dt><dd>${t(`console.role.${user.role}`)}</dd><dt>${t('console.account.passwordChangedAt')}</dt><dd>${formatDateTime(user.passwordChangedAt, request.locale, request.timeZone)}</dd></dl>`;
}

function languageForm(request: FastifyRequest, csrf: string, v: AccountView): string {
  const t = request.t;
  const errors = v.language?.errors ?? [];
  const labels = { locale: t('console.field.locale') };
  return html`<section aria-labelledby="h-language"><h2 id="h-language">${t('console.account.languageTitle')}</h2><p class="hint">${t('console.account.languageHint')}</p>!${errorList(t, errors, labels)}<form method="post" action="/console/account/language" class="narrow" novalidate>!${csrf}!${select({ name: 'locale', label: labels.locale, options: localeOptions(t), value: v.language?.value ?? v.user.locale, error: fieldError(t, errors, 'locale') })}<p><button type="submit">${t('console.save')}</button></p></form></section>`;
}

function passwordForm(request: FastifyRequest, csrf: string, errors: FieldError[]): string {
  const t = request.t;
  const labels = {
    currentPassword: t('console.field.currentPassword'),
    newPassword: t('console.field.newPassword'),
    newPasswordConfirm: t('console.field.newPasswordConfirm'),
  };
  const err = (path: string) => fieldError(t, errors, path);
  const pw = (name: keyof typeof labels, autocomplete: string, hint?: string) =>
    input({
      name,
      label: labels[name],
      type: 'password',
      required: true,
      autocomplete,
      error: err(name),
      ...(hint ? { hint } : {}),
    });
  return html`<section aria-labelledby="password"><h2 id="password">${t('console.account.passwordTitle')}</h2><p class="hint">${t('console.account.passwordIntro')}</p>!${errorList(t, errors, labels)}<form method="post" action="/console/account/password" class="narrow" novalidate>!${csrf}<input type="text" name="username" value="${request.actor?.label ?? ''}" autocomplete="username" hidden>!${pw('currentPassword', 'current-password')}!${pw('newPassword', 'new-password', t('console.passwordHint', { min: minPasswordLength }))}!${pw('newPasswordConfirm', 'new-password')}<p><button type="submit" class="primary">${t('console.account.passwordSubmit')}</button></p></form></section>`;
}

export function renderAccountPage(request: FastifyRequest, reply: FastifyReply, v: AccountView): string {
  const t = request.t;
  const csrf = csrfField(request.csrfToken(reply));
  const body = html`<section aria-labelledby="h-profile"><h2 id="h-profile">${t('console.account.profile')}</h2>!${profile(request, v.user)}</section>!${languageForm(request, csrf, v)}!${passwordForm(request, csrf, v.passwordErrors ?? [])}`;
  return renderConsolePage(request, reply, {
    title: t('console.account.title'),
    section: 'account',
    body,
    notice: v.notice,
  });
}
