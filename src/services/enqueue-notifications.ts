/**
 * @module The transactional outbox: `enqueueNotifications(trx, ctx, event)` is called inside the
 * transaction of the verb that causes the event and writes one outbox row per recipient — so the
 * messages exist exactly when the change does. Subscribers of incidents and maintenances are the
 * exception: the transaction records the fan-out's intent and the first page of them, the rest is
 * written page by page afterwards (notification-fanouts.ts), so a large audience never holds the
 * operator. Each row's idempotency key is
 * `<event>:<entity id>:<update id or state>:<recipient kind>:<recipient id>` (unique, insert or
 * ignore): calling it twice for the same event inserts nothing new. The delivery worker
 * (jobs/outbox-worker.ts) sends the rows.
 *
 * @example
 * await ctx.db.transaction().execute(async (trx) => {
 *   // … the state change …
 *   await enqueueNotifications(trx, ctx, { event: 'incident.updated', incidentId, updateId });
 * });
 */
import type { BilingualText } from '#src/domain/incident.ts';
import type { AlertNotice, Locale, Notice } from '#src/domain/notification-notice.ts';
import type { SubscriptionNotice } from '#src/domain/subscription-text.ts';
import type { ServiceContext, Tx } from './context.ts';
import { enqueueReportForOperators } from './enqueue-report-for-operators.ts';
import { affectedRecipients } from './list-affected-customers.ts';
import { loadIncidentNotice, loadMaintenanceNotice, loadReportNotice } from './load-notice.ts';
import { startFanout } from './notification-fanouts.ts';
import {
  coveredBySubscription,
  operatorChannelsFor,
  type Recipient,
  withoutOptedOut,
} from './notification-recipients.ts';
import { writeOutboxRows } from './outbox-rows.ts';

/** A person to tell about an incident who has no subscription (affected customers' contacts). */
export interface AffectedRecipient {
  kind: 'email' | 'sms';
  /** Lower-case email or E.164 number. */
  address: string;
  locale: Locale;
  /** The contact's id (part of the idempotency key). */
  contactId: string;
}

export type NotificationEvent =
  | {
      event: 'incident.declared' | 'incident.updated' | 'incident.resolved';
      incidentId: string;
      updateId: string;
    }
  | { event: 'incident.affected'; incidentId: string; updateId: string; recipients: AffectedRecipient[] }
  | {
      event: 'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed';
      maintenanceId: string;
    }
  | { event: 'maintenance.reminder'; maintenanceId: string; hoursBefore: number }
  | { event: 'report.received'; reportId: string; followToken: string }
  | { event: 'report.state_changed'; reportId: string }
  | {
      event: 'alert.fired' | 'alert.resolved';
      alertId: string;
      title: BilingualText;
      detail: BilingualText;
      /** Console path of the alert, e.g. `/console/alerts/<id>`. */
      path: string;
      /** When it fired or resolved (ISO 8601); part of the idempotency key. */
      at: string;
    }
  | {
      /** To one subscriber, whatever its state (confirmation, already subscribed, test event). */
      event: 'subscriber.confirm' | 'subscriber.already' | 'subscriber.test';
      notice: SubscriptionNotice;
      subscriber: { id: string; kind: 'email' | 'sms' | 'webhook'; address: string; locale: Locale };
      /** New per request: each confirmation or test is its own message. */
      nonce: string;
    };

export type NotificationEventName = NotificationEvent['event'];

interface Fanout {
  notice: Notice | SubscriptionNotice;
  /** `<entity id>:<update id or state>` part of the idempotency key. */
  keyPart: string;
  subjectId: string;
  /** Written now, in the event's transaction. */
  recipients: Recipient[];
  /** Subscribers of these components (or page-wide ones) are fanned out deferred. */
  subscribersOf?: readonly string[];
}

/** Writes the outbox rows of one event (or its fan-out's first page); returns how many are new. */
export async function enqueueNotifications(
  trx: Tx,
  ctx: ServiceContext,
  event: NotificationEvent,
): Promise<number> {
  // Operator channels hear of a new report in their own words (enqueue-report-for-operators.ts).
  const forOperators =
    event.event === 'report.received' ? await enqueueReportForOperators(trx, ctx, event.reportId) : 0;
  const fanout = await plan(trx, event);
  if (!fanout) return forOperators;
  const direct = await writeOutboxRows(trx, ctx, { event: event.event, ...fanout });
  const deferred = fanout.subscribersOf
    ? await startFanout(trx, ctx, {
        event: event.event,
        keyPart: fanout.keyPart,
        subjectId: fanout.subjectId,
        componentIds: fanout.subscribersOf,
        notice: fanout.notice as Notice,
      })
    : 0;
  return direct + deferred + forOperators;
}

