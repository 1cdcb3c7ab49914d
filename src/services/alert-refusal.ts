/**
 * @module Why an operator's decision on an alert was refused: shared by acknowledgeAlert,
 * dismissAlert and declareIncidentFromAlert, whose conditional updates found nothing to change.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';

/** 404 for an unknown alert, else 409 naming what was already decided. */
export async function refuse(trx: Tx, alertId: string, key: string): Promise<never> {
  const row = await trx.selectFrom('alerts').select('decision').where('id', '=', alertId).executeTakeFirst();
  if (!row) throw notFound('alert', alertId);
  throw new DialtoneError('invalid_transition', key, { params: { decision: row.decision } });
}
