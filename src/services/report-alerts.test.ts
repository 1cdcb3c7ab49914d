import { beforeEach, expect, it } from 'vitest';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { closeReport } from './close-report.ts';
import { declareIncidentFromReports } from './declare-incident-from-report.ts';
import { detectReportClusters } from './detect-report-clusters.ts';
import { getReport } from './get-report.ts';
import { getReportAlert } from './get-report-alert.ts';
import { handleReportAlert } from './handle-report-alert.ts';
import { listReportAlerts } from './list-report-alerts.ts';

describeEachStore('report cluster alerts', (getStore) => {
  beforeEach(async () => seedReportCatalog(getStore()));

  /** `count` reports on `serviceId`, one a minute, the last at the clock's now. */
  async function burst(clock: ReturnType<typeof testClock>, count: number, serviceId = 'connect') {
    const ids: string[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const at = new Date(clock().getTime() - i * 60_000).toISOString();
      ids.push(await insertReport(getStore(), { service_id: serviceId, created_at: at }));
    }
    return ids;
  }

  it('raises one alert for five reports in ten minutes, never twice, and collects later ones', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await burst(clock, 4);
    expect(await detectReportClusters({ ctx })).toEqual({ raised: [], attached: 0 });
    clock.advance(60_000);
    await burst(clock, 1);
    await burst(clock, 2, 'cloud');
    const first = await detectReportClusters({ ctx });
    expect(first.raised).toHaveLength(1);
    expect(await detectReportClusters({ ctx })).toEqual({ raised: [], attached: 0 });
    clock.advance(60_000);
    await burst(clock, 2);
    expect(await detectReportClusters({ ctx })).toEqual({ raised: [], attached: 2 });
    const [alert] = await listReportAlerts(getStore().db);
    expect(alert).toMatchObject({ id: first.raised[0], serviceId: 'connect', state: 'open', reportCount: 7 });
    expect(alert?.pendingReportIds).toHaveLength(7);
  });

  it('acknowledges (banner gone, reports still collect) and dismisses once', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await burst(clock, 5, 'cloud');
    const { raised } = await detectReportClusters({ ctx });
    const alertId = raised[0]!;
    await handleReportAlert({ ctx, input: { alertId, action: 'acknowledge' } });
    expect(await listReportAlerts(getStore().db)).toEqual([]);
    await burst(clock, 1, 'cloud');
    expect((await detectReportClusters({ ctx })).attached).toBe(1);
    await handleReportAlert({ ctx, input: { alertId, action: 'dismiss' } });
    const again = await handleReportAlert({ ctx, input: { alertId, action: 'dismiss' } }).catch((e) => e);
    expect((again as DialtoneError).code).toBe('invalid_transition');
    const bad = await handleReportAlert({ ctx, input: { alertId, action: 'explode' } }).catch((e) => e);
    expect((bad as DialtoneError).fields[0]?.path).toBe('action');
    // Dismissed: the covered reports stay covered; five new ones raise a new alert.
    clock.advance(60_000);
    await burst(clock, 5, 'cloud');
    expect((await detectReportClusters({ ctx })).raised).toHaveLength(1);
  });

  it('declares from an alert: pending reports linked, closed ones left alone, alert declared', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const ids = await burst(clock, 5);
    const { raised } = await detectReportClusters({ ctx });
    await closeReport({ ctx, input: { reportId: ids[0]!, reason: 'duplicate' } });
    const alert = await getReportAlert(getStore().db, raised[0]!);
    expect(alert?.pendingReportIds).toEqual(ids.slice(1));
    const { id } = await declareIncidentFromReports({
      ctx,
      input: {
        reportIds: alert!.pendingReportIds,
        alertId: alert!.id,
        title: { de: 'Mögliche Störung SIP-Trunk', en: 'Possible SIP trunk outage' },
        message: { de: 'Wir prüfen.', en: 'Investigating.' },
      },
    });
    expect(await getReportAlert(getStore().db, raised[0]!)).toMatchObject({
      state: 'declared',
      pendingReportIds: [],
    });
    for (const r of ids.slice(1)) expect((await getReport(getStore().db, r)).incident?.id).toBe(id);
    expect((await getReport(getStore().db, ids[0]!)).state).toBe('closed');
  });
});
