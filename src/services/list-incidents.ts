/**
 * @module Incident history, newest first, paginated (page numbers from 1).
 */
import type { Tx } from './context.ts';
import { loadIncidentViews } from './load-incident-views.ts';
import type { IncidentView } from './views.ts';

export interface IncidentPage {
  incidents: IncidentView[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

export async function listIncidents(
  db: Tx,
  options: {
    page?: number;
    perPage?: number;
    includeInternal?: boolean;
    status?: 'open' | 'resolved' | 'all';
  },
): Promise<IncidentPage> {
  const perPage = Math.min(Math.max(options.perPage ?? 20, 1), 100);
  const page = Math.max(options.page ?? 1, 1);
  const filter = options.status ?? 'all';
  let q = db.selectFrom('incidents');
  if (filter === 'open') q = q.where('status', '!=', 'resolved');
  if (filter === 'resolved') q = q.where('status', '=', 'resolved');
  const [{ total }, ids] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    q
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const count = Number(total);
  return {
    incidents: await loadIncidentViews(
      db,
      ids.map((r) => r.id),
      { includeInternal: options.includeInternal ?? false },
    ),
    page,
    perPage,
    total: count,
    pages: Math.max(1, Math.ceil(count / perPage)),
  };
}
