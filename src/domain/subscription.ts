/**
 * @module What a subscription request must look like, checked without I/O: the channel, the
 * address normalised per channel (lower-case email, E.164 number, http(s) URL), the language and
 * the scope (whole page or chosen components). Errors name the form field and a message key.
 *
 * @example
 * normalisePhone('0176 1234-5678') // '+4917612345678'
 */
import type { FieldError } from './errors.ts';

export type SubscriberKind = 'email' | 'sms' | 'webhook';
export const subscriberKinds: readonly SubscriberKind[] = ['email', 'sms', 'webhook'];
export type SubscriptionLocale = 'de' | 'en';

export interface SubscriptionRequest {
  kind: SubscriberKind;
  address: string;
  locale: SubscriptionLocale;
  scope: 'all' | 'components';
  componentIds: string[];
}

/** Hours an email or webhook confirmation link stays valid. */
export const confirmLinkHours = 48;
/** Minutes an SMS code stays valid, and wrong codes before it dies. */
export const smsCodeMinutes = 30;
export const smsCodeMaxFailures = 5;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@<>",;]+@[^\s@<>",;]+\.[a-z0-9-]{2,}$/.test(email)) return null;
  return email;
}

/**
 * E.164 from what people type: spaces, dashes, dots, slashes and brackets are dropped; `00`
 * becomes `+`; a national number with one leading 0 gets the default country code.
 */
export function normalisePhone(raw: string, defaultCountryCode = '49'): string | null {
  let n = raw.trim().replace(/[\s\-./()]/g, '');
  if (n.startsWith('00')) n = `+${n.slice(2)}`;
  else if (/^0[1-9]/.test(n)) n = `+${defaultCountryCode}${n.slice(1)}`;
  return /^\+[1-9]\d{6,14}$/.test(n) ? n : null;
}

/** An http(s) URL without credentials, at most 2000 characters; the SSRF guard checks the rest. */
export function normaliseWebhookUrl(raw: string): string | null {
  const text = raw.trim();
  if (text.length > 2000) return null;
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
    return url.toString();
  } catch {
    return null;
  }
}

export function normaliseAddress(kind: SubscriberKind, raw: string): string | null {
  if (kind === 'email') return normaliseEmail(raw);
  if (kind === 'sms') return normalisePhone(raw);
  return normaliseWebhookUrl(raw);
}

const invalidKey: Record<SubscriberKind, string> = {
  email: 'subscribers.error.email',
  sms: 'subscribers.error.phone',
  webhook: 'subscribers.error.url',
};

export interface SubscriptionForm {
  kind?: string | undefined;
  address?: string | undefined;
  locale?: string | undefined;
  scope?: string | undefined;
  components?: readonly string[] | undefined;
}

/** Checks a form against the channels offered and the components that exist. */
export function parseSubscription(
  form: SubscriptionForm,
  offered: readonly SubscriberKind[],
  componentIds: ReadonlySet<string>,
): { ok: true; value: SubscriptionRequest } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const kind = offered.find((k) => k === form.kind);
  if (!kind) fields.push({ path: 'kind', key: 'subscribers.error.kind' });
  const raw = (form.address ?? '').trim();
  let address: string | null = null;
  if (kind) {
    if (raw === '') fields.push({ path: 'address', key: 'error.required' });
    else {
      address = normaliseAddress(kind, raw);
      if (!address) fields.push({ path: 'address', key: invalidKey[kind] });
    }
  }
  const locale: SubscriptionLocale = form.locale === 'en' ? 'en' : 'de';
  const scope = form.scope === 'components' ? 'components' : 'all';
  const chosen = [...new Set(form.components ?? [])];
  if (scope === 'components') {
    if (chosen.length === 0) fields.push({ path: 'components', key: 'subscribers.error.noComponents' });
    else if (chosen.some((id) => !componentIds.has(id))) {
      fields.push({ path: 'components', key: 'subscribers.error.unknownComponent' });
    }
  }
  if (fields.length > 0 || !kind || !address) return { ok: false, fields };
  return {
    ok: true,
    value: { kind, address, locale, scope, componentIds: scope === 'components' ? chosen.sort() : [] },
  };
}
