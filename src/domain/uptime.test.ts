import { describe, expect, it } from 'vitest';
import { uptimeBars } from './uptime.ts';

const tz = 'Europe/Berlin';

describe('uptimeBars', () => {
  it('gives 90 days, no data before the component existed, full uptime otherwise', () => {
    const r = uptimeBars({
      intervals: [],
      since: new Date('2026-11-20T00:00:00Z'),
      now: new Date('2026-11-22T12:00:00Z'),
      days: 90,
      timeZone: tz,
    });
    expect(r.days).toHaveLength(90);
    expect(r.days.at(-1)!.date).toBe('2026-11-22');
    expect(r.days.at(-4)!.worst).toBeNull();
    expect(r.days.at(-1)).toMatchObject({ worst: 'operational', uptime: 1 });
    expect(r.uptime).toBe(1);
  });

  it('counts major outages fully and partial outages at 30 %, on Berlin calendar days', () => {
    const r = uptimeBars({
      intervals: [
        // 23:00 UTC on 20 Nov is midnight in Berlin: the outage falls on the 21st there.
        {
          status: 'major_outage',
          startedAt: new Date('2026-11-20T23:00:00Z'),
          endedAt: new Date('2026-11-21T01:00:00Z'),
        },
        {
          status: 'partial_outage',
          startedAt: new Date('2026-11-21T10:00:00Z'),
          endedAt: new Date('2026-11-21T20:00:00Z'),
        },
        {
          status: 'under_maintenance',
          startedAt: new Date('2026-11-22T02:00:00Z'),
          endedAt: new Date('2026-11-22T04:00:00Z'),
        },
      ],
      since: new Date('2026-01-01T00:00:00Z'),
      now: new Date('2026-11-22T22:59:00Z'),
      days: 3,
      timeZone: tz,
    });
    const [d20, d21, d22] = r.days;
    expect(d20).toMatchObject({ date: '2026-11-20', worst: 'operational', uptime: 1 });
    expect(d21!.worst).toBe('major_outage');
    expect(d21!.downtimeMs).toEqual({ major_outage: 2 * 3600_000, partial_outage: 10 * 3600_000 });
    expect(d21!.uptime).toBeCloseTo(1 - (2 + 0.3 * 10) / 24, 6);
    expect(d22).toMatchObject({ worst: 'under_maintenance', uptime: 1 });
  });

  it('handles the 25-hour day when summer time ends', () => {
    const r = uptimeBars({
      intervals: [{ status: 'major_outage', startedAt: new Date('2026-10-24T22:00:00Z'), endedAt: null }],
      since: new Date('2026-01-01T00:00:00Z'),
      now: new Date('2026-10-26T01:00:00Z'),
      days: 2,
      timeZone: tz,
    });
    expect(r.days[0]).toMatchObject({ date: '2026-10-25', uptime: 0 });
    expect(r.days[0]!.downtimeMs.major_outage).toBe(25 * 3600_000);
  });
});
