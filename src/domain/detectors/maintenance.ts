/**
 * @module Maintenance awareness: while a window runs on a component its detectors stay silent
 * (the work is expected to disturb); while it is being verified — the `verifying` step, or the
 * first 30 minutes after it completed — they judge against the baseline from before it started.
 */

/** How long after a completed window the detectors still compare with the old baseline (ms). */
export const defaultVerifyMs = 30 * 60_000;

export interface MaintenanceOnComponent {
  status: string;
  /** ISO; when the window actually started (null: never started). */
  startedAt: string | null;
  completedAt: string | null;
}

export type MaintenancePhase =
  | { phase: 'normal' }
  | { phase: 'quiet' }
  | { phase: 'verifying'; baselineBefore: number };

/** The phase a component is in, given every maintenance window that names it. */
export function maintenancePhase(
  windows: readonly MaintenanceOnComponent[],
  now: number,
  verifyMs = defaultVerifyMs,
): MaintenancePhase {
  if (windows.some((w) => w.status === 'in_progress')) return { phase: 'quiet' };
  const verifying = windows.filter(
    (w) =>
      w.startedAt !== null &&
      (w.status === 'verifying' ||
        (w.status === 'completed' && w.completedAt !== null && now - Date.parse(w.completedAt) < verifyMs)),
  );
  if (verifying.length === 0) return { phase: 'normal' };
  // Several: the earliest start, so the baseline holds no minute of any of them.
  return { phase: 'verifying', baselineBefore: Math.min(...verifying.map((w) => Date.parse(w.startedAt!))) };
}
