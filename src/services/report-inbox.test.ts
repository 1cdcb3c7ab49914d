import { beforeEach, expect, it } from 'vitest';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { insertReport, insertStaff, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { assignReport } from './assign-report.ts';
import { closeReport } from './close-report.ts';
import { closeReportsOfIncident } from './close-reports-of-incident.ts';
import { commentOnReport } from './comment-on-report.ts';
import { declareIncident } from './declare-incident.ts';
import { declareIncidentFromReports } from './declare-incident-from-report.ts';
import { getReport } from './get-report.ts';
import { linkReportsToIncident } from './link-reports-to-incident.ts';
import { listReports } from './list-reports.ts';
import { resolveIncident } from './resolve-incident.ts';
import { triageReport } from './triage-report.ts';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as DialtoneError,
  );

describeEachStore('report inbox', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('audit_log').execute();
    await seedReportCatalog(getStore());
  });

  const openIncident = async (ctx = testContext(getStore())) =>
    (
      await declareIncident({
        ctx,
        input: {
          title: { de: 'Trunk gestört', en: 'Trunk down' },
          components: [{ componentId: 'sip-trunk', status: 'major_outage' }],
          message: { de: 'Wir prüfen.', en: 'Checking.' },
        },
      })
    ).id;

  it('lists newest first, filtered by queue, state, service and assignee, paginated', async () => {
    const store = getStore();
    await insertStaff(store, 'u-anna');
    const a = await insertReport(store, { created_at: '2026-11-20T08:00:00.000Z' });
    const b = await insertReport(store, { created_at: '2026-11-20T08:05:00.000Z', service_id: 'cloud' });
    const c = await insertReport(store, { created_at: '2026-11-20T08:10:00.000Z', assignee_id: 'u-anna' });
    await insertReport(store, { created_at: '2026-11-20T08:15:00.000Z', state: 'closed' });
    const all = await listReports(store.db, {});
    expect(all.reports.map((r) => r.id)).toEqual([c, b, a]);
    expect((await listReports(store.db, { queue: 'hotline' })).reports.map((r) => r.id)).toEqual([b]);
    expect((await listReports(store.db, { serviceId: 'connect' })).total).toBe(2);
    expect((await listReports(store.db, { assigneeId: 'u-anna' })).reports.map((r) => r.id)).toEqual([c]);
    expect((await listReports(store.db, { assigneeId: 'none' })).total).toBe(2);
    expect((await listReports(store.db, { state: 'closed' })).total).toBe(1);
    expect((await listReports(store.db, { state: 'all' })).total).toBe(4);
    const page2 = await listReports(store.db, { perPage: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(page2.reports.map((r) => r.id)).toEqual([a]);
  });

  it('triages, assigns, comments and closes, with one audit row each', async () => {
    const store = getStore();
    const ctx = testContext(store);
    await insertStaff(store, 'u-ben');
    const id = await insertReport(store);
    await triageReport({ ctx, input: { reportId: id } });
    await assignReport({ ctx, input: { reportId: id, assigneeId: 'u-ben' } });
    await commentOnReport({ ctx, input: { reportId: id, body: '  Kunde zurückgerufen.  ' } });
    await closeReport({ ctx, input: { reportId: id, reason: 'local_cause', note: 'NAT-Timeout zu kurz.' } });
    const report = await getReport(store.db, id);
    expect(report).toMatchObject({
      state: 'closed',
      closeReason: 'local_cause',
      assignee: { id: 'u-ben', email: 'u-ben@example.net' },
      identifiers: { dslOrder: 'DSL-123' },
      triagePath: [
        { node: 'calls', answer: 'none_in' },
        { node: 'restart', answer: 'no_change' },
      ],
      version: 5,
    });
    expect(report.closedAt).not.toBeNull();
    expect(report.comments.map((c) => c.body)).toEqual(['Kunde zurückgerufen.', 'NAT-Timeout zu kurz.']);
    const audit = await store.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.triage',
      'report.assign',
      'report.comment',
      'report.close',
    ]);
  });

  it('refuses invalid moves with invalid_transition and bad input per field, writing nothing', async () => {
    const store = getStore();
    const ctx = testContext(store);
    const id = await insertReport(store, { state: 'triaged' });
    expect((await refusal(triageReport({ ctx, input: { reportId: id } })))?.code).toBe('invalid_transition');
    const bad = await refusal(closeReport({ ctx, input: { reportId: id, reason: 'bored' } }));
    expect(bad?.fields[0]).toMatchObject({ path: 'reason', key: 'error.notOneOf' });
    const empty = await refusal(commentOnReport({ ctx, input: { reportId: id, body: '   ' } }));
    expect(empty?.fields[0]).toMatchObject({ path: 'body', key: 'error.required' });
    const nobody = await refusal(assignReport({ ctx, input: { reportId: id, assigneeId: 'u-ghost' } }));
    expect(nobody?.fields[0]?.path).toBe('assigneeId');
    await closeReport({ ctx, input: { reportId: id, reason: 'duplicate' } });
    const again = await refusal(closeReport({ ctx, input: { reportId: id, reason: 'resolved' } }));
    expect(again).toMatchObject({ code: 'invalid_transition', params: { from: 'closed', to: 'closed' } });
    expect((await refusal(assignReport({ ctx, input: { reportId: id, assigneeId: null } })))?.code).toBe(
      'invalid_transition',
    );
    expect((await refusal(triageReport({ ctx, input: { reportId: 'nope' } })))?.code).toBe('not_found');
    expect(await store.db.selectFrom('report_comments').selectAll().execute()).toHaveLength(0);
    const audit = await store.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['report.close']);
  });

  it('lets only one of two concurrent closings succeed', async () => {
    const store = getStore();
    const ctx = testContext(store);
    const id = await insertReport(store);
    const results = await Promise.allSettled([
      closeReport({ ctx, input: { reportId: id, reason: 'local_cause' } }),
      closeReport({ ctx, input: { reportId: id, reason: 'other_carrier' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const closes = await store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'report.close')
      .execute();
    expect(closes).toHaveLength(1);
  });

  it('links many reports at once, all or nothing, only to an open incident', async () => {
    const store = getStore();
    const ctx = testContext(store);
    const incidentId = await openIncident(ctx);
    const a = await insertReport(store);
    const b = await insertReport(store, { state: 'triaged' });
    const closed = await insertReport(store, { state: 'closed' });
    const refused = await refusal(
      linkReportsToIncident({ ctx, input: { reportIds: [a, closed, b], incidentId } }),
    );
    expect(refused).toMatchObject({ code: 'invalid_transition', params: { from: 'closed' } });
    expect((await getReport(store.db, a)).state).toBe('new');
    expect(
      (await refusal(linkReportsToIncident({ ctx, input: { reportIds: [], incidentId } })))?.fields[0]?.path,
    ).toBe('reportIds');
    const unknown = await refusal(linkReportsToIncident({ ctx, input: { reportIds: [a], incidentId: 'x' } }));
    expect(unknown?.fields[0]).toMatchObject({
      path: 'incidentId',
      key: 'console.reports.error.unknownIncident',
    });
    expect(await linkReportsToIncident({ ctx, input: { reportIds: [a, b, a], incidentId } })).toEqual({
      linked: 2,
    });
    const linked = await getReport(store.db, b);
    expect(linked).toMatchObject({ state: 'linked', incident: { id: incidentId, resolved: false } });
    await resolveIncident({ ctx, input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    const late = await insertReport(store);
    const toResolved = await refusal(
      linkReportsToIncident({ ctx, input: { reportIds: [late], incidentId } }),
    );
    expect(toResolved?.fields[0]?.key).toBe('console.reports.error.incidentResolved');
  });

  it('closes all linked reports of a resolved incident with one message, and only then', async () => {
    const store = getStore();
    const clock = testClock();
    const ctx = testContext(store, clock);
    const incidentId = await openIncident(ctx);
    const ids = [await insertReport(store), await insertReport(store), await insertReport(store)];
    await linkReportsToIncident({ ctx, input: { reportIds: ids.slice(0, 2), incidentId } });
    const early = await refusal(closeReportsOfIncident({ ctx, input: { incidentId, message: 'Behoben.' } }));
    expect(early?.code).toBe('invalid_transition');
    await resolveIncident({ ctx, input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    const blank = await refusal(closeReportsOfIncident({ ctx, input: { incidentId, message: ' ' } }));
    expect(blank?.fields[0]?.path).toBe('message');
    clock.advance(60_000);
    const msg = 'Die Störung ist behoben. Bitte melden Sie sich, falls weiterhin Probleme bestehen.';
    expect(await closeReportsOfIncident({ ctx, input: { incidentId, message: msg } })).toEqual({ closed: 2 });
    for (const id of ids.slice(0, 2)) {
      const r = await getReport(store.db, id);
      expect(r).toMatchObject({ state: 'closed', closeReason: 'resolved', closedAt: clock().toISOString() });
      expect(r.comments.map((c) => c.body)).toEqual([msg]);
    }
    expect((await getReport(store.db, ids[2]!)).state).toBe('new');
    expect(await closeReportsOfIncident({ ctx, input: { incidentId, message: msg } })).toEqual({ closed: 0 });
  });

  it("declares an incident from a report on the service's components and links the report", async () => {
    const store = getStore();
    const ctx = testContext(store);
    const id = await insertReport(store, { service_id: 'cloud' });
    const { id: incidentId } = await declareIncidentFromReports({
      ctx,
      input: {
        reportIds: [id],
        title: { de: 'Cloud gestört', en: '' },
        message: { de: 'Mehrere Meldungen.', en: '' },
      },
    });
    const components = await store.db
      .selectFrom('incident_components')
      .select(['component_id', 'status'])
      .where('incident_id', '=', incidentId)
      .orderBy('component_id')
      .execute();
    expect(components).toEqual([
      { component_id: 'fax', status: 'partial_outage' },
      { component_id: 'media-cottbus', status: 'partial_outage' },
    ]);
    expect((await getReport(store.db, id)).incident?.id).toBe(incidentId);
    const twice = await refusal(
      declareIncidentFromReports({
        ctx,
        input: { reportIds: [id], title: { de: 'x', en: '' }, message: { de: 'y', en: '' } },
      }),
    );
    expect(twice?.fields[0]?.key).toBe('console.reports.error.alreadyHandled');
    expect(await store.db.selectFrom('incidents').select('id').execute()).toHaveLength(1);
  });
});
