/**
 * @module The public state's version.
 */
import type { Tx } from './context.ts';

/**
 * A mark that changes whenever anything the public sees may have changed: every state change
 * writes an audit row with a time-sortable id, so the newest id is a cheap version (one index
 * lookup). Pages cache on it, together with the viewer's date, language and zone.
 */
export async function getChangeMark(db: Tx): Promise<string> {
  const row = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? '0';
}
