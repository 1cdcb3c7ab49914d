import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionNotice } from '#src/domain/subscription-text.ts';
import { hashToken } from '#src/services/secrets.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp({ env: { DIALTONE_OUTBOUND_ALLOW_PRIVATE: 'false' } });
  await seedMiniCatalog(t.store);
});
afterEach(() => t.close());

async function openForm(path = '/subscribe') {
  const res = await t.app.inject({ url: path, headers: { 'accept-language': 'en' } });
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { res, cookie, csrf };
}

async function post(
  url: string,
  fields: Record<string, string | string[]>,
  form?: { cookie: string; csrf: string },
) {
  const params = new URLSearchParams();
  if (form) params.append('_csrf', form.csrf);
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
      ...(form ? { cookie: form.cookie } : {}),
    },
    payload: params.toString(),
  });
}

async function outbox() {
  const rows = await t.store.db
    .selectFrom('notifications')
    .select(['event', 'recipient', 'payload'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, notice: JSON.parse(r.payload) as SubscriptionNotice }));
}

describe('subscribe page', () => {
  it('is linked from the status page header and offers email and webhook (SMS only with a gateway)', async () => {
    const status = await t.app.inject({ url: '/', headers: { 'accept-language': 'en' } });
    expect(status.body).toContain('<a class="subscribe-link" href="/subscribe">Subscribe</a>');
    const { res } = await openForm();
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="email"');
    expect(res.body).toContain('value="webhook"');
    expect(res.body).not.toContain('value="sms"');
    expect(res.body).toContain('name="components" value="fax"');
    // Email is chosen and the reader's language preselected until they choose otherwise.
    expect(res.body).toContain('name="kind" value="email" checked');
    expect(res.body).toContain('<option value="en" selected>');
  });

  it('answers the same page for a new and an already confirmed address, and mails each differently', async () => {
    const form = await openForm();
    const fields = { kind: 'email', address: 'Kunde@Example.net', locale: 'en', scope: 'all' };
    const first = await post('/subscribe', fields, form);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('We sent an email to kunde@example.net');
    const token = (await outbox())[0]?.notice.confirmUrl?.split('/').pop() ?? '';
    // Opening the link shows a button (mail scanners confirm nothing); posting it confirms.
    const button = await openForm(`/subscribe/confirm/${token}`);
    expect(button.res.body).toContain(`action="/subscribe/confirm/${token}"`);
    const confirmed = await post(`/subscribe/confirm/${token}`, {}, button);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Subscription confirmed');
    expect((await post(`/subscribe/confirm/${token}`, {}, button)).statusCode).toBe(404);

    const second = await post('/subscribe', fields, form);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/, '');
    expect(strip(second.body)).toBe(strip(first.body));
    expect((await outbox()).map((m) => m.event)).toEqual(['subscriber.confirm', 'subscriber.already']);
  });

  it('keeps the input and names the field on bad input; refuses metadata and loopback webhooks', async () => {
    const form = await openForm();
    const bad = await post(
      '/subscribe',
      { kind: 'email', address: 'not-an-address', scope: 'components' },
      form,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="not-an-address"');
    expect(bad.body).toContain('Please enter a valid email address');
    expect(bad.body).toContain('Please select at least one component');
    for (const url of [
      'http://169.254.169.254/latest',
      'http://localhost:8080/hook',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      const refused = await post('/subscribe', { kind: 'webhook', address: url }, form);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('We do not send to this address');
    }
    expect(await outbox()).toEqual([]);
  });

  it('refuses a post without the CSRF token; a filled honeypot looks like success and stores nothing', async () => {
    expect((await post('/subscribe', { kind: 'email', address: 'a@example.net' })).statusCode).toBe(403);
    const form = await openForm();
    const bot = await post(
      '/subscribe',
      { kind: 'email', address: 'a@example.net', website: 'http://spam' },
      form,
    );
    expect(bot.statusCode).toBe(200);
    expect(bot.body).toContain('We sent an email');
    expect(await outbox()).toEqual([]);
  });

  it('limits confirmations per address with a 429 page', async () => {
    const form = await openForm();
    for (let i = 0; i < 3; i++) {
      expect((await post('/subscribe', { kind: 'email', address: 'x@example.net' }, form)).statusCode).toBe(
        200,
      );
    }
    const limited = await post('/subscribe', { kind: 'email', address: 'X@example.net' }, form);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many requests');
    expect(limited.headers['retry-after']).toBe('3600');
  });

  it('answers a flood of bad posts with the same 429 page', async () => {
    const form = await openForm();
    const answers: number[] = [];
    for (let i = 0; i < 31; i++)
      answers.push((await post('/subscribe', { kind: 'email', address: 'bad' }, form)).statusCode);
    expect(answers.slice(0, 30).every((c) => c === 400)).toBe(true);
    const flood = await post('/subscribe', { kind: 'email', address: 'bad' }, form);
    expect(flood.statusCode).toBe(429);
    expect(flood.body).toContain('Too many requests');
  });

  it('manage page: change components, one-click unsubscribe without CSRF (RFC 8058)', async () => {
    const form = await openForm();
    await post('/subscribe', { kind: 'email', address: 'm@example.net' }, form);
    const token = (await outbox())[0]?.notice.confirmUrl?.split('/').pop() ?? '';
    const done = await post(`/subscribe/confirm/${token}`, {}, form);
    const manage =
      /href="http:\/\/status\.example\.net(\/subscribe\/manage\/[^"]+)"/.exec(done.body)?.[1] ?? '';
    expect(manage).not.toBe('');
    const page = await openForm(manage);
    expect(page.res.body).toContain('m@example.net');
    const saved = await post(
      `${manage}/save`,
      { locale: 'en', scope: 'components', components: ['fax'] },
      page,
    );
    expect(saved.body).toContain('Your settings are saved.');
    expect(saved.body).toContain('name="components" value="fax" checked');
    expect((await t.app.inject({ url: `${manage.slice(0, -3)}AAA` })).statusCode).toBe(404);
    const off = await post(manage, { 'List-Unsubscribe': 'One-Click' });
    expect(off.statusCode).toBe(200);
    expect(off.body).toContain('Unsubscribed');
    const row = await t.store.db.selectFrom('subscribers').select('state').executeTakeFirstOrThrow();
    expect(row.state).toBe('unsubscribed');
  });
});

