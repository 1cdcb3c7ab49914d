/**
 * @module Read models of telemetry: a peer's windows summed into buckets (the console chart), and
 * every peer's KPIs over the last complete minute (the /metrics gauges).
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { addCounts, emptyCounts, type Kpis, kpis, sumCounts, type WindowCounts } from '#src/domain/kpi.ts';
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

export interface PeerMinute {
  peerId: string;
  componentId: string;
  counts: WindowCounts;
  kpis: Kpis;
}

/** Every peer's counts over the last complete minute before `now` (peers without traffic too). */
export async function getLastMinuteByPeer(db: Kysely<Database>, now: Date): Promise<PeerMinute[]> {
  // The minute's last window is written up to a flush (1 s) after it ends: wait 2 s for it.
  const settled = now.getTime() - 2_000;
  const end = settled - (settled % 60_000);
  const [peers, rows] = await Promise.all([
    db
      .selectFrom('telemetry_peers')
      .select(['id', 'component_id'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('telemetry_windows')
      .selectAll()
      .where('started_at', '>=', new Date(end - 60_000).toISOString())
      .where('started_at', '<', new Date(end).toISOString())
      .execute(),
  ]);
  return peers.map((p) => {
    const counts = sumCounts(rows.filter((r) => r.peer_id === p.id).map(countsFromRow));
    return { peerId: p.id, componentId: p.component_id, counts, kpis: kpis(counts) };
  });
}

export interface PeerSummary {
  id: string;
  componentId: string;
  name: { de: string; en: string };
  match: string;
  port: number | null;
  counts: WindowCounts;
  kpis: Kpis;
}

/** Every peer (catalog order) with its counts summed from `since` to `until`. */
export async function listPeerSummaries(
  db: Kysely<Database>,
  options: { since: Date; until: Date },
): Promise<PeerSummary[]> {
  const [peers, rows] = await Promise.all([
    db.selectFrom('telemetry_peers').selectAll().orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('telemetry_windows')
      .selectAll()
      .where('started_at', '>=', options.since.toISOString())
      .where('started_at', '<', options.until.toISOString())
      .execute(),
  ]);
  const byPeer = new Map<string, WindowCounts>();
  for (const r of rows)
    byPeer.set(r.peer_id, addCounts(byPeer.get(r.peer_id) ?? emptyCounts(), countsFromRow(r)));
  return peers.map((p) => {
    const counts = byPeer.get(p.id) ?? emptyCounts();
    return {
      id: p.id,
      componentId: p.component_id,
      name: { de: p.name_de, en: p.name_en },
      match: p.match,
      port: p.port,
      counts,
      kpis: kpis(counts),
    };
  });
}
