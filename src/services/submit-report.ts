/**
 * @module Files an outage report: validates it against its service (domain/report.ts), routes it
 * to the service's queue, gives it a ticket number (`ST-<year>-<6 digits>`, sequential per year)
 * and a private follow token (only its hash is stored), links it to an open incident on the
 * service's components (a report on a cloud: only one that names its cloud or none), and writes
 * the audit row — one transaction. Reporting as a partner takes a signed-in partner account
 * (`partnerUserId`); the form's "partner" alone is refused. A repeated submission key
 * returns the report filed the first time; two concurrent reports never share a ticket (the
 * unique index decides, the loser takes the next number).
 */
import { createHash } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import type { ReportTable } from '#src/adapters/store/schema.ts';
import { DialtoneError, validationError } from '#src/domain/errors.ts';
import {
  type CleanReport,
  clampTriageSteps,
  cloudNameKey,
  defaultCloudNamePattern,
  formatTicket,
  identifierSpecs,
  otherServiceId,
  type RawReport,
  type ReportableService,
  type TriageStep,
  ticketSequence,
  validateReport,
} from '#src/domain/report.ts';
import type { ServiceContext, Tx } from './context.ts';
import { openIncidentFor } from './correlate-report.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { findContract } from './find-contract.ts';
import { getPartnerProfile } from './get-partner-profile.ts';
import { hasContractsFor } from './has-contracts-for.ts';
import { hashToken, newToken } from './secrets.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { writeAudit } from './write-audit.ts';

export interface SubmitReportInput extends RawReport {
  /** The self-check's steps (the web layer resolves the report link's path against the trees). */
  triage?: readonly TriageStep[] | undefined;
  locale: 'de' | 'en';
  /** One per form rendering: the same key twice files one report. */
  submissionKey?: string | undefined;
  /** The signed-in partner, when there is one: the only way to report as a partner. */
  partnerUserId?: string | null | undefined;
}

export interface SubmitReportOptions {
  cloudNamePattern?: RegExp;
  /** Reports with the same service and identifiers within the window; more are refused (429). */
  perIdentifier?: { max: number; windowMs: number };
}

export interface SubmittedReport {
  id: string;
  ticket: string;
  /** The follow link's token (the same again for a repeated submission key). */
  token: string;
  incidentId: string | null;
  /** True when the submission key had already filed this report. */
  repeated: boolean;
}

export const defaultPerIdentifier = { max: 3, windowMs: 60 * 60_000 };
const submissionKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;
const ticketAttempts = 8;
/** Arbitrary constant key of the PostgreSQL advisory lock that serialises ticket numbers. */
const ticketLockKey = 7_410_003;

export async function submitReport({
  ctx,
  input,
  options = {},
}: {
  ctx: ServiceContext;
  input: SubmitReportInput;
  options?: SubmitReportOptions;
}): Promise<SubmittedReport> {
  const key =
    input.submissionKey && submissionKeyPattern.test(input.submissionKey) ? input.submissionKey : null;
  if (key) {
    const earlier = await findBySubmissionKey(ctx.db, key);
    if (earlier) return earlier;
  }
  const { report, queue } = await validate(ctx, input, options);
  const identifiers = JSON.stringify(report.identifiers);
  const now = ctx.clock();
  const limit = options.perIdentifier ?? defaultPerIdentifier;
  await checkIdentifierLimit(ctx.db, report.serviceId, identifiers, now, limit);

  const token = key ? followTokenFor(key) : newToken();
  const at = now.toISOString();
  const row: Omit<Insertable<ReportTable>, 'ticket' | 'state' | 'incident_id'> = {
    id: ctx.newId(),
    follow_token_hash: hashToken(token),
    service_id: report.serviceId,
    service_other: report.serviceOther,
    reporter_kind: report.reporterKind,
    partner_user_id: report.reporterKind === 'partner' ? (input.partnerUserId ?? null) : null,
    company: report.company,
    first_name: report.firstName,
    last_name: report.lastName,
    email: report.email,
    phone: report.phone,
    identifiers,
    description: report.description,
    triage_path: JSON.stringify(clampTriageSteps(input.triage ?? [])),
    queue,
    locale: input.locale,
    submission_key: key,
    consent_at: at,
    created_at: at,
    updated_at: at,
    close_reason: null,
    assignee_id: null,
    closed_at: null,
    erased_at: null,
    version: 1,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const filed = await insertReport(ctx, row, now.getUTCFullYear(), token);
      return { ...filed, token, repeated: false };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // The same form sent twice at once: the other request filed it.
      const earlier = key ? await findBySubmissionKey(ctx.db, key) : null;
      if (earlier) return earlier;
      // Otherwise another report took this ticket number: take the next one.
      if (attempt >= ticketAttempts) throw e;
    }
  }
}

/**
 * Who reports decides what may be reported: a signed-in partner account reports as a partner,
 * everyone else as an end customer. A form that merely says "partner" is refused, so that it
 * cannot unlock the partners-only services.
 */
async function reporterKindOf(db: Tx, input: SubmitReportInput): Promise<string | undefined> {
  if (input.partnerUserId) {
    if (!(await getPartnerProfile(db, input.partnerUserId)))
      throw new DialtoneError('forbidden', 'error.forbidden');
    return 'partner';
  }
  return input.reporterKind;
}

