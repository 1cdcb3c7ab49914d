/**
 * @module loadOperatorChannel: one stored operator channel with its credentials, for the verbs
 * that send with it or merge a form over it; never for display.
 */
import type { Tx } from './context.ts';
import { parseObject } from './operator-channel-rows.ts';

/** The stored row with its credentials, for sending a test message. */
export async function loadOperatorChannel(db: Tx, id: string) {
  const row = await db.selectFrom('operator_channels').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, settings: parseObject(row.settings) } : null;
}
