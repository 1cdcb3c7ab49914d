import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitePartner } from '#src/services/invite-partner.ts';
import { seedReportCatalog } from '#src/services/report-fixtures.ts';
import { hashPassword } from '#src/services/secrets.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { partnerSession, seedPartner } from '../../../../test/support/partners.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedReportCatalog(t.store);
});
afterEach(async () => t.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function signedInPartner(id: string, company?: string) {
  await seedPartner(t.store, { id, ...(company ? { company } : {}) });
  return partnerSession(t.store, id, t.clock());
}

/** Files a report as the partner through the form, as a browser does; returns the follow URL. */
async function fileAsPartner(s: { cookie: string; csrf: string }, cloudName: string) {
  const page = await t.app.inject({
    method: 'GET',
    url: '/report?service=cloud',
    headers: { cookie: s.cookie },
  });
  const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const res = await t.app.inject({
    method: 'POST',
    url: '/report',
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      _csrf: s.csrf,
      submissionKey: key,
      service: 'cloud',
      company: 'Koch IT GmbH',
      firstName: 'Lena',
      lastName: 'Koch',
      email: 'lena@partner.example',
      phone: '0355 123456',
      reporterKind: 'customer',
      'identifiers.cloudName': cloudName,
      description: 'Die Cloud antwortet seit 9 Uhr nicht.',
      consent: 'yes',
    }),
  });
  expect(res.statusCode).toBe(303);
  return String(res.headers.location);
}

describe('partner area', () => {
  it('sends people without a session to sign in, and refuses staff', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/partner' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/console/login?next=%2Fpartner');
    const staff = await signedInStaff(t, 'admin');
    const res = await t.app.inject({ method: 'GET', url: '/partner', headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('gives partners no staff right: console pages send them to their area, console actions are refused', async () => {
    const s = await signedInPartner('partner-1');
    for (const url of ['/console', '/console/reports', '/console/users']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe('/partner');
    }
    const post = await t.app.inject({
      method: 'POST',
      url: '/console/users',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        _csrf: s.csrf,
        email: 'x@example.net',
        role: 'admin',
        password: 'long enough password',
      }),
    });
    expect(post.statusCode).toBe(403);
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: { cookie: s.cookie, accept: 'application/json' },
    });
    expect(api.statusCode).toBe(403);
  });

  it('prefills the form from the account and files as partner, whatever the form says', async () => {
    const s = await signedInPartner('partner-1');
    const page = await t.app.inject({
      method: 'GET',
      url: '/report?service=cloud',
      headers: { cookie: s.cookie, 'accept-language': 'en' },
    });
    expect(page.body).toContain('value="Koch IT GmbH"');
    expect(page.body).toContain('value="partner-1@partner.example"');
    expect(page.body).toContain('You are reporting as a partner for Koch IT GmbH');
    expect(page.body).not.toContain('Partner? Sign in here');
    await fileAsPartner(s, 'a.example-cloud.com');
    const row = await t.store.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reporter_kind: 'partner', partner_user_id: 'partner-1' });
  });

  it("lists a partner's own reports with follow pages; another partner sees neither", async () => {
    const one = await signedInPartner('partner-1');
    const two = await signedInPartner('partner-2', 'Andere GmbH');
    await fileAsPartner(one, 'a.example-cloud.com');
    const ticket = (await t.store.db.selectFrom('reports').select('ticket').executeTakeFirstOrThrow()).ticket;
    const home = await t.app.inject({
      method: 'GET',
      url: '/partner',
      headers: { cookie: one.cookie, 'accept-language': 'en' },
    });
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('private, no-store');
    expect(home.body).toContain(`href="/partner/reports/${ticket}"`);
    expect(home.body).toContain('Koch IT GmbH');
    const follow = await t.app.inject({
      method: 'GET',
      url: `/partner/reports/${ticket}`,
      headers: { cookie: one.cookie },
    });
    expect(follow.statusCode).toBe(200);
    expect(follow.body).toContain(ticket);
    // Reached by the session: no token link to keep or subscribe with, a way back instead.
    expect(follow.body).not.toContain('/subscribe?ticket');
    expect(follow.body).toContain('href="/partner"');
    const otherHome = await t.app.inject({
      method: 'GET',
      url: '/partner',
      headers: { cookie: two.cookie, 'accept-language': 'en' },
    });
    expect(otherHome.body).not.toContain(ticket);
    expect(otherHome.body).toContain('You have not reported an outage yet.');
    const otherFollow = await t.app.inject({
      method: 'GET',
      url: `/partner/reports/${ticket}`,
      headers: { cookie: two.cookie },
    });
    expect(otherFollow.statusCode).toBe(404);
  });
});

