/**
 * @module How the console reads monitors: the view types, and the one query (monitor, component
 * name, state) that listMonitors and getMonitor both present. Settings are returned as stored
 * (secrets there are only `env:NAME` references).
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';

export interface MonitorView {
  id: string;
  componentId: string;
  componentName: { de: string; en: string };
  kind: string;
  name: { de: string; en: string };
  target: string;
  intervalMs: number;
  timeoutMs: number;
  downAfter: number;
  enabled: boolean;
  pausedAt: string | null;
  pausedBy: string | null;
  hasHeartbeatToken: boolean;
  settings: string;
  state: string;
  since: string | null;
  lastCheckedAt: string | null;
  lastRttMs: number | null;
  lastCode: number | null;
  lastDetail: string;
}

export interface MonitorCheckView {
  at: string;
  outcome: string;
  rttMs: number;
  code: number | null;
  detail: string;
}

export function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('monitors as m')
    .innerJoin('components as c', 'c.id', 'm.component_id')
    .leftJoin('monitor_state as s', 's.monitor_id', 'm.id')
    .select([
      'm.id',
      'm.component_id',
      'c.name_de as component_de',
      'c.name_en as component_en',
      'm.kind',
      'm.name_de',
      'm.name_en',
      'm.target',
      'm.settings',
      'm.interval_ms',
      'm.timeout_ms',
      'm.down_after',
      'm.enabled',
      'm.paused_at',
      'm.paused_by',
      'm.heartbeat_token_hash',
      's.state',
      's.since',
      's.last_checked_at',
      's.last_rtt_ms',
      's.last_code',
      's.last_detail',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export const toView = (r: Row): MonitorView => ({
  id: r.id,
  componentId: r.component_id,
  componentName: { de: r.component_de, en: r.component_en },
  kind: r.kind,
  name: { de: r.name_de, en: r.name_en },
  target: r.target,
  intervalMs: r.interval_ms,
  timeoutMs: r.timeout_ms,
  downAfter: r.down_after,
  enabled: r.enabled === 1,
  pausedAt: r.paused_at,
  pausedBy: r.paused_by,
  hasHeartbeatToken: r.heartbeat_token_hash !== null,
  settings: r.settings,
  state: r.state ?? 'unknown',
  since: r.since,
  lastCheckedAt: r.last_checked_at,
  lastRttMs: r.last_rtt_ms,
  lastCode: r.last_code,
  lastDetail: r.last_detail ?? '',
});
