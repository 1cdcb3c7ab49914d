import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import type { OutboundMessage } from '../channel.ts';
import { loadSmsGateway } from './config.ts';
import { createSmsChannel } from './index.ts';
import { fillTemplate } from './template.ts';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());
beforeEach(() => {
  rx.requests.length = 0;
  rx.respond = () => ({ status: 200 });
});

const text = 'Störung "Fax" behoben & ok\nDetails: https://status.example.net/i/1';
const message = (recipient = '+4917612345678'): OutboundMessage => ({
  id: 'n1',
  kind: 'sms',
  recipient,
  locale: 'de',
  event: 'incident.resolved',
  subject: '',
  text,
  payload: {},
});
const guard = { allowPrivate: true };
function channelFor(env: Record<string, string>) {
  const problems: string[] = [];
  const gateway = loadSmsGateway({ DIALTONE_SMS_FROM: 'dialtone', ...env }, problems);
  expect(problems).toEqual([]);
  if (!gateway) throw new Error('no gateway');
  return createSmsChannel({ gateway, guard });
}

describe('fillTemplate', () => {
  it('escapes each value for where it lands', () => {
    expect(JSON.parse(fillTemplate('{"t":"{text}","x":"{unknown}"}', { text }, 'json'))).toEqual({
      t: text,
      x: '{unknown}',
    });
    expect(new URLSearchParams(fillTemplate('a={text}&b=1', { text }, 'form')).get('a')).toBe(text);
    expect(fillTemplate('/send/{to}?q={text}', { to: '+49 1', text: 'a&b' }, 'url')).toBe(
      '/send/%2B49%201?q=a%26b',
    );
  });
});

