/**
 * @module Console: monitors at /console/monitors (list) and /console/monitors/:id?hours=1|6|24
 * (chart, recent checks). Operators pause and resume (audited); admins create or rotate a
 * heartbeat's secret URL, which is shown once on the page that answers the form, never again.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { getMonitor } from '#src/services/get-monitor.ts';
import { listMonitors } from '#src/services/list-monitors.ts';
import { rotateHeartbeatToken } from '#src/services/rotate-heartbeat-token.ts';
import { setMonitorPaused } from '#src/services/set-monitor-paused.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { isConflictError, noticeText } from '#src/web/views/console/incident-common.ts';
import { field, formBody } from '#src/web/views/console/kit.ts';
import {
  type MonitorSpan,
  monitorSpans,
  renderMonitorListPage,
  renderMonitorPage,
} from '#src/web/views/console/monitors.ts';

const notices: Record<string, MessageKey> = {
  paused: 'monitors.notice.paused',
  resumed: 'monitors.notice.resumed',
  unchanged: 'monitors.notice.unchanged',
};

export async function consoleMonitorRoutes(app: FastifyInstance, deps: AppDeps) {
  const operator = { preHandler: requireRole('operator') };
  const html = 'text/html; charset=utf-8';

  app.get('/console/monitors', operator, async (request, reply) => {
    const monitors = await listMonitors(deps.store.db);
    const notice = noticeText(request.t, field(formBody(request.query), 'notice'), notices);
    return reply
      .type(html)
      .header('cache-control', 'no-store')
      .send(renderMonitorListPage(request, reply, monitors, notice));
  });

  async function page(request: FastifyRequest<{ Params: { id: string } }>, heartbeatUrl?: string) {
    const raw = Number(field(formBody(request.query), 'hours'));
    // Anything but an offered span shows 6 h, so an odd bookmark still works.
    const span: MonitorSpan = raw in monitorSpans ? (raw as MonitorSpan) : 6;
    const until = deps.clock().getTime();
    const found = await getMonitor(deps.store.db, {
      id: request.params.id,
      checksSince: new Date(until - span * 3_600_000).toISOString(),
    });
    if (!found) throw notFound('monitor', request.params.id);
    const actor = staffActor(request);
    return {
      ...found,
      span,
      until,
      isAdmin: actor.role === 'admin',
      notice: noticeText(request.t, field(formBody(request.query), 'notice'), notices),
      ...(heartbeatUrl ? { heartbeatUrl } : {}),
    };
  }

  app.get<{ Params: { id: string } }>('/console/monitors/:id', operator, async (request, reply) => {
    const view = await page(request);
    return reply
      .type(html)
      .header('cache-control', 'no-store')
      .send(renderMonitorPage(request, reply, view));
  });

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/console/monitors/:id/${action}`,
      operator,
      async (request, reply) => {
        const ctx = serviceContext(deps, staffActor(request));
        try {
          await setMonitorPaused({ ctx, input: { monitorId: request.params.id, paused } });
        } catch (e) {
          // Someone else paused or resumed it a moment ago: the page shows how it is now.
          if (!isConflictError(e)) throw e;
          return reply.redirect(
            `/console/monitors/${encodeURIComponent(request.params.id)}?notice=unchanged`,
            303,
          );
        }
        const notice = paused ? 'paused' : 'resumed';
        return reply.redirect(
          `/console/monitors/${encodeURIComponent(request.params.id)}?notice=${notice}`,
          303,
        );
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/console/monitors/:id/heartbeat-url',
    { preHandler: requireRole('admin') },
    async (request, reply) => {
      const ctx = serviceContext(deps, staffActor(request));
      const { token } = await rotateHeartbeatToken({ ctx, input: { monitorId: request.params.id } });
      const url = `${deps.config.publicUrl}/api/v1/heartbeat/${token}`;
      const view = await page(request, url);
      // The secret is in this answer only: no caching anywhere.
      return reply
        .type(html)
        .header('cache-control', 'no-store')
        .send(renderMonitorPage(request, reply, view));
    },
  );
}
