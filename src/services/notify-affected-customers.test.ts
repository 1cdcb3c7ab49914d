import { beforeAll, beforeEach, expect, it } from 'vitest';
import { isDialtoneError } from '#src/domain/errors.ts';
import { seedDemoWithInventory } from '../../test/support/demo.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { notifyAffectedCustomers } from './notify-affected-customers.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { resolveIncident } from './resolve-incident.ts';

describeEachStore('notify affected customers', (getStore) => {
  const clock = testClock('2026-11-22T13:05:00.000Z');
  const ctx = () => testContext(getStore(), clock);
  let incidentId = '';

  beforeAll(() => seedDemoWithInventory(getStore(), clock));
  beforeEach(async () => {
    const db = getStore().db;
    await db.deleteFrom('notifications').execute();
    await db.deleteFrom('incidents').execute();
    await db.deleteFrom('contact_opt_outs').execute();
    ({ id: incidentId } = await declareIncident({
      ctx: ctx(),
      input: {
        title: { de: 'Telefonie Cottbus gestört', en: 'Calls in Cottbus failing' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    }));
  });

  const affectedRows = () =>
    getStore()
      .db.selectFrom('notifications')
      .select(['kind', 'recipient', 'locale', 'subject_id'])
      .where('event', '=', 'incident.affected')
      .execute();

  it("writes to the affected customers' contacts once per update, and remembers whether updates follow", async () => {
    expect(await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: true } })).toEqual({
      queued: 1,
      reachable: 1,
    });
    expect(await affectedRows()).toEqual([
      { kind: 'email', recipient: 'stoerung@systemhaus-nord.example', locale: 'de', subject_id: incidentId },
    ]);
    // A second click sends nothing twice.
    expect(await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: false } })).toEqual({
      queued: 0,
      reachable: 1,
    });
    const comms = await getStore()
      .db.selectFrom('incident_communications')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(comms).toMatchObject({ notify_affected: 0, affected_notified_count: 1 });
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', incidentId)
      .where('action', '=', 'incident.affected_notified')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('sends later public updates and the resolution to them only while updates follow', async () => {
    const toContact = async (event: string) =>
      (
        await getStore()
          .db.selectFrom('notifications')
          .select('recipient')
          .where('event', '=', event)
          .where('recipient', '=', 'stoerung@systemhaus-nord.example')
          .execute()
      ).length;
    const update = (de: string, visibility: 'public' | 'internal' = 'public') =>
      postIncidentUpdate({
        ctx: ctx(),
        input: { incidentId, status: 'identified', message: { de, en: de }, visibility },
      });
    await update('Vor dem Anschreiben: geht nur an Abonnenten.');
    expect(await toContact('incident.updated')).toBe(0);
    await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: true } });
    await update('Ursache gefunden.');
    await update('Nur intern.', 'internal');
    expect(await toContact('incident.updated')).toBe(1);
    await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: false } });
    await update('Weiter ohne die Betroffenen.');
    expect(await toContact('incident.updated')).toBe(1);
    await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: true } });
    await resolveIncident({ ctx: ctx(), input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    expect(await toContact('incident.resolved')).toBe(1);
  });

  it('leaves out contacts that opted out, and refuses a resolved incident', async () => {
    await getStore()
      .db.insertInto('contact_opt_outs')
      .values({ address: 'stoerung@systemhaus-nord.example', created_at: clock().toISOString() })
      .execute();
    expect(await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: true } })).toEqual({
      queued: 0,
      reachable: 0,
    });
    await resolveIncident({ ctx: ctx(), input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    const refused = await notifyAffectedCustomers({ ctx: ctx(), input: { incidentId, follow: true } }).catch(
      (e: unknown) => e,
    );
    expect(isDialtoneError(refused) && refused.key).toBe('aftercare.error.resolved');
    expect(await affectedRows()).toEqual([]);
  });
});
