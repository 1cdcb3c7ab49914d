import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { niceMax, renderChart } from './chart.ts';

const base = { t: translator('en'), locale: 'en' as const, timeZone: 'Europe/Berlin', id: 'c1' };
const at = (s: number) => new Date(Date.parse('2026-11-22T10:00:00.000Z') + s * 1000).toISOString();

describe('renderChart', () => {
  it('draws lines with gaps, reference lines, axis times in the zone, and the numbers as text', () => {
    const out = renderChart({
      ...base,
      title: 'ISA <Carrier & Co>',
      unit: 'share',
      series: [
        {
          label: 'ISA',
          tone: 'bad',
          points: [0, 10, 20, 30].map((s, i) => ({ at: at(s), value: i === 2 ? null : i * 0.05 })),
        },
      ],
      lines: [{ label: 'Limit', value: 0.15 }],
    });
    expect(out).toContain('role="img" aria-labelledby="c1-caption"');
    expect(out).toContain('ISA &#60;Carrier &#38; Co&#62;');
    expect(out).not.toContain('<Carrier');
    // Two pen-downs: the missing third point splits the line.
    const d = /class="chart-line tone-bad" d="([^"]+)"/.exec(out)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(out).toContain('class="chart-ref tone-muted"');
    expect(out).toContain('>11:00<');
    expect(out).toContain('latest 15%, minimum 0%, maximum 15%');
    expect(out).toContain('<details class="chart-data">');
    expect(out.match(/<tr><th scope="row">/g)).toHaveLength(4);
  });

  it('says there is no data instead of drawing an empty frame, in the reader’s language', () => {
    const out = renderChart({
      ...base,
      t: translator('de'),
      locale: 'de',
      title: 'RTT',
      unit: 'ms',
      series: [{ label: 'RTT', points: [] }],
    });
    expect(out).toContain('RTT: keine Daten');
    expect(out).not.toContain('<svg');
  });

  it('picks round axis maxima, shares capped at 100 %', () => {
    expect(niceMax(0.13, 'share')).toBe(0.2);
    expect(niceMax(0.9, 'share')).toBe(1);
    expect(niceMax(37, 'count')).toBe(50);
    expect(niceMax(0, 'ms')).toBe(1);
  });
});
