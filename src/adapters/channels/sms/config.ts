/**
 * @module The SMS gateway from the environment (docs/CONFIGURATION.md, docs/CHANNELS.md). Unset
 * `DIALTONE_SMS_GATEWAY`: no SMS channel, SMS subscriptions are not offered. Problems are added to
 * the start-up list with the variable's name.
 */
import { presetGateway, type SmsAuth, type SmsGateway, type SmsPreset, smsPresets } from './presets.ts';

const defaultBodies = {
  json: '{"to":"{to}","from":"{from}","text":"{text}"}',
  form: 'to={to}&from={from}&text={text}',
};

export function loadSmsGateway(
  env: Record<string, string | undefined>,
  problems: string[],
): SmsGateway | null {
  const preset = env.DIALTONE_SMS_GATEWAY;
  if (!preset) return null;
  if (!smsPresets.includes(preset as SmsPreset)) {
    problems.push(`DIALTONE_SMS_GATEWAY: expected one of ${smsPresets.join(', ')}, got "${preset}"`);
    return null;
  }
  const credentials = {
    user: env.DIALTONE_SMS_USER ?? '',
    password: env.DIALTONE_SMS_PASSWORD ?? '',
    token: env.DIALTONE_SMS_TOKEN ?? '',
    from: env.DIALTONE_SMS_FROM ?? '',
  };
  const url = env.DIALTONE_SMS_URL || undefined;
  if (url && !/^https?:\/\//.test(url))
    problems.push(`DIALTONE_SMS_URL: expected an http(s) URL, got "${url}"`);
  if (preset !== 'http') {
    const needs: Record<string, string[]> = {
      twilio: ['DIALTONE_SMS_USER', 'DIALTONE_SMS_PASSWORD', 'DIALTONE_SMS_FROM'],
      vonage: ['DIALTONE_SMS_USER', 'DIALTONE_SMS_PASSWORD', 'DIALTONE_SMS_FROM'],
      messagebird: ['DIALTONE_SMS_TOKEN', 'DIALTONE_SMS_FROM'],
      sipgate: ['DIALTONE_SMS_USER', 'DIALTONE_SMS_PASSWORD', 'DIALTONE_SMS_FROM'],
    };
    for (const name of needs[preset] ?? [])
      if (!env[name]) problems.push(`${name}: required for the ${preset} SMS gateway`);
    return presetGateway(preset as Exclude<SmsPreset, 'http'>, credentials, url);
  }
  if (!url) problems.push('DIALTONE_SMS_URL: required for DIALTONE_SMS_GATEWAY=http');
  const method = (env.DIALTONE_SMS_METHOD || 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'PUT' && method !== 'GET') {
    problems.push(`DIALTONE_SMS_METHOD: expected POST, PUT or GET, got "${method}"`);
  }
  const format = env.DIALTONE_SMS_FORMAT || 'json';
  if (format !== 'json' && format !== 'form') {
    problems.push(`DIALTONE_SMS_FORMAT: expected json or form, got "${format}"`);
  }
  const fmt = format === 'form' ? 'form' : 'json';
  return {
    preset: 'http',
    url: url ?? '',
    method: method === 'PUT' || method === 'GET' ? method : 'POST',
    format: fmt,
    body: env.DIALTONE_SMS_BODY || defaultBodies[fmt],
    auth: authFrom(env, credentials, problems),
    from: credentials.from,
    user: credentials.user,
    password: credentials.password,
  };
}

function authFrom(
  env: Record<string, string | undefined>,
  c: { user: string; password: string; token: string },
  problems: string[],
): SmsAuth {
  const type = env.DIALTONE_SMS_AUTH || (c.token ? 'bearer' : c.user ? 'basic' : 'none');
  if (type === 'basic') return { type, user: c.user, password: c.password };
  if (type === 'bearer') {
    if (!c.token) problems.push('DIALTONE_SMS_TOKEN: required for DIALTONE_SMS_AUTH=bearer');
    return { type, token: c.token };
  }
  if (type !== 'none') problems.push(`DIALTONE_SMS_AUTH: expected none, basic or bearer, got "${type}"`);
  return { type: 'none' };
}
