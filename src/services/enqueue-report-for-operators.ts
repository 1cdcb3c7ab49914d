/**
 * @module A new outage report, told to the operator channels subscribed to `report.received`:
 * one outbox row per channel, written in the transaction that files the report (called by
 * enqueueNotifications). The notice carries no personal data and no follow link (see
 * domain/subscription-report-notice.ts). Idempotent like every outbox row: the key
 * `report.received:<report>:new:<kind>:<channel>` is unique.
 */
import type { OperatorReportNotice } from '#src/domain/subscription-report-notice.ts';
import { operatorReportSubject } from '#src/domain/subscription-report-notice.ts';
import type { ServiceContext, Tx } from './context.ts';
import { operatorChannelsFor } from './notification-recipients.ts';

export async function enqueueReportForOperators(
  trx: Tx,
  ctx: ServiceContext,
  reportId: string,
): Promise<number> {
  const channels = await operatorChannelsFor(trx, 'report.received');
  if (channels.length === 0) return 0;
  const row = await trx
    .selectFrom('reports as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('incidents as i', 'i.id', 'r.incident_id')
    .select([
      'r.id',
      'r.ticket',
      'r.reporter_kind',
      'r.created_at',
      's.name_de',
      's.name_en',
      'i.id as incident_id',
      'i.title_de',
      'i.title_en',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!row) return 0;
  const notice: OperatorReportNotice = {
    type: 'operator_report',
    event: 'report.received',
    reportId: row.id,
    ticket: row.ticket,
    service: { de: row.name_de, en: row.name_en },
    reporterKind: row.reporter_kind,
    incident: row.incident_id
      ? { id: row.incident_id, title: { de: row.title_de ?? '', en: row.title_en ?? '' } }
      : null,
    createdAt: row.created_at,
  };
  const now = ctx.clock().toISOString();
  const result = await trx
    .insertInto('notifications')
    .values(
      channels.map((c) => ({
        id: ctx.newId(),
        idempotency_key: `report.received:${reportId}:new:${c.kind}:${c.recipientId}`,
        event: 'report.received',
        kind: c.kind,
        recipient: c.address,
        subscriber_id: null,
        operator_channel_id: c.operatorChannelId ?? null,
        report_id: reportId,
        subject_id: reportId,
        locale: c.locale,
        subject: operatorReportSubject(notice, c.locale),
        body_text: '',
        body_html: null,
        payload: JSON.stringify(notice),
        headers: '{}',
        state: 'pending',
        attempts: 0,
        attempt_limit: null,
        next_attempt_at: now,
        claimed_by: null,
        claimed_until: null,
        last_error: null,
        created_at: now,
        sent_at: null,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
