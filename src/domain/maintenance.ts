/**
 * @module The maintenance window: `scheduled` → `in_progress` → `verifying` → `completed`,
 * or `cancelled` before it starts. It starts and ends by itself at its times; `verifying` is the
 * optional step in which the NOC (and later the detectors) compare against the baseline.
 */
import { DialtoneError, type FieldError } from './errors.ts';

export const maintenanceStatuses = [
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'cancelled',
] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];

export const isMaintenanceStatus = (v: unknown): v is MaintenanceStatus =>
  typeof v === 'string' && (maintenanceStatuses as readonly string[]).includes(v);

/** Components show `under_maintenance` while a window is in one of these. */
export const activeMaintenanceStatuses = ['in_progress', 'verifying'] as const;

const allowed: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  scheduled: ['in_progress', 'cancelled', 'completed'],
  in_progress: ['verifying', 'completed'],
  verifying: ['in_progress', 'completed'],
  completed: [],
  cancelled: [],
};

export function assertMaintenanceTransition(from: string, to: MaintenanceStatus): void {
  const next = isMaintenanceStatus(from) ? allowed[from] : [];
  if (!next.includes(to)) {
    throw new DialtoneError('invalid_transition', 'error.maintenanceTransition', { params: { from, to } });
  }
}

/** Longest window we accept: a "maintenance" over two weeks is an outage with a calendar (ms). */
export const maxWindowMs = 14 * 24 * 3600_000;

export function checkWindow(start: Date, end: Date): FieldError[] {
  if (Number.isNaN(start.getTime())) return [{ path: 'scheduled_start', key: 'error.invalidDate' }];
  if (Number.isNaN(end.getTime())) return [{ path: 'scheduled_end', key: 'error.invalidDate' }];
  if (end <= start) return [{ path: 'scheduled_end', key: 'error.endBeforeStart' }];
  if (end.getTime() - start.getTime() > maxWindowMs) {
    return [{ path: 'scheduled_end', key: 'error.windowTooLong', params: { days: 14 } }];
  }
  return [];
}

/** What the scheduler should do with a window at `now`: nothing, start it, or end it. */
export function dueTransition(
  w: { status: string; scheduledStart: Date; scheduledEnd: Date },
  now: Date,
): MaintenanceStatus | null {
  if (w.status === 'scheduled' && now >= w.scheduledEnd) return 'completed';
  if (w.status === 'scheduled' && now >= w.scheduledStart) return 'in_progress';
  if (w.status === 'in_progress' && now >= w.scheduledEnd) return 'completed';
  return null;
}
