/**
 * @module Console: one reporter's data (admins only) — the GDPR's access and erasure for outage
 * reports. Look up by email address, download everything as JSON, erase the personal data after a
 * confirmation step. Every step is a POST (the address stays out of URLs and logs); export and
 * erase write audit rows without the address (services/export-reporter-data.ts, erase-…).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eraseReporterData } from '#src/services/erase-reporter-data.ts';
import { exportReporterData } from '#src/services/export-reporter-data.ts';
import { findReporterData, normaliseEmail } from '#src/services/find-reporter-data.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';
import { type ReporterPage, renderReporterData } from '#src/web/views/console/reporter-data.ts';

export async function consoleReporterDataRoutes(app: FastifyInstance, deps: AppDeps) {
  const admin = { preHandler: requireRole('admin') };
  const db = deps.store.db;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: Omit<ReporterPage, 'csrf' | 'services' | 'retentionDays'>,
    notice?: string,
  ) => {
    const catalog = await loadCatalog(db);
    const body = renderReporterData(request, {
      ...state,
      services: new Map(catalog.services.map((s) => [s.id, s.name])),
      retentionDays: deps.config.reportRetentionDays,
      csrf: request.csrfToken(reply),
    });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderConsolePage(request, reply, {
          title: request.t('reportData.reporter.title'),
          section: 'reporter-data',
          body,
          ...(notice ? { notice } : {}),
        }),
      );
  };

  app.get('/console/reporter-data', admin, async (request, reply) => page(request, reply, { email: '' }));

  app.post('/console/reporter-data', admin, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const typed = typeof body.email === 'string' ? body.email.slice(0, 300) : '';
    const email = normaliseEmail(typed);
    if (!email)
      return page(request, reply.code(400), { email: typed, emailError: request.t('error.invalidEmail') });
    const ctx = serviceContext(deps, staffActor(request));
    switch (body.action) {
      case 'export': {
        const doc = await exportReporterData({ ctx, input: { email } });
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="reporter-data.json"')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(doc, null, 2));
      }
      case 'erase':
        return page(request, reply, {
          email,
          reports: await findReporterData(db, { email }),
          confirmErase: true,
        });
      case 'erase-confirmed': {
        const { erased } = await eraseReporterData({ ctx, input: { email } });
        const notice = request.t('reportData.reporter.erased', { count: erased });
        return page(request, reply, { email, reports: await findReporterData(db, { email }) }, notice);
      }
      default:
        return page(request, reply, { email, reports: await findReporterData(db, { email }) });
    }
  });
}
