/**
 * @module Report clusters: many outage reports on one service within a short window are a sign
 * of an outage nobody has declared yet. Pure: the caller passes the unlinked reports, the alerts
 * still active and the clock's "now"; the result says which new alerts to raise and which
 * reports to add to an alert already raised (so one outage raises one alert, not one per wave).
 */

export interface ClusterOptions {
  /** Reports needed within the window (default 5). */
  minReports: number;
  /** Length of the sliding window in milliseconds (default 10 minutes). */
  windowMs: number;
  /** Reports older than this are not looked at (default 60 minutes): old news raises nothing. */
  lookbackMs: number;
}

export const defaultClusterOptions: ClusterOptions = {
  minReports: 5,
  windowMs: 10 * 60_000,
  lookbackMs: 60 * 60_000,
};

export interface ClusterReport {
  id: string;
  serviceId: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export interface ActiveAlert {
  id: string;
  serviceId: string;
}

export interface ClusterPlan {
  raise: { serviceId: string; reportIds: string[]; firstAt: string; lastAt: string }[];
  attach: { alertId: string; reportIds: string[]; lastAt: string }[];
}

/**
 * Plans alerts from reports that are neither linked to an incident nor covered by an alert yet.
 * A service with an active alert collects its new reports there; any other service raises an
 * alert for the densest window holding at least `minReports` reports.
 */
export function planClusters(
  reports: readonly ClusterReport[],
  activeAlerts: readonly ActiveAlert[],
  now: Date,
  options: ClusterOptions = defaultClusterOptions,
): ClusterPlan {
  const since = now.getTime() - options.lookbackMs;
  const byService = new Map<string, ClusterReport[]>();
  for (const r of reports) {
    const t = Date.parse(r.createdAt);
    if (!Number.isFinite(t) || t < since || t > now.getTime()) continue;
    const list = byService.get(r.serviceId) ?? [];
    list.push(r);
    byService.set(r.serviceId, list);
  }
  const alertOf = new Map(activeAlerts.map((a) => [a.serviceId, a.id]));
  const plan: ClusterPlan = { raise: [], attach: [] };
  for (const [serviceId, list] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const alertId = alertOf.get(serviceId);
    if (alertId) {
      plan.attach.push({ alertId, reportIds: list.map((r) => r.id), lastAt: list.at(-1)!.createdAt });
      continue;
    }
    const window = densestWindow(list, options.windowMs);
    if (window.length >= options.minReports) {
      plan.raise.push({
        serviceId,
        reportIds: window.map((r) => r.id),
        firstAt: window[0]!.createdAt,
        lastAt: window.at(-1)!.createdAt,
      });
    }
  }
  return plan;
}

/** The run of reports (sorted by time) with the most reports within `windowMs`; latest wins ties. */
function densestWindow(sorted: readonly ClusterReport[], windowMs: number): ClusterReport[] {
  let best: [number, number] = [0, 0];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    const endAt = Date.parse(sorted[end]!.createdAt);
    while (endAt - Date.parse(sorted[start]!.createdAt) > windowMs) start++;
    if (end - start + 1 >= best[1] - best[0]) best = [start, end + 1];
  }
  return sorted.slice(best[0], best[1]);
}
