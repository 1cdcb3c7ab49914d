/**
 * @module The HEP collector's counters on the metrics registry: packets and bytes by transport,
 * decoded, dropped by reason, unmatched, windows flushed. The collector keeps plain numbers on
 * its hot path; they are copied to the registry (as increments) when /metrics is read.
 */
import type { MetricsRegistry } from '../metrics/registry.ts';
import type { CollectorStats } from './collector.ts';

export function bindCollectorMetrics(
  registry: MetricsRegistry,
  source: { stats: CollectorStats; tracked(): number },
): () => void {
  const packets = registry.counter('dialtone_hep_packets_received_total', 'HEP packets received.', [
    'transport',
  ]);
  const bytes = registry.counter('dialtone_hep_bytes_received_total', 'Bytes of HEP received.', [
    'transport',
  ]);
  const decoded = registry.counter('dialtone_hep_packets_decoded_total', 'HEP packets decoded.');
  const dropped = registry.counter('dialtone_hep_packets_dropped_total', 'HEP packets dropped, by reason.', [
    'reason',
  ]);
  const unmatched = registry.counter(
    'dialtone_hep_packets_unmatched_total',
    'Decoded SIP packets between addresses that match no configured peer.',
  );
  const flushed = registry.counter('dialtone_telemetry_windows_flushed_total', 'Peer windows written.');
  const failures = registry.counter(
    'dialtone_telemetry_flush_failures_total',
    'Writes of closed windows that failed (retried with the next flush).',
  );
  const lost = registry.counter(
    'dialtone_telemetry_windows_lost_total',
    'Closed windows given up after failed writes (the retry queue was full).',
  );
  const refused = registry.counter(
    'dialtone_hep_connections_refused_total',
    'TCP connections refused at the connection limit.',
  );
  const untracked = registry.counter(
    'dialtone_hep_transactions_untracked_total',
    'SIP transactions not tracked because the table was full (their answers are not counted).',
  );
  const tracked = registry.gauge(
    'dialtone_hep_tracked_transactions',
    'SIP transactions the collector remembers.',
  );
  const seen = new Map<string, number>();
  /** Adds what `value` grew by since the last scrape. */
  const grow = (key: string, value: number, add: (n: number) => void) => {
    const before = seen.get(key) ?? 0;
    if (value > before) add(value - before);
    seen.set(key, value);
  };
  return registry.onCollect(() => {
    const s = source.stats;
    for (const t of ['udp', 'tcp'] as const) {
      grow(`p${t}`, s.packets[t], (n) => packets.inc({ transport: t }, n));
      grow(`b${t}`, s.bytes[t], (n) => bytes.inc({ transport: t }, n));
    }
    grow('decoded', s.decoded, (n) => decoded.inc({}, n));
    for (const [reason, count] of Object.entries(s.dropped)) {
      grow(`d${reason}`, count ?? 0, (n) => dropped.inc({ reason }, n));
    }
    grow('unmatched', s.unmatched, (n) => unmatched.inc({}, n));
    grow('untracked', s.untracked, (n) => untracked.inc({}, n));
    grow('flushed', s.windowsFlushed, (n) => flushed.inc({}, n));
    grow('failures', s.flushFailures, (n) => failures.inc({}, n));
    grow('lost', s.windowsLost, (n) => lost.inc({}, n));
    grow('refused', s.connectionsRefused, (n) => refused.inc({}, n));
    tracked.set({}, source.tracked());
  });
}
