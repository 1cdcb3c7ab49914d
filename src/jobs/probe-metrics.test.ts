import { describe, expect, it } from 'vitest';
import { metrics } from '#src/adapters/metrics/registry.ts';
import { promtoolCheck, promtoolSkipReason } from '../../test/support/promtool.ts';
import { recordProbeMetrics } from './probe-metrics.ts';

describe('probe metrics', () => {
  it('are exposed in base units and pass promtool check metrics', async () => {
    recordProbeMetrics(
      { id: 'sbc "fra"', kind: 'tls' },
      {
        outcome: 'up',
        rttMs: 42,
        detail: '',
        metrics: { certificateDaysLeft: 30, certificateWarning: 1, certificateExpiresAt: 1_797_000_000 },
      },
    );
    recordProbeMetrics(
      { id: 'sbc-options', kind: 'sip-options' },
      { outcome: 'overloaded', rttMs: 3, code: 503, detail: '' },
    );
    const text = await metrics.render();
    expect(text).toContain('dialtone_probe_rtt_seconds{monitor="sbc \\"fra\\"",kind="tls"} 0.042');
    expect(text).toContain('dialtone_monitor_up{monitor="sbc-options",kind="sip-options"} 0');
    expect(text).toContain(
      'dialtone_tls_certificate_expiry_timestamp_seconds{monitor="sbc \\"fra\\""} 1797000000',
    );
    expect(text).toContain('dialtone_tls_certificate_warning{monitor="sbc \\"fra\\""} 1');
    expect(text).toMatch(/dialtone_probe_results_total\{kind="sip-options",outcome="overloaded"\} 1/);
    if (promtoolSkipReason() === null) expect(promtoolCheck(text)).toEqual({ status: 0, output: '' });
  });
});
