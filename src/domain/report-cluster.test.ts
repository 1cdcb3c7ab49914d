import { describe, expect, it } from 'vitest';
import { type ClusterReport, planClusters } from './report-cluster.ts';

const now = new Date('2026-11-20T10:30:00.000Z');
const at = (minutesBeforeNow: number) => new Date(now.getTime() - minutesBeforeNow * 60_000).toISOString();
const reportsAt = (serviceId: string, minutes: number[]): ClusterReport[] =>
  minutes.map((m, i) => ({ id: `${serviceId}-${i}`, serviceId, createdAt: at(m) }));

describe('planClusters', () => {
  it('raises an alert for five reports on one service within ten minutes', () => {
    const plan = planClusters(reportsAt('connect', [9, 7, 5, 2, 0]), [], now);
    expect(plan.raise).toEqual([
      {
        serviceId: 'connect',
        reportIds: ['connect-0', 'connect-1', 'connect-2', 'connect-3', 'connect-4'],
        firstAt: at(9),
        lastAt: at(0),
      },
    ]);
    expect(plan.attach).toEqual([]);
  });

  it('raises nothing for four reports, or five spread over more than ten minutes', () => {
    expect(planClusters(reportsAt('connect', [4, 3, 2, 1]), [], now).raise).toEqual([]);
    expect(planClusters(reportsAt('connect', [30, 22, 15, 8, 0]), [], now).raise).toEqual([]);
  });

  it('counts per service: five reports on five services are no cluster', () => {
    const reports = ['a', 'b', 'c', 'd', 'e'].flatMap((s) => reportsAt(s, [1]));
    expect(planClusters(reports, [], now).raise).toEqual([]);
  });

  it('takes the densest window and ignores reports older than the lookback', () => {
    const reports = reportsAt('dsl', [90, 89, 88, 87, 86, 40, 12, 11, 10, 9, 8, 7]);
    const plan = planClusters(reports, [], now);
    expect(plan.raise).toHaveLength(1);
    expect(plan.raise[0]?.reportIds).toEqual(['dsl-6', 'dsl-7', 'dsl-8', 'dsl-9', 'dsl-10', 'dsl-11']);
  });

  it('adds new reports to the service alert already active instead of raising another', () => {
    const plan = planClusters(reportsAt('cloud', [3, 2, 1, 0, 0]), [{ id: 'al-1', serviceId: 'cloud' }], now);
    expect(plan.raise).toEqual([]);
    expect(plan.attach).toEqual([
      { alertId: 'al-1', reportIds: ['cloud-0', 'cloud-1', 'cloud-2', 'cloud-3', 'cloud-4'], lastAt: at(0) },
    ]);
  });

  it('honours other thresholds and ignores reports from the future', () => {
    const reports = [...reportsAt('fax', [2, 1]), { id: 'late', serviceId: 'fax', createdAt: at(-5) }];
    const plan = planClusters(reports, [], now, { minReports: 2, windowMs: 60_000, lookbackMs: 3_600_000 });
    expect(plan.raise[0]?.reportIds).toEqual(['fax-0', 'fax-1']);
  });
});
