/**
 * @module `datetime-local` values (wall-clock time without a zone) read and written in the
 * viewer's time zone. Around a DST change a wall-clock time may not exist (spring forward:
 * 02:30 in Berlin on the last Sunday of March) or exist twice (fall back: 02:30 on the last
 * Sunday of October). We refuse the first — a maintenance announced for a time that never
 * happens would mislead customers — and take the earlier instant for the second, as Temporal's
 * `disambiguation: 'compatible'` does, so a window never starts later than the operator meant.
 */
import { zoneOffsetMs } from '#src/domain/zoned-time.ts';

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'nonexistent' };

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const hourMs = 3600_000;

/** The wall-clock time as if it were UTC (ms), or null when it is not a real calendar time. */
function wallClockMs(value: string): number | null {
  const m = pattern.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a mismatch means the input was no calendar date.
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  return same ? ms : null;
}

/** The instant a `datetime-local` value means in `timeZone`. */
export function localInputToInstant(value: string, timeZone: string): LocalTimeResult {
  const wall = wallClockMs(value);
  if (wall === null) return { ok: false, reason: 'invalid' };
  // The offsets in force half a day before and after cover both sides of any DST change near
  // this time; each gives a candidate instant, which is right if the zone shows `wall` there.
  const offsets = new Set([
    zoneOffsetMs(new Date(wall - 12 * hourMs), timeZone),
    zoneOffsetMs(new Date(wall + 12 * hourMs), timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((t) => t + zoneOffsetMs(new Date(t), timeZone) === wall)
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? { ok: false, reason: 'nonexistent' } : { ok: true, instant: new Date(first) };
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:MM`) showing an instant in `timeZone`. */
export function instantToLocalInput(instant: Date, timeZone: string): string {
  const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return new Date(minute + zoneOffsetMs(new Date(minute), timeZone)).toISOString().slice(0, 16);
}
