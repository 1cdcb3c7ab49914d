/**
 * @module Probe results on `/metrics` (the process-wide registry, adapters/metrics/registry.ts),
 * in base units as Prometheus wants them: seconds, and the certificate's end as a Unix timestamp
 * (alert on `dialtone_tls_certificate_expiry_timestamp_seconds - time() < 14 * 86400`).
 */
import { metrics } from '#src/adapters/metrics/registry.ts';
import type { ProbeResult } from '#src/adapters/probes/probe.ts';

const probeResults = metrics.counter(
  'dialtone_probe_results_total',
  'Probe results by monitor kind and outcome.',
  ['kind', 'outcome'],
);
const probeRtt = metrics.gauge('dialtone_probe_rtt_seconds', 'Round-trip time of the last probe.', [
  'monitor',
  'kind',
]);
const monitorUp = metrics.gauge('dialtone_monitor_up', 'Last probe outcome: 1 up, 0 down or overloaded.', [
  'monitor',
  'kind',
]);
const certificateExpiry = metrics.gauge(
  'dialtone_tls_certificate_expiry_timestamp_seconds',
  'When the monitored TLS certificate expires (Unix time).',
  ['monitor'],
);

const certificateWarning = metrics.gauge(
  'dialtone_tls_certificate_warning',
  "1 when fewer days than the monitor's warnDaysLeft remain on its TLS certificate, else 0.",
  ['monitor'],
);

export function recordProbeMetrics(monitor: { id: string; kind: string }, result: ProbeResult): void {
  const labels = { monitor: monitor.id, kind: monitor.kind };
  probeResults.inc({ kind: monitor.kind, outcome: result.outcome });
  probeRtt.set(labels, result.rttMs / 1000);
  monitorUp.set(labels, result.outcome === 'up' ? 1 : 0);
  const expiresAt = result.metrics?.certificateExpiresAt;
  if (expiresAt !== undefined) certificateExpiry.set({ monitor: monitor.id }, expiresAt);
  const warning = result.metrics?.certificateWarning;
  if (warning !== undefined) certificateWarning.set({ monitor: monitor.id }, warning);
}
