/**
 * @module The detector loop (every 10 s): takes the `detector-loop` lease (one process evaluates
 * even when several share PostgreSQL), reads telemetry windows, monitor states and report
 * clusters, evaluates each rule (pure detectors in domain/detectors/) and raises or clears alerts
 * through the alert verbs. Maintenance-aware: a component with a running window is skipped; one
 * being verified is judged against the baseline from before the window. It beats the liveness
 * registry every pass, so the watchdog notices when it hangs.
 */
import type { Logger } from 'pino';
import { defaultSettleMs, evaluateRule } from '#src/domain/detectors/evaluate.ts';
import {
  defaultVerifyMs,
  type MaintenancePhase,
  maintenancePhase,
} from '#src/domain/detectors/maintenance.ts';
import { evaluateProbe } from '#src/domain/detectors/probe.ts';
import { defaultRules, type RuleSpec } from '#src/domain/detectors/rules.ts';
import { acquireLease } from '#src/services/acquire-lease.ts';
import { clearAlert } from '#src/services/clear-alert.ts';
import type { ServiceContext } from '#src/services/context.ts';
import {
  firingRuleKeys,
  loadMaintenanceByComponent,
  loadMonitorStates,
  loadPeerInputs,
  loadReportClusters,
  type PeerInput,
} from '#src/services/load-detector-inputs.ts';
import { type RaiseAlertInput, raiseAlert } from '#src/services/raise-alert.ts';
import { alertMetrics } from './detector-metrics.ts';
import type { Liveness } from './liveness.ts';

export const detectorLoopName = 'detector-loop';
/** How often the loop runs (ms): once per telemetry window. */
export const detectorEveryMs = 10_000;

export interface DetectorLoopDeps {
  /** System actor context. */
  ctx: ServiceContext;
  /** Unique per process: the lease holder. */
  holder: string;
  /** Zone of times in generated incident texts. */
  timeZone: string;
  log: Pick<Logger, 'error' | 'warn'>;
  liveness?: Liveness;
  settleMs?: number;
  verifyMs?: number;
}

export interface DetectorPass {
  /** Another process holds the lease: nothing evaluated. */
  skipped: boolean;
  raised: string[];
  cleared: string[];
}

