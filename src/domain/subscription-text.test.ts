import { describe, expect, it } from 'vitest';
import { renderSubscriptionNotice, type SubscriptionNotice } from './subscription-text.ts';

const base: SubscriptionNotice = {
  type: 'subscription',
  event: 'subscriber.confirm',
  subscriberId: 's1',
  kind: 'email',
  scope: 'components',
  components: [{ de: 'SIP-Trunk', en: 'SIP trunk' }],
  confirmUrl: 'https://status.example.net/subscribe/confirm/abc',
  code: null,
  expiresAt: '2026-11-24T10:00:00.000Z',
  manageUrl: null,
  pageName: 'Beispiel <Telekom>',
};
const settings = { timeZone: 'Europe/Berlin' };

describe('subscription texts', () => {
  it('confirmation mail: scope, link, expiry in the reader zone, both languages, escaped HTML', () => {
    const de = renderSubscriptionNotice(base, 'de', settings);
    expect(de.subject).toBe('Bitte bestätigen Sie Ihr Abonnement · Beispiel <Telekom>');
    expect(de.text).toContain('Störungen und Wartungen bei: SIP-Trunk');
    expect(de.text).toContain('gültig bis 24.11.2026, 11:00');
    expect(de.text).toContain('https://status.example.net/subscribe/confirm/abc');
    expect(de.html).toContain('<a href="https://status.example.net/subscribe/confirm/abc">');
    expect(de.html).toContain('Beispiel &lt;Telekom&gt;');
    const en = renderSubscriptionNotice(base, 'en', settings);
    expect(en.subject).toBe('Please confirm your subscription · Beispiel <Telekom>');
    expect(en.text).toContain('incidents and maintenance affecting: SIP trunk');
  });

  it('SMS: short code message; already-subscribed carries the manage link', () => {
    const sms = renderSubscriptionNotice(
      { ...base, kind: 'sms', code: '493817', confirmUrl: null },
      'de',
      settings,
    );
    expect(sms.text).toContain('493817');
    expect(sms.text.length).toBeLessThan(160 * 2);
    const already = renderSubscriptionNotice(
      { ...base, event: 'subscriber.already', manageUrl: 'https://s.example/subscribe/manage/s1.x' },
      'en',
      settings,
    );
    expect(already.subject).toBe('You are already subscribed · Beispiel <Telekom>');
    expect(already.text).toContain('https://s.example/subscribe/manage/s1.x');
  });
});
