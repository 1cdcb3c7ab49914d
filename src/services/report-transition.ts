/**
 * @module The report states and the one way every inbox verb moves a report: a conditional
 * UPDATE (`WHERE state IN allowed`) with its audit row in the same transaction. A report moved
 * meanwhile by someone else is refused with `invalid_transition`, never overwritten.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { writeAudit } from './write-audit.ts';

export const reportStates = ['new', 'triaged', 'linked', 'closed'] as const;
export type ReportState = (typeof reportStates)[number];
export const isReportState = (v: unknown): v is ReportState => reportStates.includes(v as ReportState);
/** States in which a report still waits for the team. */
export const openReportStates: readonly ReportState[] = ['new', 'triaged', 'linked'];

export const closeReasons = [
  'local_cause',
  'other_carrier',
  'resolved',
  'duplicate',
  'not_reportable',
] as const;
export type CloseReason = (typeof closeReasons)[number];
export const isCloseReason = (v: unknown): v is CloseReason => closeReasons.includes(v as CloseReason);

export interface ReportMove {
  reportId: string;
  from: readonly ReportState[];
  /** The state the report ends in (for the error message and the audit row). */
  to: ReportState;
  set: {
    state?: ReportState;
    incident_id?: string | null;
    assignee_id?: string | null;
    close_reason?: string | null;
    closed_at?: string | null;
  };
  action: string;
  detail?: Record<string, unknown>;
  /** Message key when the report is in none of the `from` states (default: a state change refused). */
  refusal?: string;
}

export async function moveReport(trx: Tx, ctx: ServiceContext, move: ReportMove): Promise<void> {
  const now = ctx.clock().toISOString();
  const updated = await trx
    .updateTable('reports')
    .set((eb) => ({ ...move.set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', move.reportId)
    .where('state', 'in', [...move.from])
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const row = await trx
      .selectFrom('reports')
      .select(['state', 'ticket'])
      .where('id', '=', move.reportId)
      .executeTakeFirst();
    if (!row) throw notFound('report', move.reportId);
    throw new DialtoneError('invalid_transition', move.refusal ?? 'console.reports.error.transition', {
      params: { ticket: row.ticket, from: row.state, to: move.to },
    });
  }
  // The reporter hears of every change of state (linked to an incident, closed with the reason).
  if (move.set.state)
    await enqueueNotifications(trx, ctx, { event: 'report.state_changed', reportId: move.reportId });
  await writeAudit(trx, ctx, {
    action: move.action,
    subjectType: 'report',
    subjectId: move.reportId,
    detail: move.detail ?? {},
  });
}

/** The incident to link to: it must exist and still be open. */
export async function requireOpenIncident(db: Tx, incidentId: string, path = 'incidentId'): Promise<void> {
  const incident = await db
    .selectFrom('incidents')
    .select('resolved_at')
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!incident) throw fieldRefused(path, 'console.reports.error.unknownIncident', { id: incidentId });
  if (incident.resolved_at !== null) throw fieldRefused(path, 'console.reports.error.incidentResolved');
}

/** One field refused: the shape every inbox verb uses for bad input. */
export const fieldRefused = (path: string, key: string, params?: Record<string, string | number>) =>
  new DialtoneError('validation_failed', 'error.validationFailed', {
    fields: [params ? { path, key, params } : { path, key }],
  });

export const maxCommentLength = 5000;

/** A comment or closing message: trimmed, required, bounded. */
export function checkText(path: string, raw: string): string {
  const text = raw.trim();
  if (text === '') throw fieldRefused(path, 'error.required');
  if (text.length > maxCommentLength) throw fieldRefused(path, 'error.tooLong', { max: maxCommentLength });
  return text;
}
