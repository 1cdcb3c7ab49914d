import { describe, expect, it } from 'vitest';
import { promtoolCheck, promtoolSkipReason } from '../../../test/support/promtool.ts';
import { MetricsRegistry } from './registry.ts';

function sample(): MetricsRegistry {
  const r = new MetricsRegistry();
  const drops = r.counter('dialtone_hep_packets_dropped_total', 'HEP packets dropped, by reason.', [
    'reason',
  ]);
  drops.inc({ reason: 'bad_magic' });
  drops.inc({ reason: 'bad_magic' }, 2);
  drops.inc({ reason: 'say "hi"\\\nnow' });
  const g = r.gauge('dialtone_peer_asr_ratio', 'Answer-seizure ratio of the last complete minute.', ['peer']);
  g.set({ peer: 'carrier-a' }, 0.5);
  g.set({ peer: 'carrier-b' }, Number.NaN);
  r.counter('dialtone_hep_bytes_total', 'Bytes received.\nOn every listener.').inc({}, 1234);
  return r;
}

describe('MetricsRegistry', () => {
  it('renders HELP, TYPE and escaped label values in the text format', async () => {
    const text = await sample().render();
    expect(text).toContain('# TYPE dialtone_hep_packets_dropped_total counter');
    expect(text).toContain('dialtone_hep_packets_dropped_total{reason="bad_magic"} 3');
    expect(text).toContain('dialtone_hep_packets_dropped_total{reason="say \\"hi\\"\\\\\\nnow"} 1');
    expect(text).toContain('dialtone_peer_asr_ratio{peer="carrier-b"} NaN');
    expect(text).toContain('# HELP dialtone_hep_bytes_total Bytes received.\\nOn every listener.');
    expect(text).toContain('dialtone_hep_bytes_total 1234');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('returns the same metric when registered twice, refuses another type under that name', () => {
    const r = new MetricsRegistry();
    const a = r.counter('x_total', 'x');
    expect(r.counter('x_total', 'x')).toBe(a);
    expect(() => r.gauge('x_total', 'x')).toThrow(/another type/);
    expect(() => r.counter('no_suffix', 'x')).toThrow(/_total/);
    expect(() => a.inc({}, -1)).toThrow(/only go up/);
    expect(() => a.inc({ nope: '1' })).toThrow(/unknown label/);
  });

  it('runs collectors before rendering, and a cleared gauge forgets its series', async () => {
    const r = new MetricsRegistry();
    const g = r.gauge('peers_seen', 'Peers.', ['peer']);
    g.set({ peer: 'old' }, 1);
    r.onCollect(() => {
      g.clear();
      g.set({ peer: 'new' }, 2);
    });
    const text = await r.render();
    expect(text).toContain('peers_seen{peer="new"} 2');
    expect(text).not.toContain('old');
  });

  const skip = promtoolSkipReason();
  it.skipIf(skip !== null)('passes promtool check metrics', async () => {
    const result = promtoolCheck(await sample().render());
    expect(result).toEqual({ status: 0, output: '' });
  });
});