describe('SMS subscription', () => {
  it('asks for the code on a page and confirms with it', async () => {
    await t.close();
    t = await buildTestApp({
      env: { DIALTONE_SMS_GATEWAY: 'http', DIALTONE_SMS_URL: 'https://sms.example.net/send' },
    });
    await seedMiniCatalog(t.store);
    const form = await openForm();
    expect(form.res.body).toContain('value="sms"');
    const asked = await post('/subscribe', { kind: 'sms', address: '0176 1234 5678' }, form);
    expect(asked.body).toContain('We sent a six-digit code by SMS to +4917612345678');
    const code = (await outbox())[0]?.notice.code ?? '';
    const wrong = await post(
      '/subscribe/sms',
      { phone: '+4917612345678', code: code === '123456' ? '654321' : '123456' },
      form,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is wrong or has expired');
    const right = await post('/subscribe/sms', { phone: '+4917612345678', code }, form);
    expect(right.body).toContain('Subscription confirmed');
  });
});

describe('subscribing from a report follow page', () => {
  it('prefills the reporter address only with the right follow token', async () => {
    await seedReportCatalog(t.store);
    await insertReport(t.store, {
      ticket: 'ST-2026-000777',
      follow_token_hash: hashToken('follow-secret'),
      email: 'erika@example.net',
    });
    const good = await t.app.inject({ url: '/subscribe?ticket=ST-2026-000777&token=follow-secret' });
    expect(good.body).toContain('value="erika@example.net"');
    const bad = await t.app.inject({ url: '/subscribe?ticket=ST-2026-000777&token=guess' });
    expect(bad.body).not.toContain('erika@example.net');
    const follow = await t.app.inject({ url: '/reports/ST-2026-000777?token=follow-secret' });
    expect(follow.body).toContain('href="/subscribe?ticket=ST-2026-000777&amp;token=follow-secret"');
  });
});
