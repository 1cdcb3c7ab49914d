import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { getStatusSnapshot } from './get-status-snapshot.ts';
import { getUptime } from './get-uptime.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { resolveIncident } from './resolve-incident.ts';

describeEachStore('incident lifecycle', (getStore) => {
  beforeEach(async () => seedMiniCatalog(getStore()));

  it('declares, propagates to dependants with the cause, resolves, and records intervals', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Medienserver Cottbus ausgefallen', en: '' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    });
    let snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.statuses.get('media-cottbus')).toMatchObject({
      status: 'major_outage',
      causeComponentId: null,
    });
    expect(snap.statuses.get('fax')).toMatchObject({
      status: 'major_outage',
      causeComponentId: 'media-cottbus',
    });
    expect(snap.statuses.get('sip-trunk')?.status).toBe('operational');
    expect(snap.banner.kind).toBe('major_outage');
    expect(snap.activeIncidents[0]).toMatchObject({
      id,
      impact: 'critical',
      title: { de: 'Medienserver Cottbus ausgefallen', en: 'Medienserver Cottbus ausgefallen' },
    });

    clock.advance(60 * 60_000);
    await postIncidentUpdate({
      ctx,
      input: {
        incidentId: id,
        status: 'identified',
        message: { de: 'intern', en: 'internal' },
        visibility: 'internal',
      },
    });
    snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.activeIncidents[0]?.updates).toHaveLength(1);

    clock.advance(60 * 60_000);
    await resolveIncident({ ctx, input: { incidentId: id, message: { de: 'Behoben.', en: 'Resolved.' } } });
    snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.activeIncidents).toHaveLength(0);
    expect(snap.statuses.get('fax')?.status).toBe('operational');

    const uptime = await getUptime(getStore().db, { now: clock(), days: 90, timeZone: 'Europe/Berlin' });
    const today = uptime.get('media-cottbus')!.days.at(-1)!;
    expect(today.worst).toBe('major_outage');
    expect(today.downtimeMs.major_outage).toBe(2 * 3600_000);

    const audit = await getStore().db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['incident.declare', 'incident.update', 'incident.resolve']);
  });

  it('lets only one of two concurrent resolutions succeed', async () => {
    const ctx = testContext(getStore());
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'x', en: 'x' },
        components: [{ componentId: 'fax', status: 'partial_outage' }],
        message: { de: 'm', en: 'm' },
      },
    });
    const results = await Promise.allSettled([
      resolveIncident({ ctx, input: { incidentId: id, message: { de: 'a', en: 'a' } } }),
      resolveIncident({ ctx, input: { incidentId: id, message: { de: 'b', en: 'b' } } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as DialtoneError).code).toBe('invalid_transition');
    const resolves = await getStore()
      .db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'incident.resolve')
      .where('subject_id', '=', id)
      .execute();
    expect(resolves).toHaveLength(1);
  });

  it('refuses a bad declaration whole, naming each field', async () => {
    const ctx = testContext(getStore());
    const err = await declareIncident({
      ctx,
      input: {
        title: { de: '', en: '' },
        components: [
          { componentId: 'media-berlin', status: 'major_outage' },
          { componentId: 'fax', status: 'fine' },
        ],
        message: { de: 'x', en: '' },
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DialtoneError);
    expect((err as DialtoneError).fields.map((f) => f.path)).toEqual([
      'title_de',
      'components[0].componentId',
      'components[1].status',
    ]);
    expect(await getStore().db.selectFrom('incidents').selectAll().execute()).toHaveLength(0);
  });
});
