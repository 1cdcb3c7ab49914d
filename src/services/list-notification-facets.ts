/**
 * @module listNotificationFacets: the kinds and events present in the delivery log, for the
 * filter's choices.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';

/** Distinct kinds and events present, for the filter's choices. */
export async function listNotificationFacets(db: Kysely<Database>) {
  const kinds = await db.selectFrom('notifications').select('kind').distinct().orderBy('kind').execute();
  const events = await db.selectFrom('notifications').select('event').distinct().orderBy('event').execute();
  return { kinds: kinds.map((k) => k.kind), events: events.map((e) => e.event) };
}
