/**
 * @module Past maintenance (completed or cancelled), newest first, paginated (pages from 1), for
 * the public maintenance list; listMaintenances stops at a limit and has no pages.
 */
import type { Tx } from './context.ts';
import { loadMaintenanceViews } from './load-maintenance-views.ts';
import type { MaintenanceView } from './views.ts';

export interface MaintenancePage {
  maintenances: MaintenanceView[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

export async function listPastMaintenances(
  db: Tx,
  options: { page?: number; perPage?: number } = {},
): Promise<MaintenancePage> {
  const perPage = Math.min(Math.max(options.perPage ?? 20, 1), 100);
  const page = Math.max(options.page ?? 1, 1);
  const q = db.selectFrom('maintenances').where('status', 'in', ['completed', 'cancelled']);
  const [{ total }, ids] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    q
      .select('id')
      .orderBy('scheduled_start', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const count = Number(total);
  return {
    maintenances: await loadMaintenanceViews(
      db,
      ids.map((r) => r.id),
    ),
    page,
    perPage,
    total: count,
    pages: Math.max(1, Math.ceil(count / perPage)),
  };
}
