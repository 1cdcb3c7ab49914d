/**
 * @module Timestamps as Statuspage writes them: ISO 8601 with milliseconds and the page's UTC
 * offset (`2026-11-20T11:00:00.000+01:00`), so clients that parse the offset and clients that
 * show the string as-is both get the page's local time.
 */
import { zoneOffsetMs } from '#src/domain/zoned-time.ts';

/** The instant `iso` written in `timeZone` with its offset at that instant (DST-aware). */
export function isoWithOffset(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const offset = zoneOffsetMs(instant, timeZone);
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(Math.round(minutes % 60)).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** Nullable variant for optional timestamps (`resolved_at`, `monitoring_at`). */
export const isoOrNull = (iso: string | null | undefined, timeZone: string): string | null =>
  iso ? isoWithOffset(iso, timeZone) : null;