/** Checks the report against its service; the queue is the service's. */
async function validate(ctx: ServiceContext, input: SubmitReportInput, options: SubmitReportOptions) {
  const reporterKind = await reporterKindOf(ctx.db, input);
  const services = await ctx.db
    .selectFrom('services')
    .select(['id', 'reporters', 'identifiers', 'queue'])
    .execute();
  const row = services.find((s) => s.id === input.serviceId);
  const service: ReportableService | undefined = row && {
    id: row.id,
    reporters: JSON.parse(row.reporters) as string[],
    identifiers: identifierSpecs(JSON.parse(row.identifiers) as unknown[]),
    queue: row.queue,
  };
  const checked = validateReport({ ...input, reporterKind }, service, {
    cloudNamePattern: options.cloudNamePattern ?? new RegExp(defaultCloudNamePattern),
    hasOtherService: services.some((s) => s.id === otherServiceId),
  });
  const errors = checked.ok ? [] : checked.errors;
  if (reporterKind === 'partner' && !input.partnerUserId) {
    // One message for the field: signing in is what it takes, whatever the service allows.
    const others = errors.filter((e) => e.path !== 'reporterKind');
    throw validationError([...others, { path: 'reporterKind', key: 'partner.report.signIn' }]);
  }
  if (!checked.ok || !service) throw validationError(errors);
  await checkCustomerContract(ctx.db, checked.report, service);
  return { report: checked.report, queue: service.queue };
}

/**
 * An end customer identifies by a contract: once an inventory for the service is imported, the
 * identifiers given must belong to one of its contracts. Partners report for their customers,
 * whose contracts may not be theirs; they are not checked here.
 */
async function checkCustomerContract(db: Tx, report: CleanReport, service: ReportableService) {
  if (report.reporterKind !== 'customer' || service.identifiers.length === 0) return;
  if (!(await hasContractsFor(db, service.id))) return;
  if (await findContract(db, { serviceId: service.id, identifiers: report.identifiers })) return;
  const given = service.identifiers.filter((s) => report.identifiers[s.key]);
  throw validationError(given.map((s) => ({ path: `identifiers.${s.key}`, key: 'report.error.noContract' })));
}

/** One attempt: the next ticket number of the year, the incident link, the row and its audit. */
async function insertReport(
  ctx: ServiceContext,
  row: Omit<Insertable<ReportTable>, 'ticket' | 'state' | 'incident_id'>,
  year: number,
  followToken: string,
) {
  return ctx.db.transaction().execute(async (trx) => {
    // On PostgreSQL several connections file at once: without a lock they all read the same last
    // number and all but one collide (a burst of 200 clients lost more than 8 races in a row).
    // The lock serialises only this short transaction; SQLite has a single writer anyway.
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ticketLockKey})`.execute(trx);
    const ticket = formatTicket(year, (await lastSequence(trx, year)) + 1);
    const cloud = (JSON.parse(row.identifiers ?? '{}') as Record<string, string>)[cloudNameKey];
    const incidentId = await openIncidentFor(trx, row.service_id, cloud);
    const state = incidentId ? 'linked' : 'new';
    await trx
      .insertInto('reports')
      .values({ ...row, ticket, state, incident_id: incidentId })
      .execute();
    if (row.partner_user_id && row.phone) {
      // A partner's phone, once given, fills in the next report's form (the invitation has none).
      await trx
        .updateTable('partner_profiles')
        .set({ phone: row.phone })
        .where('user_id', '=', row.partner_user_id)
        .where('phone', '=', '')
        .execute();
    }
    await enqueueNotifications(trx, ctx, { event: 'report.received', reportId: row.id, followToken });
    // No personal data in the audit log: the retention job erases it from the report only.
    await writeAudit(trx, ctx, {
      action: 'report.submit',
      subjectType: 'report',
      subjectId: row.id,
      detail: { ticket, service: row.service_id, queue: row.queue, incidentId },
    });
    return { id: row.id, ticket, incidentId };
  });
}

/**
 * With a submission key the follow token is derived from it, so that the second of a double
 * submit (the response the browser actually shows) leads to the same follow page. The key is as
 * secret as the token: random, 16+ characters, known only to the browser that rendered the form.
 */
function followTokenFor(key: string): string {
  return createHash('sha256').update(`dialtone follow link\0${key}`).digest('base64url');
}

async function findBySubmissionKey(db: Tx, key: string): Promise<SubmittedReport | null> {
  const row = await db
    .selectFrom('reports')
    .select(['id', 'ticket', 'incident_id'])
    .where('submission_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        ticket: row.ticket,
        token: followTokenFor(key),
        incidentId: row.incident_id,
        repeated: true,
      }
    : null;
}

/** The highest sequence number given out this year (0 when none); the padding keeps text order. */
async function lastSequence(db: Tx, year: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select('ticket')
    .where('ticket', 'like', `ST-${year}-%`)
    .orderBy('ticket', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (ticketSequence(row.ticket) ?? 0) : 0;
}

async function checkIdentifierLimit(
  db: Tx,
  serviceId: string,
  identifiers: string,
  now: Date,
  limit: { max: number; windowMs: number },
) {
  // Services without identifiers would count every reporter together: limited per address only.
  if (identifiers === '{}') return;
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('service_id', '=', serviceId)
    .where('identifiers', '=', identifiers)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= limit.max) {
    throw new DialtoneError('rate_limited', 'report.error.identifierLimit', {
      params: { minutes: Math.round(limit.windowMs / 60_000) },
    });
  }
}