describe('SMS presets against their documented request shapes', () => {
  it('Twilio: form fields To/From/Body, basic auth, account SID in the path', async () => {
    rx.respond = () => ({ status: 201, body: '{"sid":"SM1"}' });
    const sms = channelFor({
      DIALTONE_SMS_GATEWAY: 'twilio',
      DIALTONE_SMS_USER: 'AC123',
      DIALTONE_SMS_PASSWORD: 'authtoken',
      DIALTONE_SMS_URL: `${rx.url}/2010-04-01/Accounts/{user}/Messages.json`,
    });
    expect(await sms.send(message())).toMatchObject({ ok: true });
    const [req] = rx.requests;
    expect(req?.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from('AC123:authtoken').toString('base64')}`);
    const form = new URLSearchParams(req?.body);
    expect(Object.fromEntries(form)).toEqual({ To: '+4917612345678', From: 'dialtone', Body: text });
  });

  it('Vonage: 200 with a failed part status is a failure; throttled retries; the secret stays out of the log', async () => {
    const sms = channelFor({
      DIALTONE_SMS_GATEWAY: 'vonage',
      DIALTONE_SMS_USER: 'key1',
      DIALTONE_SMS_PASSWORD: 'secret99',
      DIALTONE_SMS_URL: `${rx.url}/sms/json`,
    });
    rx.respond = () => ({ status: 200, body: '{"messages":[{"status":"0"}]}' });
    expect(await sms.send(message())).toMatchObject({ ok: true });
    const form = new URLSearchParams(rx.requests[0]?.body);
    expect(form.get('to')).toBe('4917612345678');
    expect(form.get('api_secret')).toBe('secret99');
    expect(form.get('type')).toBe('unicode');
    rx.respond = () => ({ status: 200, body: '{"messages":[{"status":"1","error-text":"Throttled"}]}' });
    expect(await sms.send(message())).toMatchObject({ ok: false, retryable: true });
    rx.respond = () => ({
      status: 200,
      body: '{"messages":[{"status":"4","error-text":"Bad credentials"}]}',
    });
    const refused = await sms.send(message());
    expect(refused).toMatchObject({ ok: false, retryable: false });
    expect(JSON.stringify(refused)).not.toContain('secret99');
  });

  it('MessageBird: JSON with recipients, AccessKey header', async () => {
    rx.respond = () => ({ status: 201 });
    const sms = channelFor({
      DIALTONE_SMS_GATEWAY: 'messagebird',
      DIALTONE_SMS_TOKEN: 'live_abc',
      DIALTONE_SMS_URL: `${rx.url}/messages`,
    });
    expect(await sms.send(message())).toMatchObject({ ok: true });
    expect(rx.requests[0]?.headers.authorization).toBe('AccessKey live_abc');
    expect(JSON.parse(rx.requests[0]?.body ?? '')).toEqual({
      recipients: ['4917612345678'],
      originator: 'dialtone',
      body: text,
    });
  });

  it('sipgate: JSON with smsId, recipient, message; 204 is delivered', async () => {
    rx.respond = () => ({ status: 204 });
    const sms = channelFor({
      DIALTONE_SMS_GATEWAY: 'sipgate',
      DIALTONE_SMS_USER: 'token-ABC',
      DIALTONE_SMS_PASSWORD: 'pw',
      DIALTONE_SMS_FROM: 's0',
      DIALTONE_SMS_URL: `${rx.url}/v2/sessions/sms`,
    });
    expect(await sms.send(message())).toMatchObject({ ok: true });
    expect(JSON.parse(rx.requests[0]?.body ?? '')).toEqual({
      smsId: 's0',
      recipient: '+4917612345678',
      message: text,
    });
  });

  it('generic: GET with placeholders in the URL and a bearer token; 5xx retries, 401 does not', async () => {
    const sms = channelFor({
      DIALTONE_SMS_GATEWAY: 'http',
      DIALTONE_SMS_METHOD: 'GET',
      DIALTONE_SMS_URL: `${rx.url}/send?to={to}&msg={text}`,
      DIALTONE_SMS_TOKEN: 'tok-123',
    });
    expect(await sms.send(message())).toMatchObject({ ok: true });
    const url = new URL(rx.requests[0]?.path ?? '', 'http://x');
    expect(url.searchParams.get('to')).toBe('+4917612345678');
    expect(url.searchParams.get('msg')).toBe(text);
    expect(rx.requests[0]?.headers.authorization).toBe('Bearer tok-123');
    rx.respond = () => ({ status: 502 });
    expect(await sms.send(message())).toMatchObject({ ok: false, retryable: true });
    rx.respond = () => ({ status: 401, body: 'bad token tok-123' });
    const denied = await sms.send(message());
    expect(denied).toMatchObject({ ok: false, retryable: false });
    expect(JSON.stringify(denied)).not.toContain('tok-123');
  });

  it('refuses a recipient that is not E.164 without calling the gateway', async () => {
    const sms = channelFor({ DIALTONE_SMS_GATEWAY: 'http', DIALTONE_SMS_URL: `${rx.url}/x` });
    expect(await sms.send(message('0176 123'))).toMatchObject({ ok: false, retryable: false });
    expect(rx.requests).toHaveLength(0);
  });
});

describe('loadSmsGateway', () => {
  it('is off without DIALTONE_SMS_GATEWAY and names every problem', () => {
    const problems: string[] = [];
    expect(loadSmsGateway({}, problems)).toBeNull();
    loadSmsGateway({ DIALTONE_SMS_GATEWAY: 'carrier-pigeon' }, problems);
    loadSmsGateway({ DIALTONE_SMS_GATEWAY: 'twilio' }, problems);
    loadSmsGateway(
      { DIALTONE_SMS_GATEWAY: 'http', DIALTONE_SMS_FORMAT: 'xml', DIALTONE_SMS_METHOD: 'DELETE' },
      problems,
    );
    expect(problems).toEqual([
      'DIALTONE_SMS_GATEWAY: expected one of http, twilio, vonage, messagebird, sipgate, got "carrier-pigeon"',
      'DIALTONE_SMS_USER: required for the twilio SMS gateway',
      'DIALTONE_SMS_PASSWORD: required for the twilio SMS gateway',
      'DIALTONE_SMS_FROM: required for the twilio SMS gateway',
      'DIALTONE_SMS_URL: required for DIALTONE_SMS_GATEWAY=http',
      'DIALTONE_SMS_METHOD: expected POST, PUT or GET, got "DELETE"',
      'DIALTONE_SMS_FORMAT: expected json or form, got "xml"',
    ]);
  });
});
