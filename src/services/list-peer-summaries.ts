/**
 * @module listPeerSummaries: every telemetry peer with its counts and KPIs over a time range, for
 * the console's telemetry page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { addCounts, emptyCounts, type Kpis, kpis, type WindowCounts } from '#src/domain/kpi.ts';
import { countsFromRow } from './telemetry-rows.ts';

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
