/**
 * @module Everything dialtone holds about one reporter, found by email address (compared without
 * case; the address is as the reporter typed it): each report with its personal fields, the
 * state they follow on their private page (state, close reason, linked incident), the staff's
 * internal comments on it and the messages dialtone sent them about it. What the console's lookup shows and the export contains.
 */
import type { Tx } from './context.ts';

export interface ReporterReport {
  id: string;
  ticket: string;
  serviceId: string;
  serviceOther: string;
  reporterKind: string;
  company: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  identifiers: Record<string, string>;
  description: string;
  selfCheck: unknown[];
  locale: string;
  state: string;
  closeReason: string | null;
  incident: { id: string; title: { de: string; en: string } } | null;
  consentAt: string;
  createdAt: string;
  closedAt: string | null;
  comments: { author: string; body: string; createdAt: string }[];
  /** What dialtone sent the reporter about this report (mails with the follow link). */
  messages: {
    kind: string;
    subject: string;
    text: string;
    state: string;
    createdAt: string;
    sentAt: string | null;
  }[];
}

/** A lookup key: trimmed, lower case. Empty when it is not a plausible address. */
export function normaliseEmail(raw: unknown): string {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : '';
}

const json = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** Reports (oldest first) not yet erased whose email is the given one. */
export async function findReporterData(db: Tx, options: { email: string }): Promise<ReporterReport[]> {
  const email = normaliseEmail(options.email);
  if (!email) return [];
  const rows = await db
    .selectFrom('reports as r')
    .leftJoin('incidents as i', 'i.id', 'r.incident_id')
    .selectAll('r')
    .select(['i.title_de', 'i.title_en'])
    .where((eb) => eb(eb.fn('lower', ['r.email']), '=', email))
    .where('r.erased_at', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const comments =
    ids.length > 0
      ? await db
          .selectFrom('report_comments')
          .select(['report_id', 'author', 'body', 'created_at'])
          .where('report_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : [];
  const messages =
    ids.length > 0
      ? await db
          .selectFrom('notifications')
          .select(['report_id', 'kind', 'subject', 'body_text', 'state', 'created_at', 'sent_at'])
          .where('report_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : [];
  return rows.map((r) => ({
    id: r.id,
    ticket: r.ticket,
    serviceId: r.service_id,
    serviceOther: r.service_other,
    reporterKind: r.reporter_kind,
    company: r.company,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    identifiers: json<Record<string, string>>(r.identifiers, {}),
    description: r.description,
    selfCheck: json<unknown[]>(r.triage_path, []),
    locale: r.locale,
    state: r.state,
    closeReason: r.close_reason,
    incident: r.incident_id
      ? { id: r.incident_id, title: { de: r.title_de ?? '', en: r.title_en ?? '' } }
      : null,
    consentAt: r.consent_at,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    comments: comments
      .filter((c) => c.report_id === r.id)
      .map((c) => ({ author: c.author, body: c.body, createdAt: c.created_at })),
    messages: messages
      .filter((m) => m.report_id === r.id)
      .map((m) => ({
        kind: m.kind,
        subject: m.subject,
        text: m.body_text,
        state: m.state,
        createdAt: m.created_at,
        sentAt: m.sent_at,
      })),
  }));
}
