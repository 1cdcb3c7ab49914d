/**
 * @module listReportQueues: the queues for the staff inbox filter.
 */
import type { Tx } from './context.ts';

/** Queues for the inbox filter: those the catalog routes to and those reports still carry. */
export async function listReportQueues(db: Tx): Promise<string[]> {
  const [fromServices, fromReports] = await Promise.all([
    db.selectFrom('services').select('queue').distinct().execute(),
    db.selectFrom('reports').select('queue').distinct().execute(),
  ]);
  return [...new Set([...fromServices, ...fromReports].map((r) => r.queue))].sort();
}
