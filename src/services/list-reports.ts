/**
 * @module The staff inbox: reports newest first, filtered by queue, state, service and assignee,
 * paginated (page numbers from 1). Only the columns a list row shows leave the database.
 */
import type { Tx } from './context.ts';
import { isReportState, openReportStates, type ReportState } from './report-transition.ts';

export interface ReportFilter {
  queue?: string | undefined;
  /** A state, `open` (everything not closed; the default) or `all`. */
  state?: ReportState | 'open' | 'all' | undefined;
  serviceId?: string | undefined;
  /** A user id, or `none` for unassigned reports. */
  assigneeId?: string | undefined;
}

export interface ReportSummary {
  id: string;
  ticket: string;
  serviceId: string;
  queue: string;
  state: ReportState;
  reporterKind: string;
  company: string;
  name: string;
  description: string;
  assigneeId: string | null;
  incidentId: string | null;
  closeReason: string | null;
  createdAt: string;
}

export interface ReportPage {
  reports: ReportSummary[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

export async function listReports(
  db: Tx,
  options: ReportFilter & { page?: number; perPage?: number },
): Promise<ReportPage> {
  const perPage = Math.min(Math.max(options.perPage ?? 50, 1), 200);
  const page = Math.max(options.page ?? 1, 1);
  const state = options.state ?? 'open';
  let q = db.selectFrom('reports');
  if (options.queue) q = q.where('queue', '=', options.queue);
  if (options.serviceId) q = q.where('service_id', '=', options.serviceId);
  if (options.assigneeId === 'none') q = q.where('assignee_id', 'is', null);
  else if (options.assigneeId) q = q.where('assignee_id', '=', options.assigneeId);
  if (state === 'open') q = q.where('state', 'in', [...openReportStates]);
  else if (isReportState(state)) q = q.where('state', '=', state);
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    q
      .select([
        'id',
        'ticket',
        'service_id',
        'queue',
        'state',
        'reporter_kind',
        'company',
        'first_name',
        'last_name',
        'description',
        'assignee_id',
        'incident_id',
        'close_reason',
        'created_at',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const count = Number(total);
  return {
    reports: rows.map((r) => ({
      id: r.id,
      ticket: r.ticket,
      serviceId: r.service_id,
      queue: r.queue,
      state: r.state as ReportState,
      reporterKind: r.reporter_kind,
      company: r.company,
      name: `${r.first_name} ${r.last_name}`.trim(),
      description: r.description,
      assigneeId: r.assignee_id,
      incidentId: r.incident_id,
      closeReason: r.close_reason,
      createdAt: r.created_at,
    })),
    page,
    perPage,
    total: count,
    pages: Math.max(1, Math.ceil(count / perPage)),
  };
}
