import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { acceptPartnerInvitation } from './accept-partner-invitation.ts';
import { authenticateSession } from './authenticate-session.ts';
import type { Actor } from './context.ts';
import { invitePartner } from './invite-partner.ts';
import { listPartners } from './list-partners.ts';
import { revokePartnerInvitation } from './revoke-partner-invitation.ts';
import { signIn } from './sign-in.ts';

const admin: Actor = { type: 'user', id: 'u-admin', label: 'admin@example.net', role: 'admin' };
const operatorActor: Actor = { type: 'user', id: 'u-op', label: 'op@example.net', role: 'operator' };

async function reset(store: Store) {
  for (const t of ['sessions', 'partner_invitations', 'partner_profiles', 'audit_log'] as const) {
    await store.db.deleteFrom(t).execute();
  }
  await store.db.deleteFrom('reports').execute();
  await store.db.deleteFrom('users').execute();
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DialtoneError ? `${e.code}:${e.key}` : String(e)),
  );
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => [],
    (e: unknown) => (e as DialtoneError).fields.map((f) => `${f.path}:${f.key}`),
  );

const invitee = {
  email: ' Lena@Partner.Example ',
  firstName: 'Lena',
  lastName: 'Koch',
  company: 'Koch IT GmbH',
  locale: 'en',
};
const password = 'a long partner passphrase';

describeEachStore('partner invitations', (getStore) => {
  const clock = testClock();
  const ctx = (actor: Actor = admin) => testContext(getStore(), clock, actor);
  const accept = (token: string, pw = password) =>
    acceptPartnerInvitation({
      ctx: ctx(),
      input: { token, password: pw, passwordConfirm: pw, sessionHours: 12 },
    });

  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    await reset(getStore());
  });

  it('invites: a 7-day link whose token is stored only hashed, audited without the token', async () => {
    const inv = await invitePartner({ ctx: ctx(), input: invitee });
    expect(inv).toMatchObject({ email: 'lena@partner.example', company: 'Koch IT GmbH', locale: 'en' });
    expect(inv.expiresAt).toBe('2026-11-27T10:00:00.000Z');
    const row = await getStore().db.selectFrom('partner_invitations').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(inv.token);
    expect(row.token_hash).toHaveLength(64);
    const audit = await getStore().db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'partner.invite', actor_label: 'admin@example.net' });
    expect(audit.detail).not.toContain(inv.token);
  });

  it('lets only admins invite, and names every bad field', async () => {
    expect(await codeOf(invitePartner({ ctx: ctx(operatorActor), input: invitee }))).toBe(
      'forbidden:error.forbidden',
    );
    const bad = { email: 'nope', firstName: '', lastName: 'x'.repeat(101), company: '', locale: 'fr' };
    expect(await fieldsOf(invitePartner({ ctx: ctx(), input: bad }))).toEqual([
      'email:error.invalidEmail',
      'firstName:error.required',
      'lastName:error.tooLong',
      'company:error.required',
      'locale:error.invalidValue',
    ]);
    expect(await getStore().db.selectFrom('partner_invitations').selectAll().execute()).toEqual([]);
  });

  it('accepting creates a partner with profile and session, once; the partner can sign in', async () => {
    const inv = await invitePartner({ ctx: ctx(), input: invitee });
    clock.advance(60_000);
    const result = await accept(inv.token);
    expect(result.user).toMatchObject({ email: 'lena@partner.example', role: 'partner', locale: 'en' });
    const session = await authenticateSession(getStore().db, result.cookie, clock());
    expect(session?.actor).toMatchObject({ type: 'user', role: 'partner' });
    const profile = await getStore().db.selectFrom('partner_profiles').selectAll().executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ user_id: result.user.id, company: 'Koch IT GmbH', last_name: 'Koch' });
    const actions = await getStore().db.selectFrom('audit_log').select('action').orderBy('at').execute();
    expect(actions.map((a) => a.action)).toEqual(['partner.invite', 'partner.accept']);
    // The link works once.
    expect(await codeOf(accept(inv.token))).toBe('not_found:partner.invitation.invalid');
    const signedIn = await signIn({
      ctx: ctx(),
      input: { email: 'lena@partner.example', password, sessionHours: 12 },
    });
    expect(signedIn.user.role).toBe('partner');
  });

  it('two people using the link at once create one user', async () => {
    const inv = await invitePartner({ ctx: ctx(), input: invitee });
    const results = await Promise.all([codeOf(accept(inv.token)), codeOf(accept(inv.token))]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(await getStore().db.selectFrom('users').selectAll().execute()).toHaveLength(1);
  });

  it('refuses expired, revoked, superseded and unknown links, and a short password keeps the link', async () => {
    const first = await invitePartner({ ctx: ctx(), input: invitee });
    clock.advance(60_000);
    const second = await invitePartner({ ctx: ctx(), input: invitee });
    clock.advance(60_000);
    expect(await codeOf(accept(first.token))).toBe('not_found:partner.invitation.invalid');
    expect(await fieldsOf(accept(second.token, 'short'))).toEqual(['password:error.passwordTooShort']);
    expect(await revokePartnerInvitation({ ctx: ctx(), input: { invitationId: second.id } })).toEqual({
      changed: true,
    });
    expect(await revokePartnerInvitation({ ctx: ctx(), input: { invitationId: second.id } })).toEqual({
      changed: false,
    });
    expect(await codeOf(accept(second.token))).toBe('not_found:partner.invitation.invalid');
    const third = await invitePartner({ ctx: ctx(), input: invitee });
    clock.advance(7 * 24 * 3600_000);
    expect(await codeOf(accept(third.token))).toBe('not_found:partner.invitation.invalid');
    expect(await codeOf(accept('made-up'))).toBe('not_found:partner.invitation.invalid');
    const listed = await listPartners(getStore().db, { now: clock() });
    expect(listed.partners).toEqual([]);
    expect(listed.invitations.map((i) => i.state)).toEqual(['expired', 'revoked', 'revoked']);
  });

  it('refuses to invite an address that already has an account', async () => {
    const inv = await invitePartner({ ctx: ctx(), input: invitee });
    await accept(inv.token);
    expect(await fieldsOf(invitePartner({ ctx: ctx(), input: invitee }))).toEqual(['email:error.emailTaken']);
    const listed = await listPartners(getStore().db, { now: clock() });
    expect(listed.partners.map((p) => p.company)).toEqual(['Koch IT GmbH']);
  });
});
