/**
 * @module A partner account for tests, inserted directly (as accepting an invitation would leave
 * it): user with role partner and its profile. Idempotent per id.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import { hashToken, newToken } from '#src/services/secrets.ts';

export async function seedPartner(
  store: Store,
  o: { id?: string; email?: string; company?: string; disabled?: boolean } = {},
): Promise<string> {
  const id = o.id ?? 'partner-1';
  const at = '2026-11-01T00:00:00.000Z';
  await store.db.deleteFrom('partner_profiles').where('user_id', '=', id).execute();
  await store.db.deleteFrom('sessions').where('user_id', '=', id).execute();
  await store.db
    .updateTable('reports')
    .set({ partner_user_id: null })
    .where('partner_user_id', '=', id)
    .execute();
  await store.db.deleteFrom('users').where('id', '=', id).execute();
  await store.db
    .insertInto('users')
    .values({
      id,
      email: o.email ?? `${id}@partner.example`,
      role: 'partner',
      password_hash: 'scrypt$invalid',
      locale: 'de',
      created_at: at,
      password_changed_at: at,
      disabled: o.disabled ? 1 : 0,
    })
    .execute();
  await store.db
    .insertInto('partner_profiles')
    .values({
      user_id: id,
      first_name: 'Lena',
      last_name: 'Koch',
      company: o.company ?? 'Koch IT GmbH',
      phone: '',
    })
    .execute();
  return id;
}

/** A session for a seeded partner: the cookie header and the CSRF token its forms carry. */
export async function partnerSession(store: Store, userId: string, now: Date) {
  const cookie = newToken();
  const csrf = newToken();
  await store.db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(cookie),
      user_id: userId,
      csrf_token: csrf,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 3600_000).toISOString(),
    })
    .execute();
  return { cookie: `dt_session=${cookie}`, csrf };
}
