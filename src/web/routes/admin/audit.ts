/**
 * @module Console: the audit log at /console/audit, newest first, paginated, filtered by action
 * prefix, actor and subject. The subject filter takes an id (`01k…`), a type (`incident`) or both
 * (`incident:01k…`).
 */
import type { FastifyInstance } from 'fastify';
import { type AuditFilter, listAuditLog } from '#src/services/list-audit-log.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderAuditPage } from '#src/web/views/console/audit.ts';
import { field, formBody, pageParam } from '#src/web/views/console/kit.ts';

const subjectTypes = new Set(['user', 'incident', 'maintenance', 'template', 'api_token', 'catalog']);
/** Longer filter text cannot match anything stored; cut it rather than query with it. */
const maxFilterLength = 200;

function subjectFilter(raw: string): Pick<AuditFilter, 'subjectType' | 'subjectId'> {
  if (!raw) return {};
  if (subjectTypes.has(raw)) return { subjectType: raw };
  const colon = raw.indexOf(':');
  if (colon > 0 && subjectTypes.has(raw.slice(0, colon))) {
    return { subjectType: raw.slice(0, colon), subjectId: raw.slice(colon + 1) };
  }
  return { subjectId: raw };
}

export async function consoleAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console/audit', { preHandler: requireRole('operator') }, async (request, reply) => {
    const q = formBody(request.query);
    const text = (name: string) => field(q, name).trim().slice(0, maxFilterLength);
    const filter = { action: text('action'), actor: text('actor'), subject: text('subject') };
    const page = await listAuditLog(deps.store.db, {
      actionPrefix: filter.action,
      actor: filter.actor,
      ...subjectFilter(filter.subject),
      page: pageParam(field(q, 'page')),
      perPage: 50,
    });
    const isAdmin = staffActor(request).role === 'admin';
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderAuditPage(request, reply, { page, filter, isAdmin }));
  });
}
