/**
 * @module What one pass of the detector loop reads, in a handful of queries: peers with their
 * rules and recent windows, the same hour of past weeks, monitor states, open report clusters,
 * maintenance windows touching components, and which alerts fire now.
 */
import type { Selectable } from 'kysely';
import type { TelemetryCountsTable } from '#src/adapters/store/schema/telemetry.ts';
import { historyMs } from '#src/domain/detectors/evaluate.ts';
import type { MaintenanceOnComponent } from '#src/domain/detectors/maintenance.ts';
import { defaultRules, isRuleKind, type RuleSpec, readRuleParams } from '#src/domain/detectors/rules.ts';
import type { TimedCounts } from '#src/domain/detectors/windows.ts';
import type { WindowCounts } from '#src/domain/kpi.ts';
import type { Tx } from './context.ts';

const hourMs = 3_600_000;
const weekMs = 7 * 24 * hourMs;
/** Most weeks of history a rule may ask for (rules.ts bounds `weeks` to 8). */
const maxWeeks = 8;

export interface PeerInput {
  id: string;
  componentId: string;
  name: { de: string; en: string };
  /** Rules configured for the peer or its component (none: the defaults apply). */
  rules: RuleSpec[];
  windows: TimedCounts[];
  hourly: TimedCounts[];
}

export function countsOf(r: Selectable<TelemetryCountsTable>): WindowCounts {
  let codes: Record<string, number> = {};
  try {
    const parsed = JSON.parse(r.codes) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      codes = parsed as Record<string, number>;
  } catch {
    // a damaged row counts no codes rather than stopping detection for every peer
  }
  return {
    invites: r.invites,
    answered: r.answered,
    codes,
    ner_effective: r.ner_effective,
    isa_failures: r.isa_failures,
    ser_base: r.ser_base,
    pdd_sum_ms: Number(r.pdd_sum_ms),
    pdd_count: r.pdd_count,
    registers: r.registers,
    register_ok: r.register_ok,
    register_failed: r.register_failed,
    register_ms_sum: Number(r.register_ms_sum),
    register_ms_count: r.register_ms_count,
  };
}

