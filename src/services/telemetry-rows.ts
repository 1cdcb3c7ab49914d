/**
 * @module Conversion between `WindowCounts` (domain/kpi.ts) and rows of `telemetry_windows` /
 * `telemetry_hourly`. bigint sums come back as strings from PostgreSQL; codes are JSON text.
 */
import type { TelemetryCountsTable } from '#src/adapters/store/schema/telemetry.ts';
import { countFields, type WindowCounts } from '#src/domain/kpi.ts';

export type CountsRow = Omit<TelemetryCountsTable, 'peer_id' | 'started_at'>;

export function countsFromRow(row: CountsRow): WindowCounts {
  const c = { codes: parseCodes(row.codes) } as WindowCounts;
  for (const f of countFields) c[f] = Number(row[f]);
  return c;
}

export function rowFromCounts(c: WindowCounts): CountsRow {
  const row = { codes: JSON.stringify(c.codes) } as CountsRow;
  for (const f of countFields) row[f] = c[f];
  return row;
}

function parseCodes(text: string): Record<string, number> {
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
    return out;
  } catch {
    return {};
  }
}

/** Start of the hour (UTC) a window belongs to, as stored. */
export function hourOf(d: Date): string {
  return new Date(d.getTime() - (d.getTime() % 3_600_000)).toISOString();
}
