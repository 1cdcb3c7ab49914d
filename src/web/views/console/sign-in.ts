/**
 * @module Sign-in and first-run setup pages. Passwords are never put back into a form; the email
 * is. The setup page without a valid link explains what to do instead of showing a form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { minPasswordLength } from '#src/services/secrets.ts';
import { csrfField, fieldError, input } from '../forms.ts';
import { alertBox, errorList } from './kit.ts';
import { renderConsolePage } from './layout.ts';

export interface LoginView {
  email: string;
  next: string;
  errors: FieldError[];
  /** A refusal not tied to a field: wrong credentials, rate limit. */
  alert?: string | undefined;
  notice?: string | undefined;
}

export function renderLoginPage(request: FastifyRequest, reply: FastifyReply, v: LoginView): string {
  const t = request.t;
  const labels = { email: t('console.field.email'), password: t('console.field.password') };
  const err = (path: string) => fieldError(t, v.errors, path);
  const body = html`<p>${t('console.login.intro')}</p>!${alertBox(v.alert ?? '')}!${errorList(t, v.errors, labels)}<form method="post" action="/console/login" class="narrow" novalidate>!${csrfField(request.csrfToken(reply))}<input type="hidden" name="next" value="${v.next}">!${input({ name: 'email', label: labels.email, type: 'email', value: v.email, required: true, autocomplete: 'username', error: err('email') })}!${input({ name: 'password', label: labels.password, type: 'password', required: true, autocomplete: 'current-password', error: err('password') })}<p><button type="submit" class="primary">${t('console.login.submit')}</button></p></form><p class="hint">${t('console.login.forgot')}</p>`;
  return renderConsolePage(request, reply, {
    title: t('console.login.title'),
    section: 'none',
    body,
    notice: v.notice,
  });
}

export interface SetupView {
  token: string;
  email: string;
  errors: FieldError[];
}

export function renderSetupPage(request: FastifyRequest, reply: FastifyReply, v: SetupView): string {
  const t = request.t;
  const labels = {
    email: t('console.field.email'),
    password: t('console.field.password'),
    passwordConfirm: t('console.field.passwordConfirm'),
  };
  const err = (path: string) => fieldError(t, v.errors, path);
  const body = html`<p>${t('console.setup.intro')}</p>!${errorList(t, v.errors, labels)}<form method="post" action="/console/setup" class="narrow" novalidate>!${csrfField(request.csrfToken(reply))}<input type="hidden" name="token" value="${v.token}">!${input({ name: 'email', label: labels.email, type: 'email', value: v.email, required: true, autocomplete: 'username', error: err('email') })}!${input({ name: 'password', label: labels.password, type: 'password', required: true, autocomplete: 'new-password', hint: t('console.passwordHint', { min: minPasswordLength }), error: err('password') })}!${input({ name: 'passwordConfirm', label: labels.passwordConfirm, type: 'password', required: true, autocomplete: 'new-password', error: err('passwordConfirm') })}<p><button type="submit" class="primary">${t('console.setup.submit')}</button></p></form>`;
  return renderConsolePage(request, reply, { title: t('console.setup.title'), section: 'none', body });
}

export function renderSetupInvalidPage(request: FastifyRequest, reply: FastifyReply): string {
  const t = request.t;
  const body = html`<p class="error-summary" role="alert">${t('console.setup.invalidLink')}</p><p>${t('console.setup.invalidHelp')}</p><p><a href="/console/login">${t('console.setup.toLogin')}</a></p>`;
  return renderConsolePage(request, reply, { title: t('console.setup.invalidTitle'), section: 'none', body });
}
