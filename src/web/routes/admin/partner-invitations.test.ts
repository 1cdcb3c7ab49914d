import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '#src/services/secrets.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { partnerSession, seedPartner } from '../../../../test/support/partners.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const post = (s: { cookie: string; csrf: string }, url: string, fields: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: s.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
    },
    payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
  });

const invitee = {
  email: 'Lena@Partner.Example',
  firstName: 'Lena',
  lastName: 'Koch',
  company: 'Koch IT GmbH',
  locale: 'de',
};

describe('console: partners and invitations', () => {
  it('is for admins only', async () => {
    const op = await signedInStaff(t, 'operator');
    const res = await t.app.inject({
      method: 'GET',
      url: '/console/users/partners',
      headers: { cookie: op.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await post(op, '/console/users/partners/invitations', invitee)).statusCode).toBe(403);
  });

  it('invites: the link is shown once, its token stored only hashed, the invite audited', async () => {
    const admin = await signedInStaff(t, 'admin', 'admin@example.net');
    const res = await post(admin, '/console/users/partners/invitations', invitee);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // ghtml escapes `=` in attribute values as &#61;.
    const shown = /id="invitation-link"[^>]* value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    const link = new URL(shown.replaceAll('&#61;', '='));
    expect(`${link.origin}${link.pathname}`).toBe('http://status.example.net/partner/invitation');
    const token = link.searchParams.get('token') ?? '';
    const row = await t.store.db.selectFrom('partner_invitations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: 'lena@partner.example',
      token_hash: hashToken(token),
      invited_by: 'admin@example.net',
    });
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'partner.invite')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain(token);
    // Listed as open; shown again without the link.
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/users/partners',
      headers: { cookie: admin.cookie, 'accept-language': 'en' },
    });
    expect(page.body).toContain('lena@partner.example');
    expect(page.body).not.toContain(token);
  });

  it('keeps what was typed and names each field when an invitation is refused', async () => {
    const admin = await signedInStaff(t, 'admin');
    const res = await post(admin, '/console/users/partners/invitations', {
      ...invitee,
      email: 'kaputt',
      company: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="kaputt"');
    expect(res.body).toContain('value="Lena"');
    expect(res.body).toContain('id="f-email-error"');
    expect(res.body).toContain('id="f-company-error"');
    expect(await t.store.db.selectFrom('partner_invitations').selectAll().execute()).toEqual([]);
  });

  it('withdraws an invitation and disables a partner, whose sessions end', async () => {
    const admin = await signedInStaff(t, 'admin');
    await post(admin, '/console/users/partners/invitations', invitee);
    const inv = await t.store.db.selectFrom('partner_invitations').select('id').executeTakeFirstOrThrow();
    const revoked = await post(admin, `/console/users/partners/invitations/${inv.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/console/users/partners?notice=invitationRevoked');
    const row = await t.store.db
      .selectFrom('partner_invitations')
      .select('revoked_at')
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();

    await seedPartner(t.store, { id: 'partner-1' });
    const partner = await partnerSession(t.store, 'partner-1', t.clock());
    const disabled = await post(admin, '/console/users/partners/partner-1/disable');
    expect(disabled.headers.location).toBe('/console/users/partners?notice=userDisabled');
    const home = await t.app.inject({ method: 'GET', url: '/partner', headers: { cookie: partner.cookie } });
    expect(home.statusCode).toBe(303);
    // Staff accounts are not managed here.
    expect((await post(admin, `/console/users/partners/${admin.userId}/disable`)).statusCode).toBe(404);
  });

  it('keeps partners off the staff users table, with a way to their page', async () => {
    const admin = await signedInStaff(t, 'admin');
    await seedPartner(t.store, { id: 'partner-1', email: 'lena@partner.example' });
    const users = await t.app.inject({
      method: 'GET',
      url: '/console/users',
      headers: { cookie: admin.cookie },
    });
    expect(users.body).not.toContain('lena@partner.example');
    expect(users.body).toContain('href="/console/users/partners"');
  });
});
