/**
 * @module getPeerSeries: a peer's telemetry windows summed into buckets, for the console chart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { addCounts, emptyCounts, type Kpis, kpis, type WindowCounts } from '#src/domain/kpi.ts';
import { countsFromRow } from './telemetry-rows.ts';

export interface TelemetryBucket {
  startedAt: Date;
  counts: WindowCounts;
  kpis: Kpis;
}

/**
 * Buckets of `bucketMs` from `since` to `until` (every bucket present, empty ones with zero
 * counts), from raw windows; older than the raw retention, use `source: 'hourly'`.
 */
export async function getPeerSeries(
  db: Kysely<Database>,
  options: { peerId: string; since: Date; until: Date; bucketMs: number; source?: 'raw' | 'hourly' },
): Promise<TelemetryBucket[]> {
  const table = options.source === 'hourly' ? 'telemetry_hourly' : 'telemetry_windows';
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('peer_id', '=', options.peerId)
    .where('started_at', '>=', options.since.toISOString())
    .where('started_at', '<', options.until.toISOString())
    .execute();
  const first = options.since.getTime() - (options.since.getTime() % options.bucketMs);
  const buckets: WindowCounts[] = [];
  for (let t = first; t < options.until.getTime(); t += options.bucketMs) buckets.push(emptyCounts());
  for (const r of rows) {
    const i = Math.floor((new Date(r.started_at).getTime() - first) / options.bucketMs);
    if (buckets[i]) addCounts(buckets[i], countsFromRow(r));
  }
  return buckets.map((counts, i) => ({
    startedAt: new Date(first + i * options.bucketMs),
    counts,
    kpis: kpis(counts),
  }));
}
