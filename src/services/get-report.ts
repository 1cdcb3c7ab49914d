/**
 * @module One report for the staff: every field, the parsed identifiers and self-check path,
 * the internal comments (oldest first), the assignee's address and the linked incident's title.
 */
import { notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';
import type { ReportState } from './report-transition.ts';

export interface ReportView {
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
  triagePath: { node: string; answer: string }[];
  queue: string;
  state: ReportState;
  closeReason: string | null;
  incident: { id: string; title: { de: string; en: string }; resolved: boolean } | null;
  assignee: { id: string; email: string } | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  erasedAt: string | null;
  version: number;
  comments: { id: string; author: string; body: string; createdAt: string }[];
}

/** JSON written by another part of the product: read defensively, never trusted to parse. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function identifiersOf(text: string): Record<string, string> {
  const v = parseJson(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]),
  );
}

function pathOf(text: string): { node: string; answer: string }[] {
  const v = parseJson(text);
  if (!Array.isArray(v)) return [];
  return v.map((step) => {
    const s = (step && typeof step === 'object' ? step : {}) as Record<string, unknown>;
    return { node: String(s.node ?? ''), answer: String(s.answer ?? '') };
  });
}

export async function getReport(db: Tx, id: string): Promise<ReportView> {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('report', id);
  const [comments, incident, assignee] = await Promise.all([
    db
      .selectFrom('report_comments')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    r.incident_id
      ? db
          .selectFrom('incidents')
          .select(['id', 'title_de', 'title_en', 'resolved_at'])
          .where('id', '=', r.incident_id)
          .executeTakeFirst()
      : undefined,
    r.assignee_id
      ? db.selectFrom('users').select(['id', 'email']).where('id', '=', r.assignee_id).executeTakeFirst()
      : undefined,
  ]);
  return {
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
    identifiers: identifiersOf(r.identifiers),
    description: r.description,
    triagePath: pathOf(r.triage_path),
    queue: r.queue,
    state: r.state as ReportState,
    closeReason: r.close_reason,
    incident: incident
      ? {
          id: incident.id,
          title: { de: incident.title_de, en: incident.title_en },
          resolved: incident.resolved_at !== null,
        }
      : null,
    assignee: assignee ?? null,
    locale: r.locale,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    erasedAt: r.erased_at,
    version: r.version,
    comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.created_at })),
  };
}
