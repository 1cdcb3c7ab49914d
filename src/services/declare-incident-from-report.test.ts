import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { closeReport } from './close-report.ts';
import { declareIncidentFromReports } from './declare-incident-from-report.ts';

const text = {
  title: { de: 'Trunk gestört', en: 'Trunk down' },
  message: { de: 'Wir prüfen.', en: 'Checking.' },
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DialtoneError ? e.code : String(e)),
  );

describeEachStore('declare incident from reports (one transaction)', (getStore) => {
  const clock = testClock();
  const ctx = () => testContext(getStore(), clock);
  const incidents = async () => getStore().db.selectFrom('incidents').select('id').execute();

  beforeEach(async () => seedReportCatalog(getStore()));

  it('declares the incident with its clouds and links every report in the same transaction', async () => {
    const a = await insertReport(getStore());
    const b = await insertReport(getStore(), { state: 'triaged' });
    const { id } = await declareIncidentFromReports({
      ctx: ctx(),
      input: { reportIds: [a, b], ...text, clouds: ['A.example-cloud.com'] },
    });
    const rows = await getStore().db.selectFrom('reports').select(['state', 'incident_id']).execute();
    expect(rows).toEqual([
      { state: 'linked', incident_id: id },
      { state: 'linked', incident_id: id },
    ]);
    const clouds = await getStore().db.selectFrom('incident_clouds').selectAll().execute();
    expect(clouds).toEqual([{ incident_id: id, cloud_name: 'a.example-cloud.com' }]);
  });

  it('of two declarations from one report at once, one incident stands and the report is linked to it', async () => {
    const report = await insertReport(getStore());
    const results = await Promise.all([
      codeOf(declareIncidentFromReports({ ctx: ctx(), input: { reportIds: [report], ...text } })),
      codeOf(declareIncidentFromReports({ ctx: ctx(), input: { reportIds: [report], ...text } })),
    ]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    const all = await incidents();
    expect(all).toHaveLength(1);
    const row = await getStore()
      .db.selectFrom('reports')
      .select(['state', 'incident_id'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'linked', incident_id: all[0]?.id });
  });

  it('a report closed before declaring refuses the whole declaration: nothing is written', async () => {
    const open = await insertReport(getStore());
    const closed = await insertReport(getStore());
    await closeReport({ ctx: ctx(), input: { reportId: closed, reason: 'local_cause' } });
    expect(
      await codeOf(declareIncidentFromReports({ ctx: ctx(), input: { reportIds: [open, closed], ...text } })),
    ).toBe('validation_failed');
    expect(await incidents()).toEqual([]);
    const row = await getStore()
      .db.selectFrom('reports')
      .select('state')
      .where('id', '=', open)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('new');
  });

  it('a bad cloud name is a field error and nothing is written', async () => {
    const report = await insertReport(getStore());
    const e = (await declareIncidentFromReports({
      ctx: ctx(),
      input: { reportIds: [report], ...text, clouds: ['not a host'] },
    }).catch((x: unknown) => x)) as DialtoneError;
    expect(e.fields.map((f) => `${f.path}:${f.key}`)).toEqual(['clouds:partner.clouds.invalid']);
    expect(await incidents()).toEqual([]);
  });
});
