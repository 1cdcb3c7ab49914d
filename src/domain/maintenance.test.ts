import { describe, expect, it } from 'vitest';
import { DialtoneError } from './errors.ts';
import { assertMaintenanceTransition, checkWindow, dueTransition } from './maintenance.ts';

const at = (iso: string) => new Date(iso);

describe('maintenance window', () => {
  it('starts at its start and ends at its end', () => {
    const w = {
      status: 'scheduled',
      scheduledStart: at('2026-11-22T02:00:00Z'),
      scheduledEnd: at('2026-11-22T04:00:00Z'),
    };
    expect(dueTransition(w, at('2026-11-22T01:59:59Z'))).toBeNull();
    expect(dueTransition(w, at('2026-11-22T02:00:00Z'))).toBe('in_progress');
    expect(dueTransition({ ...w, status: 'in_progress' }, at('2026-11-22T03:00:00Z'))).toBeNull();
    expect(dueTransition({ ...w, status: 'in_progress' }, at('2026-11-22T04:00:00Z'))).toBe('completed');
    // Missed entirely (dialtone was down): completed, never shown as running afterwards.
    expect(dueTransition(w, at('2026-11-22T05:00:00Z'))).toBe('completed');
    // Verifying is left to the NOC: the clock does not end it.
    expect(dueTransition({ ...w, status: 'verifying' }, at('2026-11-22T05:00:00Z'))).toBeNull();
  });

  it('allows only forward moves', () => {
    expect(() => assertMaintenanceTransition('scheduled', 'in_progress')).not.toThrow();
    expect(() => assertMaintenanceTransition('in_progress', 'verifying')).not.toThrow();
    expect(() => assertMaintenanceTransition('completed', 'in_progress')).toThrow(DialtoneError);
    expect(() => assertMaintenanceTransition('in_progress', 'cancelled')).toThrow(DialtoneError);
  });

  it('checks the window', () => {
    expect(checkWindow(at('2026-11-22T02:00:00Z'), at('2026-11-22T01:00:00Z'))).toEqual([
      { path: 'scheduled_end', key: 'error.endBeforeStart' },
    ]);
    expect(checkWindow(at('x'), at('2026-11-22T01:00:00Z'))[0]?.path).toBe('scheduled_start');
    expect(checkWindow(at('2026-11-01T00:00:00Z'), at('2026-11-20T00:00:00Z'))[0]?.key).toBe(
      'error.windowTooLong',
    );
    expect(checkWindow(at('2026-11-22T02:00:00Z'), at('2026-11-22T04:00:00Z'))).toEqual([]);
  });
});
