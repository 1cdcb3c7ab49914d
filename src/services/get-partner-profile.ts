/**
 * @module getPartnerProfile: what a signed-in partner's report form is prefilled with (nothing
 * for a disabled or non-partner user).
 */
import type { Tx } from './context.ts';

export async function getPartnerProfile(db: Tx, userId: string) {
  const row = await db
    .selectFrom('partner_profiles')
    .innerJoin('users', 'users.id', 'partner_profiles.user_id')
    .select([
      'users.email',
      'users.disabled',
      'users.role',
      'partner_profiles.first_name',
      'partner_profiles.last_name',
      'partner_profiles.company',
      'partner_profiles.phone',
    ])
    .where('partner_profiles.user_id', '=', userId)
    .executeTakeFirst();
  if (row?.role !== 'partner' || row.disabled) return null;
  return {
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    phone: row.phone,
  };
}
