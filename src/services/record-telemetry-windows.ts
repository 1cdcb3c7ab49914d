/**
 * @module Stores closed 10-second windows from the HEP collector and adds them to the hourly
 * roll-ups, in one transaction. A window may already have a row (the collector restarted within
 * the window, or stopped and flushed a partial one): rows are read and merged, then upserted.
 * Windows of peers that are gone from the catalog are skipped.
 */
import { sql } from 'kysely';
import { addCounts, emptyCounts, type WindowCounts } from '#src/domain/kpi.ts';
import type { ServiceContext, Tx } from './context.ts';
import { countsFromRow, hourOf, rowFromCounts } from './telemetry-rows.ts';

export interface ClosedWindowInput {
  peerId: string;
  startedAt: Date;
  counts: WindowCounts;
}

type CountsTableName = 'telemetry_windows' | 'telemetry_hourly';

const telemetryLockKey = 7_410_010;

export async function recordTelemetryWindows({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { windows: ClosedWindowInput[] };
}): Promise<{ stored: number }> {
  if (input.windows.length === 0) return { stored: 0 };
  return ctx.db.transaction().execute(async (trx) => {
    // Read-merge-write: two collectors (two hosts mirrored to) must not both read a row before
    // either writes it. One short lock per flush on PostgreSQL; SQLite serialises writers itself.
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${telemetryLockKey})`.execute(trx);
    const peerIds = [...new Set(input.windows.map((w) => w.peerId))];
    const known = new Set(
      (await trx.selectFrom('telemetry_peers').select('id').where('id', 'in', peerIds).execute()).map(
        (r) => r.id,
      ),
    );
    const windows = input.windows.filter((w) => known.has(w.peerId));
    await mergeInto(
      trx,
      'telemetry_windows',
      group(windows, (w) => w.startedAt.toISOString()),
    );
    await mergeInto(
      trx,
      'telemetry_hourly',
      group(windows, (w) => hourOf(w.startedAt)),
    );
    return { stored: windows.length };
  });
}

/** Sums windows by (peer, start key): several 10-s windows fall into one hour. */
function group(windows: ClosedWindowInput[], startKey: (w: ClosedWindowInput) => string) {
  const out = new Map<string, { peerId: string; startedAt: string; counts: WindowCounts }>();
  for (const w of windows) {
    const startedAt = startKey(w);
    const key = `${w.peerId}\u0000${startedAt}`;
    const g = out.get(key) ?? { peerId: w.peerId, startedAt, counts: emptyCounts() };
    addCounts(g.counts, w.counts);
    out.set(key, g);
  }
  return [...out.values()];
}

/** Upserts are batched; 200 rows × 16 columns stays under every driver's parameter limit. */
const batchSize = 200;

async function mergeInto(trx: Tx, table: CountsTableName, rows: ReturnType<typeof group>): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const existing = await trx
      .selectFrom(table)
      .selectAll()
      .where('peer_id', 'in', [...new Set(batch.map((r) => r.peerId))])
      .where('started_at', 'in', [...new Set(batch.map((r) => r.startedAt))])
      .execute();
    const before = new Map(existing.map((r) => [`${r.peer_id}\u0000${r.started_at}`, countsFromRow(r)]));
    const values = batch.map((r) => {
      const merged = addCounts(before.get(`${r.peerId}\u0000${r.startedAt}`) ?? emptyCounts(), r.counts);
      return { peer_id: r.peerId, started_at: r.startedAt, ...rowFromCounts(merged) };
    });
    await trx
      .insertInto(table)
      .values(values)
      .onConflict((oc) =>
        oc.columns(['peer_id', 'started_at']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const col of Object.keys(values[0]!)) {
            if (col !== 'peer_id' && col !== 'started_at') set[col] = eb.ref(`excluded.${col}` as never);
          }
          return set as never;
        }),
      )
      .execute();
  }
}
