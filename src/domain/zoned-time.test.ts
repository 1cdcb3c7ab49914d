import { describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, localDate, startOfLocalDate, zoneOffsetMs } from './zoned-time.ts';

describe('zoned time', () => {
  it('knows Berlin offsets in winter and summer', () => {
    expect(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3600_000);
    expect(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7200_000);
  });

  it('finds local midnight, also on DST days', () => {
    expect(startOfLocalDate('2026-11-22', 'Europe/Berlin').toISOString()).toBe('2026-11-21T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-10-26', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('tells local dates and adds days across months', () => {
    expect(localDate(new Date('2026-11-21T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-21T23:30:00Z'), 'UTC')).toBe('2026-11-21');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isValidTimeZone('Europe/Vienna')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
