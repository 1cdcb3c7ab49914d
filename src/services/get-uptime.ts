/**
 * @module Daily uptime bars and percentage per component, from the recorded status intervals.
 */
import type { ComponentStatus } from '#src/domain/status.ts';
import { dayWindows, type StatusInterval, type UptimeSummary, uptimeBars } from '#src/domain/uptime.ts';
import { addDays, localDate, startOfLocalDate } from '#src/domain/zoned-time.ts';
import type { Tx } from './context.ts';

export async function getUptime(
  db: Tx,
  options: { now: Date; days?: number; timeZone: string },
): Promise<Map<string, UptimeSummary>> {
  const days = options.days ?? 90;
  const from = startOfLocalDate(
    addDays(localDate(options.now, options.timeZone), -(days - 1)),
    options.timeZone,
  );
  const [components, intervals] = await Promise.all([
    db.selectFrom('components').select(['id', 'created_at']).execute(),
    db
      .selectFrom('status_intervals')
      .select(['component_id', 'status', 'started_at', 'ended_at'])
      .where('status', '!=', 'operational')
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from.toISOString())]))
      .execute(),
  ]);
  const windows = dayWindows(options.now, days, options.timeZone);
  const byComponent = new Map<string, StatusInterval[]>();
  for (const i of intervals) {
    const list = byComponent.get(i.component_id) ?? [];
    list.push({
      status: i.status as ComponentStatus,
      startedAt: new Date(i.started_at),
      endedAt: i.ended_at ? new Date(i.ended_at) : null,
    });
    byComponent.set(i.component_id, list);
  }
  const result = new Map<string, UptimeSummary>();
  for (const c of components) {
    result.set(
      c.id,
      uptimeBars({
        intervals: byComponent.get(c.id) ?? [],
        since: new Date(c.created_at),
        now: options.now,
        days,
        timeZone: options.timeZone,
        windows,
      }),
    );
  }
  return result;
}
