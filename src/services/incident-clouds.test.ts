import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { listIncidentClouds } from './list-incident-clouds.ts';
import { resolveIncident } from './resolve-incident.ts';
import { setIncidentClouds } from './set-incident-clouds.ts';

describeEachStore('incident clouds', (getStore) => {
  const clock = testClock();
  const ctx = () => testContext(getStore(), clock);
  beforeEach(async () => {
    await getStore().db.deleteFrom('audit_log').execute();
    await seedMiniCatalog(getStore());
  });
  const declare = (clouds?: string[]) =>
    declareIncident({
      ctx: ctx(),
      input: {
        title: { de: 'Cloud gestört', en: 'Cloud down' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
        clouds,
      },
    });

  it('stores the clouds named when declaring, normalised', async () => {
    const { id } = await declare(['https://B.example-cloud.com/', 'a.example-cloud.com']);
    expect(await listIncidentClouds(getStore().db, id)).toEqual([
      'a.example-cloud.com',
      'b.example-cloud.com',
    ]);
    const audit = await getStore().db.selectFrom('audit_log').select('detail').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail).clouds).toEqual(['b.example-cloud.com', 'a.example-cloud.com']);
  });

  it('replaces the list of an open incident with an audit row and a new version; unchanged writes nothing', async () => {
    const { id } = await declare();
    const set = (clouds: string[]) => setIncidentClouds({ ctx: ctx(), input: { incidentId: id, clouds } });
    expect(await set(['c.example-cloud.com'])).toEqual({ clouds: ['c.example-cloud.com'], changed: true });
    expect(await set(['C.example-cloud.com'])).toEqual({ clouds: ['c.example-cloud.com'], changed: false });
    const row = await getStore().db.selectFrom('incidents').select('version').executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    const actions = await getStore().db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['incident.clouds', 'incident.declare']);
    expect(await set([])).toEqual({ clouds: [], changed: true });
    expect(await listIncidentClouds(getStore().db, id)).toEqual([]);
  });

  it('refuses bad names, unknown and resolved incidents', async () => {
    const { id } = await declare();
    const fail = (incidentId: string, clouds: string[]) =>
      setIncidentClouds({ ctx: ctx(), input: { incidentId, clouds } }).then(
        () => 'ok',
        (e: unknown) => (e instanceof DialtoneError ? e.code : String(e)),
      );
    expect(await fail(id, ['not a host'])).toBe('validation_failed');
    expect(await fail('nope', ['a.example-cloud.com'])).toBe('not_found');
    await resolveIncident({
      ctx: ctx(),
      input: { incidentId: id, message: { de: 'Behoben.', en: 'Fixed.' } },
    });
    expect(await fail(id, ['a.example-cloud.com'])).toBe('invalid_transition');
  });
});
