/**
 * @module getNotification: one delivery log entry (outbox row) with its attempts, for its console
 * page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';

export async function getNotification(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const attempts = await db
    .selectFrom('notification_attempts')
    .select(['attempt', 'at', 'ok', 'detail', 'worker'])
    .where('notification_id', '=', id)
    .orderBy('attempt')
    .execute();
  return { row, attempts };
}
