/**
 * @module Small pieces the account pages share: reading urlencoded bodies and queries, notices
 * after a redirect (only known codes, never echoed text), an error summary that names fields by
 * their labels and links to them, a plain alert, status badges and safe redirect targets.
 */
import type { FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { type MessageKey, type Translate, translateLoose } from '../../i18n/index.ts';
import { controlId } from '../forms.ts';

/** A parsed urlencoded body or query string: repeated names arrive as arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(raw: unknown): FormBody {
  return raw && typeof raw === 'object' ? (raw as FormBody) : {};
}

/** The field's value; '' when the form did not send it. */
export function field(data: FormBody, name: string): string {
  const v = data[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** `?page=` as a page number from 1; anything else is page 1. */
export function pageParam(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

/** Notices the account pages redirect with (`?notice=saved` → "Saved."). */
const notices: Readonly<Record<string, MessageKey>> = {
  saved: 'console.notice.saved',
  signedOut: 'console.notice.signedOut',
  passwordChanged: 'console.notice.passwordChanged',
  welcome: 'console.notice.welcome',
  userCreated: 'console.notice.userCreated',
  userDisabled: 'console.notice.userDisabled',
  userEnabled: 'console.notice.userEnabled',
  roleChanged: 'console.notice.roleChanged',
  passwordReset: 'console.notice.passwordReset',
  languageSaved: 'console.notice.languageSaved',
  unchanged: 'console.notice.unchanged',
  sessionEnded: 'console.notice.sessionEnded',
};

/** The translated notice for the request's `?notice=`, if it is one we know. */
export function noticeOf(request: FastifyRequest): string | undefined {
  const code = field(formBody(request.query), 'notice');
  return Object.hasOwn(notices, code) ? request.t(notices[code]!) : undefined;
}

/** Error summary at the top of a form: each problem named by its field's label, linked to it. */
export function errorList(
  t: Translate,
  errors: readonly FieldError[],
  labels: Record<string, string>,
): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => {
    const message = translateLoose(t, e.key, e.params);
    const label = labels[e.path];
    return label
      ? html`<li><a href="#${controlId(e.path)}">${label}</a>: ${message}</li>`
      : html`<li>${message}</li>`;
  });
  return html`<div class="error-summary" role="alert" tabindex="-1"><p>${t('console.errors.heading')}</p><ul>!${items.join('')}</ul></div>`;
}

/** A refusal that concerns no single field (e.g. "the last admin cannot be disabled"). */
export const alertBox = (message: string) =>
  message ? html`<div class="error-summary" role="alert"><p>${message}</p></div>` : '';

export const statusBadge = (t: Translate, status: string) =>
  html`<span class="badge status-${status}">${translateLoose(t, `status.${status}`)}</span>`;

/**
 * A redirect target from `?next=` that stays on this site: a path starting with one `/`, no
 * backslash or control character (browsers read `/\evil.example` as another host). Anything else
 * becomes `fallback`.
 */
export function safeNext(raw: string, fallback = '/console'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse.
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, 'http://dialtone.invalid');
    if (url.origin !== 'http://dialtone.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
