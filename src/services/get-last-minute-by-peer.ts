/**
 * @module getLastMinuteByPeer: every peer's KPIs over the last complete minute, for the /metrics
 * gauges.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { type Kpis, kpis, sumCounts, type WindowCounts } from '#src/domain/kpi.ts';
import { countsFromRow } from './telemetry-rows.ts';

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
