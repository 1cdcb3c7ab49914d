import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone, normaliseWebhookUrl, parseSubscription } from './subscription.ts';

describe('normalising addresses', () => {
  it.each([
    ['0176 1234-5678', '+4917612345678'],
    ['+49 30 123456', '+4930123456'],
    ['0049 30 1234567', '+49301234567'],
    ['+1 415 555 0100', '+14155550100'],
    ['030/123 45 67', '+49301234567'],
  ])('phone %s → %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });
  it.each(['', '123', '+0 123 456 789', 'call me', '+49 1234567890123456', '00'])(
    'phone %j is refused',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
    },
  );
  it('lower-cases email and refuses non-addresses', () => {
    expect(normaliseEmail('  Praxis.Muster@Example.NET ')).toBe('praxis.muster@example.net');
    for (const bad of [
      '',
      'a@b',
      'no at.example',
      'a b@example.net',
      `${'x'.repeat(250)}@example.net`,
      'x@y.z"',
    ]) {
      expect(normaliseEmail(bad)).toBeNull();
    }
  });
  it('accepts http(s) URLs without credentials only', () => {
    expect(normaliseWebhookUrl(' https://hooks.example.net/a?b=1 ')).toBe('https://hooks.example.net/a?b=1');
    expect(normaliseWebhookUrl('ftp://x.example')).toBeNull();
    expect(normaliseWebhookUrl('https://u:p@x.example/')).toBeNull();
    expect(normaliseWebhookUrl('not a url')).toBeNull();
  });
});

describe('parseSubscription', () => {
  const components = new Set(['sip-trunk', 'fax']);
  it('normalises a valid request and sorts chosen components', () => {
    expect(
      parseSubscription(
        {
          kind: 'sms',
          address: '0176 12345678',
          locale: 'en',
          scope: 'components',
          components: ['sip-trunk', 'fax', 'fax'],
        },
        ['email', 'sms'],
        components,
      ),
    ).toEqual({
      ok: true,
      value: {
        kind: 'sms',
        address: '+4917612345678',
        locale: 'en',
        scope: 'components',
        componentIds: ['fax', 'sip-trunk'],
      },
    });
  });
  it('names each bad field', () => {
    expect(parseSubscription({ kind: 'sms', address: 'x' }, ['email'], components)).toEqual({
      ok: false,
      fields: [{ path: 'kind', key: 'subscribers.error.kind' }],
    });
    expect(
      parseSubscription(
        { kind: 'email', address: 'nope', scope: 'components', components: ['mars'] },
        ['email'],
        components,
      ),
    ).toEqual({
      ok: false,
      fields: [
        { path: 'address', key: 'subscribers.error.email' },
        { path: 'components', key: 'subscribers.error.unknownComponent' },
      ],
    });
    expect(
      parseSubscription({ kind: 'webhook', address: ' ', scope: 'components' }, ['webhook'], components),
    ).toEqual({
      ok: false,
      fields: [
        { path: 'address', key: 'error.required' },
        { path: 'components', key: 'subscribers.error.noComponents' },
      ],
    });
  });
});
