/**
 * @module The public state's version.
 */
import { CompiledQuery } from 'kysely';
import type { Tx } from './context.ts';

// Compiled once: this runs on every status page request, where building the query would cost
// more than running it. The SQL is the same in SQLite and PostgreSQL.
const newestAuditId = CompiledQuery.raw('select id from audit_log order by id desc limit 1');

/**
 * A mark that changes whenever anything the public sees may have changed: every state change
 * writes an audit row with a time-sortable id, so the newest id is a cheap version (one index
 * lookup). Pages cache on it, together with the viewer's date, language and zone.
 */
export async function getChangeMark(db: Tx): Promise<string> {
  const { rows } = await db.executeQuery<{ id: string }>(newestAuditId);
  return rows[0]?.id ?? '0';
}