/** One pass; the scheduler calls it every 10 s, tests call it with a test clock. */
export async function runDetectors(deps: DetectorLoopDeps): Promise<DetectorPass> {
  deps.liveness?.beat(detectorLoopName);
  const pass: DetectorPass = { skipped: false, raised: [], cleared: [] };
  const lease = await acquireLease({
    ctx: deps.ctx,
    input: { name: detectorLoopName, holder: deps.holder, ttlMs: 3 * detectorEveryMs },
  });
  if (!lease.acquired) return { ...pass, skipped: true };
  const now = deps.ctx.clock().getTime();
  const db = deps.ctx.db;
  const verifyMs = deps.verifyMs ?? defaultVerifyMs;
  const [firing, maintenance] = await Promise.all([
    firingRuleKeys(db),
    loadMaintenanceByComponent(db, now, verifyMs),
  ]);
  const phaseOf = (componentId: string): MaintenancePhase =>
    maintenancePhase(maintenance.get(componentId) ?? [], now, verifyMs);
  /** Keys judged this pass (or left alone on purpose): firing alerts outside it lost their source. */
  const seen = new Set<string>();
  const act = actor(deps, firing, pass);

  for (const peer of await loadPeerInputs(db, now)) {
    const phase = phaseOf(peer.componentId);
    for (const rule of peer.rules.length > 0 ? peer.rules : defaultRules()) {
      const key = `telemetry:${rule.id}:${peer.id}`;
      seen.add(key);
      if (phase.phase === 'quiet') continue;
      await act(key, () => judgeTelemetry(deps, peer, rule, phase, now, firing.has(key)));
    }
  }
  for (const m of await loadMonitorStates(db)) {
    const key = `monitor:${m.id}`;
    if (m.enabled !== 1 || m.paused_at !== null) continue;
    seen.add(key);
    if (phaseOf(m.component_id).phase === 'quiet') continue;
    const view = {
      monitorId: m.id,
      kind: m.kind,
      state: m.state,
      since: m.since,
      lastCode: m.last_code,
      lastDetail: m.last_detail,
      lastRttMs: m.last_rtt_ms,
    };
    const e = evaluateProbe(view, firing.has(key), now);
    // While a recovered monitor waits out its clearing time, the alert keeps the failure it saw.
    const failing = m.state === 'down' || m.state === 'overloaded';
    await act(key, () => ({
      decision: e.decision,
      raise: !failing
        ? undefined
        : {
            componentId: m.component_id,
            source: m.kind === 'heartbeat' ? 'heartbeat' : 'monitor',
            ruleKey: key,
            severity: e.severity,
            evidence: e.evidence,
            sourceName: { de: m.name_de, en: m.name_en },
            monitorId: m.id,
            timeZone: deps.timeZone,
          },
    }));
  }
  for (const r of await loadReportClusters(db)) {
    const key = `reports:${r.id}`;
    seen.add(key);
    await act(key, () => ({
      decision: firing.has(key) ? 'keep' : 'raise',
      raise: {
        componentId: r.componentId,
        source: 'reports',
        ruleKey: key,
        severity: 'warning',
        evidence: {
          kind: 'reports',
          reportAlertId: r.id,
          serviceId: r.service_id,
          reportCount: r.report_count,
          firstReportAt: r.first_report_at,
        },
        sourceName: { de: r.name_de, en: r.name_en },
        timeZone: deps.timeZone,
      },
    }));
  }
  // A peer, monitor, rule or report cluster that went away takes its alert with it.
  for (const key of firing) {
    if (seen.has(key) || !/^(telemetry|monitor|reports):/.test(key)) continue;
    await act(key, () => ({ decision: 'clear' }));
  }
  alertMetrics.passes.inc();
  return pass;
}

type Judgement = { decision: 'raise' | 'clear' | 'keep'; raise?: RaiseAlertInput; evidence?: unknown };

function judgeTelemetry(
  deps: DetectorLoopDeps,
  peer: PeerInput,
  rule: RuleSpec,
  phase: MaintenancePhase,
  now: number,
  firing: boolean,
): Judgement {
  const e = evaluateRule(
    rule,
    {
      windows: peer.windows,
      hourly: peer.hourly,
      now,
      settleMs: deps.settleMs ?? defaultSettleMs,
      baselineBefore: phase.phase === 'verifying' ? phase.baselineBefore : null,
    },
    firing,
  );
  return {
    decision: e.decision,
    evidence: e.evidence,
    raise: {
      componentId: peer.componentId,
      source: 'telemetry',
      ruleKey: `telemetry:${rule.id}:${peer.id}`,
      severity: rule.params.severity,
      evidence: e.evidence,
      sourceName: peer.name,
      peerId: peer.id,
      timeZone: deps.timeZone,
    },
  };
}

/**
 * Applies a judgement: raise (new), refresh (firing and kept: the evidence and chart stay current),
 * or clear. One failing alert is logged and does not stop the others.
 */
function actor(deps: DetectorLoopDeps, firing: ReadonlySet<string>, pass: DetectorPass) {
  return async (key: string, judge: () => Judgement) => {
    try {
      const j = judge();
      if (j.decision === 'clear') {
        const { id } = await clearAlert({ ctx: deps.ctx, input: { ruleKey: key, evidence: j.evidence } });
        if (id) {
          pass.cleared.push(key);
          alertMetrics.cleared.inc();
        }
      } else if (j.raise && (j.decision === 'raise' || firing.has(key))) {
        const r = await raiseAlert({ ctx: deps.ctx, input: j.raise });
        if (r.created) {
          pass.raised.push(key);
          alertMetrics.raised.inc({ source: j.raise.source, severity: j.raise.severity });
        }
      }
    } catch (err) {
      deps.log.error({ err, ruleKey: key }, 'detector could not raise or clear an alert');
    }
  };
}