async function plan(trx: Tx, e: NotificationEvent): Promise<Fanout | null> {
  switch (e.event) {
    case 'incident.declared':
    case 'incident.updated':
    case 'incident.resolved': {
      const found = await loadIncidentNotice(trx, e.event, e.incidentId, e.updateId);
      if (!found) return null;
      const recipients = [
        ...(await operatorChannelsFor(trx, e.event)),
        ...(await followingAffected(trx, e.incidentId, found.componentIds)),
      ];
      return {
        notice: found.notice,
        keyPart: `${e.incidentId}:${e.updateId}`,
        subjectId: e.incidentId,
        recipients,
        subscribersOf: found.componentIds,
      };
    }
    case 'incident.affected': {
      const found = await loadIncidentNotice(trx, e.event, e.incidentId, e.updateId);
      if (!found) return null;
      const given: Recipient[] = e.recipients.map((r) => ({
        kind: r.kind,
        address: r.address,
        locale: r.locale,
        recipientId: r.contactId,
      }));
      const recipients = await withoutOptedOut(trx, given);
      return {
        notice: found.notice,
        keyPart: `${e.incidentId}:${e.updateId}`,
        subjectId: e.incidentId,
        recipients,
      };
    }
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.reminder': {
      const found = await loadMaintenanceNotice(trx, e.event, e.maintenanceId);
      if (!found) return null;
      const hoursBefore = e.event === 'maintenance.reminder' ? e.hoursBefore : undefined;
      const notice = hoursBefore === undefined ? found.notice : { ...found.notice, hoursBefore };
      const recipients = await operatorChannelsFor(trx, e.event);
      const state = hoursBefore === undefined ? e.event.slice('maintenance.'.length) : `${hoursBefore}h`;
      return {
        notice,
        keyPart: `${e.maintenanceId}:${state}`,
        subjectId: e.maintenanceId,
        recipients,
        subscribersOf: found.componentIds,
      };
    }
    case 'report.received':
    case 'report.state_changed': {
      const token = e.event === 'report.received' ? e.followToken : null;
      const found = await loadReportNotice(trx, e.event, e.reportId, token);
      if (!found?.email) return null;
      const reporter: Recipient = {
        kind: 'email',
        address: found.email.toLowerCase(),
        locale: found.locale,
        recipientId: e.reportId,
        reportId: e.reportId,
      };
      // The version tells one state change from the next, even when a report returns to a state.
      const state = e.event === 'report.received' ? 'new' : `${found.notice.state}.v${found.version}`;
      return {
        notice: found.notice,
        keyPart: `${e.reportId}:${state}`,
        subjectId: e.reportId,
        recipients: [reporter],
      };
    }
    case 'alert.fired':
    case 'alert.resolved': {
      const notice: AlertNotice = {
        type: 'alert',
        event: e.event,
        alertId: e.alertId,
        title: e.title,
        detail: e.detail,
        path: e.path,
        at: e.at,
      };
      const recipients = await operatorChannelsFor(trx, e.event);
      return { notice, keyPart: `${e.alertId}:${e.at}`, subjectId: e.alertId, recipients };
    }
    case 'subscriber.confirm':
    case 'subscriber.already':
    case 'subscriber.test': {
      const s = e.subscriber;
      const recipient: Recipient = {
        kind: s.kind,
        address: s.address,
        locale: s.locale,
        recipientId: s.id,
        subscriberId: s.id,
      };
      return { notice: e.notice, keyPart: `${s.id}:${e.nonce}`, subjectId: s.id, recipients: [recipient] };
    }
  }
}

/**
 * Affected customers' contacts, when an operator wrote to them about this incident and chose that
 * updates follow (`incident_communications.notify_affected`): they get later public updates and the
 * resolution too — minus opt-outs, and minus addresses that already get it as subscribers.
 */
async function followingAffected(
  trx: Tx,
  incidentId: string,
  componentIds: readonly string[],
): Promise<Recipient[]> {
  const comms = await trx
    .selectFrom('incident_communications')
    .select('notify_affected')
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (comms?.notify_affected !== 1) return [];
  const affected: Recipient[] = (await affectedRecipients(trx, incidentId)).map((r) => ({
    kind: r.kind,
    address: r.address,
    locale: r.locale,
    recipientId: `contact:${r.contactId}`,
  }));
  const taken = await coveredBySubscription(trx, componentIds, affected);
  return withoutOptedOut(
    trx,
    affected.filter((r) => !taken.has(`${r.kind}\0${r.address}`)),
  );
}