/** Rules from the table; a row whose params no longer validate is skipped (and reported). */
export async function loadRules(
  db: Tx,
): Promise<{ componentId: string; peerId: string | null; rule: RuleSpec }[]> {
  const rows = await db
    .selectFrom('detector_rules')
    .selectAll()
    .where('enabled', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const out: { componentId: string; peerId: string | null; rule: RuleSpec }[] = [];
  for (const r of rows) {
    if (!isRuleKind(r.kind)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(r.params);
    } catch {
      continue;
    }
    const { params, errors } = readRuleParams(r.kind, raw, 'params');
    if (errors.length === 0)
      out.push({ componentId: r.component_id, peerId: r.peer_id, rule: { id: r.id, kind: r.kind, params } });
  }
  return out;
}

export async function loadPeerInputs(db: Tx, now: number): Promise<PeerInput[]> {
  const peers = await db
    .selectFrom('telemetry_peers')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (peers.length === 0) return [];
  const rules = await loadRules(db);
  // As far back as the longest span in use, plus the 30-min history and a few windows of hysteresis.
  const spanMs = Math.max(
    ...[...rules.map((r) => r.rule), ...defaultRules()].map((r) => r.params.spanSeconds * 1000),
  );
  const from = new Date(now - historyMs - spanMs - 120_000).toISOString();
  const windows = await db
    .selectFrom('telemetry_windows')
    .selectAll()
    .where('started_at', '>=', from)
    .execute();
  const hour = Math.floor(now / hourMs) * hourMs;
  // The current and the previous hour of past weeks: a span reaching back over the hour boundary
  // and a maintenance baseline from just before it are both covered.
  const hours = Array.from({ length: maxWeeks }, (_, k) => [
    hour - (k + 1) * weekMs,
    hour - hourMs - (k + 1) * weekMs,
  ])
    .flat()
    .map((t) => new Date(t).toISOString());
  const hourly = await db
    .selectFrom('telemetry_hourly')
    .selectAll()
    .where('started_at', 'in', hours)
    .execute();
  const timed = (r: Selectable<TelemetryCountsTable>): TimedCounts => ({
    at: Date.parse(r.started_at),
    counts: countsOf(r),
  });
  // Grouped once: filtering every peer's rows out of all rows would grow with peers × rows.
  const byPeer = (rows: Selectable<TelemetryCountsTable>[]) => {
    const out = new Map<string, TimedCounts[]>();
    for (const r of rows) {
      const list = out.get(r.peer_id);
      if (list) list.push(timed(r));
      else out.set(r.peer_id, [timed(r)]);
    }
    return out;
  };
  const windowsOf = byPeer(windows);
  const hourlyOf = byPeer(hourly);
  return peers.map((p) => ({
    id: p.id,
    componentId: p.component_id,
    name: { de: p.name_de, en: p.name_en },
    rules: rules
      .filter((r) => r.componentId === p.component_id && (r.peerId === null || r.peerId === p.id))
      .map((r) => r.rule),
    windows: windowsOf.get(p.id) ?? [],
    hourly: hourlyOf.get(p.id) ?? [],
  }));
}

export async function loadMonitorStates(db: Tx) {
  return db
    .selectFrom('monitors')
    .innerJoin('monitor_state', 'monitor_state.monitor_id', 'monitors.id')
    .select([
      'monitors.id',
      'monitors.component_id',
      'monitors.kind',
      'monitors.name_de',
      'monitors.name_en',
      'monitors.enabled',
      'monitors.paused_at',
      'monitor_state.state',
      'monitor_state.since',
      'monitor_state.last_code',
      'monitor_state.last_detail',
      'monitor_state.last_rtt_ms',
    ])
    .execute();
}

/** Report clusters still open (or acknowledged), with the first component of their service. */
export async function loadReportClusters(db: Tx) {
  const alerts = await db
    .selectFrom('report_alerts')
    .innerJoin('services', 'services.id', 'report_alerts.service_id')
    .select([
      'report_alerts.id',
      'report_alerts.service_id',
      'report_alerts.report_count',
      'report_alerts.first_report_at',
      'services.name_de',
      'services.name_en',
    ])
    .where('report_alerts.state', 'in', ['open', 'acknowledged'])
    .execute();
  if (alerts.length === 0) return [];
  const links = await db
    .selectFrom('component_services')
    .innerJoin('components', 'components.id', 'component_services.component_id')
    .select(['component_services.service_id', 'components.id'])
    .where(
      'component_services.service_id',
      'in',
      alerts.map((a) => a.service_id),
    )
    .orderBy('components.position')
    .orderBy('components.id')
    .execute();
  return alerts.flatMap((a) => {
    const component = links.find((l) => l.service_id === a.service_id);
    return component ? [{ ...a, componentId: component.id }] : [];
  });
}

/** Maintenance windows per component that are running, being verified, or completed within `verifyMs`. */
export async function loadMaintenanceByComponent(
  db: Tx,
  now: number,
  verifyMs: number,
): Promise<Map<string, MaintenanceOnComponent[]>> {
  const since = new Date(now - verifyMs).toISOString();
  const rows = await db
    .selectFrom('maintenances')
    .innerJoin('maintenance_components', 'maintenance_components.maintenance_id', 'maintenances.id')
    .select([
      'maintenance_components.component_id',
      'maintenances.status',
      'maintenances.started_at',
      'maintenances.completed_at',
    ])
    .where((eb) =>
      eb.or([
        eb('maintenances.status', 'in', ['in_progress', 'verifying']),
        eb.and([eb('maintenances.status', '=', 'completed'), eb('maintenances.completed_at', '>=', since)]),
      ]),
    )
    .execute();
  const out = new Map<string, MaintenanceOnComponent[]>();
  for (const r of rows) {
    const list = out.get(r.component_id) ?? [];
    list.push({ status: r.status, startedAt: r.started_at, completedAt: r.completed_at });
    out.set(r.component_id, list);
  }
  return out;
}

export async function firingRuleKeys(db: Tx): Promise<Set<string>> {
  const rows = await db.selectFrom('alerts').select('rule_key').where('state', '=', 'firing').execute();
  return new Set(rows.map((r) => r.rule_key));
}
