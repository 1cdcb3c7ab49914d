/**
 * @module SMS gateways with their documented request shapes, so an admin sets a preset and
 * credentials instead of writing a template. `{placeholders}` are filled by template.ts.
 * - Twilio Messages API: form POST to `/2010-04-01/Accounts/{AccountSid}/Messages.json`, basic
 *   auth (Account SID : Auth Token), fields To, From, Body; 201 Created.
 * - Vonage SMS API: form POST to `https://rest.nexmo.com/sms/json` with api_key, api_secret,
 *   from, to (digits only), text, type=unicode; always 200, the verdict is in `messages[].status`
 *   (`0` sent, `1` throttled, `5` internal error — those two retry).
 * - MessageBird (Bird) REST: JSON POST to `https://rest.messagebird.com/messages`, header
 *   `Authorization: AccessKey <key>`, fields recipients, originator, body; 201.
 * - sipgate: JSON POST to `https://api.sipgate.com/v2/sessions/sms`, basic auth (token id : token),
 *   fields smsId (the web SMS extension, e.g. `s0`), recipient, message; 204.
 */
import type { GuardedResponse } from '#src/adapters/net/guarded-fetch.ts';

export type SmsPreset = 'http' | 'twilio' | 'vonage' | 'messagebird' | 'sipgate';
export const smsPresets: readonly SmsPreset[] = ['http', 'twilio', 'vonage', 'messagebird', 'sipgate'];

export type SmsAuth =
  | { type: 'none' }
  | { type: 'basic'; user: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'header'; name: string; value: string };

export interface SmsGateway {
  preset: SmsPreset;
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  format: 'json' | 'form';
  /** Body template (ignored for GET: put the placeholders into the URL). */
  body: string;
  auth: SmsAuth;
  from: string;
  /** Credentials a template carries itself (`{user}`, `{password}`), e.g. Vonage's api_key/secret. */
  user?: string;
  password?: string;
  /** Gateway-specific verdict on a 2xx answer; by default any 2xx is success. */
  accepted?: (response: GuardedResponse) => { ok: true } | { ok: false; retryable: boolean };
}

export interface SmsCredentials {
  user: string;
  password: string;
  token: string;
  from: string;
}

/** Vonage answers 200 and puts each part's status into the body. */
export function vonageVerdict(response: GuardedResponse): { ok: true } | { ok: false; retryable: boolean } {
  let statuses: string[] = [];
  try {
    const parsed = JSON.parse(response.body) as { messages?: { status?: unknown }[] };
    statuses = (parsed.messages ?? []).map((m) => String(m.status));
  } catch {
    return { ok: false, retryable: true };
  }
  if (statuses.length > 0 && statuses.every((s) => s === '0')) return { ok: true };
  return { ok: false, retryable: statuses.some((s) => s === '1' || s === '5') };
}

export function presetGateway(
  preset: Exclude<SmsPreset, 'http'>,
  c: SmsCredentials,
  url?: string,
): SmsGateway {
  switch (preset) {
    case 'twilio':
      return {
        preset,
        url: url ?? 'https://api.twilio.com/2010-04-01/Accounts/{user}/Messages.json',
        method: 'POST',
        format: 'form',
        body: 'To={to}&From={from}&Body={text}',
        auth: { type: 'basic', user: c.user, password: c.password },
        from: c.from,
        user: c.user,
      };
    case 'vonage':
      return {
        preset,
        url: url ?? 'https://rest.nexmo.com/sms/json',
        method: 'POST',
        format: 'form',
        body: 'api_key={user}&api_secret={password}&from={from}&to={to_digits}&text={text}&type=unicode',
        auth: { type: 'none' },
        from: c.from,
        user: c.user,
        password: c.password,
        accepted: vonageVerdict,
      };
    case 'messagebird':
      return {
        preset,
        url: url ?? 'https://rest.messagebird.com/messages',
        method: 'POST',
        format: 'json',
        body: '{"recipients":["{to_digits}"],"originator":"{from}","body":"{text}"}',
        auth: { type: 'header', name: 'authorization', value: `AccessKey ${c.token}` },
        from: c.from,
      };
    case 'sipgate':
      return {
        preset,
        url: url ?? 'https://api.sipgate.com/v2/sessions/sms',
        method: 'POST',
        format: 'json',
        body: '{"smsId":"{from}","recipient":"{to}","message":"{text}"}',
        auth: { type: 'basic', user: c.user, password: c.password },
        from: c.from,
      };
  }
}
