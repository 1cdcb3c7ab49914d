import { describe, expect, it } from 'vitest';
import { instantToLocalInput, localInputToInstant } from './maintenance-time.ts';

const berlin = 'Europe/Berlin';
const iso = (value: string, zone = berlin) => {
  const r = localInputToInstant(value, zone);
  return r.ok ? r.instant.toISOString() : r.reason;
};

describe('localInputToInstant', () => {
  it('reads winter and summer times in Berlin with their own offsets', () => {
    expect(iso('2026-01-15T22:00')).toBe('2026-01-15T21:00:00.000Z');
    expect(iso('2026-07-15T22:00')).toBe('2026-07-15T20:00:00.000Z');
  });

  it('handles the spring-forward night: before, the missing hour, after', () => {
    expect(iso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(iso('2026-03-29T02:00')).toBe('nonexistent');
    expect(iso('2026-03-29T02:30')).toBe('nonexistent');
    expect(iso('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier of the two instants in the fall-back night', () => {
    expect(iso('2026-10-25T01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('works for other zones: no DST, half-hour offsets, southern hemisphere', () => {
    expect(iso('2026-03-29T02:30', 'UTC')).toBe('2026-03-29T02:30:00.000Z');
    expect(iso('2026-06-01T09:00', 'Asia/Kolkata')).toBe('2026-06-01T03:30:00.000Z');
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('nonexistent');
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-01-10T12:00', 'Australia/Sydney')).toBe('2026-01-10T01:00:00.000Z');
  });

  it('accepts seconds as browsers may send them', () => {
    expect(iso('2026-01-15T22:00:30')).toBe('2026-01-15T21:00:30.000Z');
  });

  it('refuses what is not a calendar time', () => {
    for (const bad of [
      '',
      'soon',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '2026-01-01',
    ]) {
      expect(iso(bad)).toBe('invalid');
    }
  });
});

describe('instantToLocalInput', () => {
  it('shows an instant as the zone’s wall clock, minutes only', () => {
    expect(instantToLocalInput(new Date('2026-01-15T21:00:45.000Z'), berlin)).toBe('2026-01-15T22:00');
    expect(instantToLocalInput(new Date('2026-10-25T00:30:00.000Z'), berlin)).toBe('2026-10-25T02:30');
    expect(instantToLocalInput(new Date('2026-10-25T01:30:00.000Z'), berlin)).toBe('2026-10-25T02:30');
  });

  it('round-trips every quarter hour across both changes of 2026', () => {
    for (const start of ['2026-03-28T22:00:00.000Z', '2026-10-24T22:00:00.000Z']) {
      for (let q = 0; q < 24 * 4; q++) {
        const instant = new Date(new Date(start).getTime() + q * 900_000);
        const local = instantToLocalInput(instant, berlin);
        const back = localInputToInstant(local, berlin);
        expect(back.ok).toBe(true);
        // In the repeated hour the earlier instant wins, so the way back is never later.
        if (back.ok) expect(back.instant.getTime()).toBeLessThanOrEqual(instant.getTime());
        if (back.ok) expect(instantToLocalInput(back.instant, berlin)).toBe(local);
      }
    }
  });
});