describe('partner sign-in', () => {
  it('signs in on the common sign-in page and lands in the partner area', async () => {
    await seedPartner(t.store, { id: 'partner-1', email: 'lena@partner.example' });
    await t.store.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('the partner password') })
      .where('id', '=', 'partner-1')
      .execute();
    const page = await t.app.inject({ method: 'GET', url: '/console/login' });
    const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        _csrf: csrf,
        email: 'lena@partner.example',
        password: 'the partner password',
        next: '',
      }),
    });
    expect(res.statusCode).toBe(303);
    const session = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('dt_session='))
      ?.split(';')[0];
    const landing = await t.app.inject({
      method: 'GET',
      url: String(res.headers.location),
      headers: { cookie: session ?? '' },
    });
    expect(landing.statusCode).toBe(303);
    expect(landing.headers.location).toBe('/partner');
    const area = await t.app.inject({ method: 'GET', url: '/partner', headers: { cookie: session ?? '' } });
    expect(area.statusCode).toBe(200);
  });
});

describe('partner password', () => {
  it('changes the own password with the current one; every session ends', async () => {
    const s = await signedInPartner('partner-1');
    await t.store.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('the old partner password') })
      .where('id', '=', 'partner-1')
      .execute();
    const send = (current: string) =>
      t.app.inject({
        method: 'POST',
        url: '/partner/password',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({
          _csrf: s.csrf,
          currentPassword: current,
          newPassword: 'the new partner password',
          newPasswordConfirm: 'the new partner password',
        }),
      });
    const wrong = await send('not it at all');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="f-currentPassword-error"');
    const ok = await send('the old partner password');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/console/login?notice=passwordChanged&next=%2Fpartner');
    const after = await t.app.inject({ method: 'GET', url: '/partner', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(303);
  });
});

describe('partner invitation link', () => {
  const admin = { type: 'user' as const, id: 'u-admin', label: 'admin@example.net', role: 'admin' as const };
  const invite = () =>
    invitePartner({
      ctx: testContext(t.store, t.clock, admin),
      input: {
        email: 'lena@partner.example',
        firstName: 'Lena',
        lastName: 'Koch',
        company: 'Koch IT GmbH',
        locale: 'en',
      },
    });

  async function openLink(token: string) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/partner/invitation?token=${encodeURIComponent(token)}`,
    });
    const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    return { res, cookie, csrf };
  }

  it('answers a wrong link with 410 and a page that says what to do', async () => {
    const { res } = await openLink('nope');
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Bitten Sie um eine neue Einladung');
  });

  it('sets the password with errors beside the fields, then signs the partner in to its area', async () => {
    const inv = await invite();
    const link = await openLink(inv.token);
    expect(link.res.statusCode).toBe(200);
    expect(link.res.body).toContain('Koch IT GmbH');
    const send = (password: string, confirm: string) =>
      t.app.inject({
        method: 'POST',
        url: '/partner/invitation',
        headers: {
          cookie: link.cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'accept-language': 'en',
        },
        payload: form({ _csrf: link.csrf, token: inv.token, password, passwordConfirm: confirm }),
      });
    const bad = await send('short', 'other');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('f-password-error');
    expect(bad.body).toContain('f-passwordConfirm-error');
    const ok = await send('a long partner passphrase', 'a long partner passphrase');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/partner');
    const cookies = ([] as string[]).concat(ok.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('dt_session='))?.split(';')[0] ?? '';
    // The account's language (invited in English) becomes the reader's language.
    expect(cookies.some((c) => c.startsWith('dt_lang=en;'))).toBe(true);
    const home = await t.app.inject({ method: 'GET', url: '/partner', headers: { cookie: session } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('lena@partner.example');
    const again = await send('a long partner passphrase', 'a long partner passphrase');
    expect(again.statusCode).toBe(410);
  });

  it('says so when the address got an account meanwhile, and keeps the link', async () => {
    const inv = await invite();
    await seedPartner(t.store, { id: 'other', email: 'lena@partner.example' });
    const link = await openLink(inv.token);
    const res = await t.app.inject({
      method: 'POST',
      url: '/partner/invitation',
      headers: {
        cookie: link.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': 'en',
      },
      payload: form({
        _csrf: link.csrf,
        token: inv.token,
        password: 'a long partner passphrase',
        passwordConfirm: 'a long partner passphrase',
      }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('There is an account for lena@partner.example already.');
    const row = await t.store.db
      .selectFrom('partner_invitations')
      .select('accepted_at')
      .executeTakeFirstOrThrow();
    expect(row.accepted_at).toBeNull();
  });
});
