import { beforeAll, beforeEach, expect, it } from 'vitest';
import { isDialtoneError } from '#src/domain/errors.ts';
import { seedDemoWithInventory } from '../../test/support/demo.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { getAnnouncement } from './get-announcement.ts';
import { getRestorationProgress } from './get-restoration-progress.ts';
import { listAffectedCustomers } from './list-affected-customers.ts';
import { markResourcesRestored } from './mark-resources-restored.ts';
import { setIncidentAnnouncement } from './set-incident-announcement.ts';

/** The field errors a call is refused with (fails the test when it is not refused). */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDialtoneError(e)) return e.fields.map((f) => [f.path, f.key, f.params ?? {}]);
    throw e;
  }
  throw new Error('expected a refusal');
}

describeEachStore('affected customers, restoration and the hotline announcement', (getStore) => {
  const clock = testClock('2026-11-22T13:05:00.000Z');
  const ctx = () => testContext(getStore(), clock);
  let incidentId = '';

  beforeAll(() => seedDemoWithInventory(getStore(), clock));

  beforeEach(async () => {
    await getStore().db.deleteFrom('incidents').execute();
    await getStore().db.deleteFrom('contact_opt_outs').execute();
    clock.set('2026-11-22T13:05:00.000Z');
    ({ id: incidentId } = await declareIncident({
      ctx: ctx(),
      input: {
        title: { de: 'Telefonie Cottbus gestört', en: 'Calls in Cottbus failing' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    }));
    clock.set('2026-11-22T13:30:00.000Z');
  });

  const progress = async () => (await getRestorationProgress(getStore().db, [incidentId])).get(incidentId);

  it('counts the resources on affected components, dependents included, and marks them restored', async () => {
    // media-cottbus carries both Cottbus numbers; local numbers and the fax gateway depend on it.
    expect(await progress()).toEqual({ restored: 0, total: 2, percent: 0 });
    const r = await markResourcesRestored({
      ctx: ctx(),
      input: { incidentId, scope: { kind: 'values', values: ['+49 355 1234567'] } },
    });
    expect(r).toEqual({ changed: 1, selected: 1 });
    expect(await progress()).toEqual({ restored: 1, total: 2, percent: 50 });
    // Again: nothing changes. A whole component: the fax number too.
    expect(
      await markResourcesRestored({
        ctx: ctx(),
        input: { incidentId, scope: { kind: 'values', values: ['+493551234567'] } },
      }),
    ).toEqual({ changed: 0, selected: 1 });
    await markResourcesRestored({
      ctx: ctx(),
      input: { incidentId, scope: { kind: 'component', componentId: 'fax-gateway' } },
    });
    expect(await progress()).toEqual({ restored: 2, total: 2, percent: 100 });
    // Taken back, all at once.
    await markResourcesRestored({
      ctx: ctx(),
      input: { incidentId, scope: { kind: 'all' }, restored: false },
    });
    expect(await progress()).toEqual({ restored: 0, total: 2, percent: 0 });
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', incidentId)
      .where('action', 'like', 'incident.resources%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'incident.resources_restored',
      'incident.resources_restored',
      'incident.resources_restored',
      'incident.resources_unrestored',
    ]);
  });

  it('refuses a list with values that are not affected, naming them, and writes nothing', async () => {
    const fields = await refusal(
      markResourcesRestored({
        ctx: ctx(),
        input: {
          incidentId,
          scope: { kind: 'values', values: ['+49 355 1234567', '+49 30 1234567 11', 'nope'] },
        },
      }),
    );
    expect(fields).toEqual([
      ['values', 'restoration.error.notAffected', { count: 2, list: '+49 30 1234567 11, nope' }],
    ]);
    expect(await progress()).toEqual({ restored: 0, total: 2, percent: 0 });
    expect(
      await refusal(
        markResourcesRestored({
          ctx: ctx(),
          input: { incidentId, scope: { kind: 'component', componentId: 'sip-trunk' } },
        }),
      ),
    ).toEqual([['componentId', 'restoration.error.componentNotAffected', { id: 'sip-trunk' }]]);
  });

  it('lists the affected customers with reachable contacts, respecting opt-outs', async () => {
    let a = await listAffectedCustomers(getStore().db, { incidentId });
    expect(a.customers.map((c) => c.externalId)).toEqual(['P-0500']);
    expect(a.customers[0]!.contacts).toEqual([
      {
        id: expect.any(String),
        name: 'Hotline Systemhaus Nord',
        channel: 'email',
        address: 'stoerung@systemhaus-nord.example',
        locale: 'de',
        optedOut: false,
      },
    ]);
    expect(a.totals).toEqual({ customers: 1, resources: 2, reachable: 1, optedOut: 0, unreachable: 0 });
    await getStore()
      .db.insertInto('contact_opt_outs')
      .values({ address: 'stoerung@systemhaus-nord.example', created_at: clock().toISOString() })
      .execute();
    a = await listAffectedCustomers(getStore().db, { incidentId });
    expect(a.totals).toMatchObject({ reachable: 0, optedOut: 1 });
  });

  it('announces to callers whose numbers are affected, by service, and to unknown numbers', async () => {
    const ask = (q: { number?: string; service?: string }, locale: 'de' | 'en' = 'de') =>
      getAnnouncement(getStore().db, { ...q, locale, timeZone: 'Europe/Berlin', now: clock() });
    const affected = await ask({ number: '0355 1234567' });
    expect(affected).toMatchObject({ scope: 'number', knownNumber: true, incidentIds: [incidentId] });
    expect(affected.text).toContain(
      'Wir haben derzeit eine Störung: Telefonie Cottbus gestört. Sie besteht seit 14:05 Uhr.',
    );
    // A trunk number in Frankfurt hears nothing; an unknown number hears every open incident.
    expect((await ask({ number: '+49 30 1234567 11' })).text).toBe('');
    expect(await ask({ number: '+49 170 0000000' })).toMatchObject({
      knownNumber: false,
      incidentIds: [incidentId],
    });
    expect((await ask({ service: 'fax' }, 'en')).text).toContain('Calls in Cottbus failing');
    expect((await ask({ service: 'dsl' })).text).toBe('');
    await setIncidentAnnouncement({
      ctx: ctx(),
      input: { incidentId, de: 'Ein Bagger hat in Cottbus ein Kabel getroffen.', en: '' },
    });
    expect((await ask({ service: 'fax' })).text).toContain(
      'Guten Tag. Ein Bagger hat in Cottbus ein Kabel getroffen.',
    );
    expect(await refusal(ask({ number: 'abc' }))).toEqual([['number', 'announcement.error.number', {}]]);
    expect(await refusal(ask({ service: 'nope' }))).toEqual([
      ['service', 'announcement.error.unknownService', { value: 'nope' }],
    ]);
  });
});
