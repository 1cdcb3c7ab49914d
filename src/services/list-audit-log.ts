/**
 * @module The audit log, newest first, paginated (page numbers from 1), filtered by action prefix
 * (`user.`, `incident`), actor (label such as an email, or id; case-insensitive) and subject
 * (type and/or id).
 */
import { sql } from 'kysely';
import type { Tx } from './context.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  actionPrefix?: string | undefined;
  actor?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export async function listAuditLog(
  db: Tx,
  options: AuditFilter & { page?: number; perPage?: number } = {},
): Promise<AuditPage> {
  const perPage = Math.min(Math.max(Math.trunc(options.perPage ?? 50), 1), 200);
  const page = Math.max(Math.trunc(options.page ?? 1), 1);
  const prefix = options.actionPrefix?.trim() ?? '';
  const actor = options.actor?.trim().toLowerCase() ?? '';
  const subjectType = options.subjectType?.trim() ?? '';
  const subjectId = options.subjectId?.trim() ?? '';

  let q = db.selectFrom('audit_log');
  // substr rather than LIKE: no wildcard escaping, and the same case rules on SQLite and PostgreSQL.
  if (prefix) q = q.where(sql<string>`substr(action, 1, ${prefix.length})`, '=', prefix);
  if (actor) {
    q = q.where((eb) =>
      eb.or([eb(sql<string>`lower(actor_label)`, '=', actor), eb(sql<string>`lower(actor_id)`, '=', actor)]),
    );
  }
  if (subjectType) q = q.where('subject_type', '=', subjectType);
  if (subjectId) q = q.where('subject_id', '=', subjectId);

  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const count = Number(total);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      detail: parseDetail(r.detail),
    })),
    page,
    perPage,
    total: count,
    pages: Math.max(1, Math.ceil(count / perPage)),
  };
}
