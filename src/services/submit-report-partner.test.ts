import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { seedPartner } from '../../test/support/partners.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { systemActor } from './context.ts';
import { declareIncident } from './declare-incident.ts';
import { listPartnerReports } from './list-partner-reports.ts';
import { seedReportCatalog, validReport } from './report-fixtures.ts';
import { resolveIncident } from './resolve-incident.ts';
import { submitReport } from './submit-report.ts';

const failure = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  if (!(e instanceof DialtoneError)) throw new Error(`expected a DialtoneError, got ${String(e)}`);
  return [e.code, ...e.fields.map((f) => `${f.path}:${f.key}`)];
};

const cloudReport = (cloudName: string) => ({
  ...validReport(),
  serviceId: 'cloud',
  identifiers: { cloudName },
  locale: 'de' as const,
});

describeEachStore('reports by partners', (getStore) => {
  const clock = testClock();
  const ctx = () => testContext(getStore(), clock, systemActor);
  const staff = () => testContext(getStore(), clock);
  const count = async () => (await getStore().db.selectFrom('reports').select('id').execute()).length;

  beforeEach(async () => {
    await seedReportCatalog(getStore());
    await seedPartner(getStore());
    await seedPartner(getStore(), { id: 'partner-2', company: 'Andere GmbH' });
    // The cloud service runs on the media server in this test.
    await getStore()
      .db.insertInto('component_services')
      .values({ component_id: 'media-cottbus', service_id: 'cloud' })
      .execute();
  });

  it('an anonymous form saying "partner" unlocks nothing: it is refused, whatever the service', async () => {
    for (const serviceId of ['cloud', 'connect']) {
      const input = { ...cloudReport('a.example-cloud.com'), serviceId, reporterKind: 'partner' };
      if (serviceId === 'connect') input.identifiers = { serverLicence: 'SL-1' } as never;
      expect(await failure(submitReport({ ctx: ctx(), input }))).toEqual([
        'validation_failed',
        'reporterKind:partner.report.signIn',
      ]);
    }
    expect(await failure(submitReport({ ctx: ctx(), input: cloudReport('a.example-cloud.com') }))).toEqual([
      'validation_failed',
      'reporterKind:report.error.partnersOnly',
    ]);
    expect(await count()).toBe(0);
  });

  it('a signed-in partner reports any service as partner, whatever the form says, and sees only its own', async () => {
    const filed = await submitReport({
      ctx: ctx(),
      input: { ...cloudReport('a.example-cloud.com'), reporterKind: 'customer', partnerUserId: 'partner-1' },
    });
    await submitReport({
      ctx: ctx(),
      input: { ...validReport(), locale: 'de', partnerUserId: 'partner-2' },
    });
    const row = await getStore()
      .db.selectFrom('reports')
      .selectAll()
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reporter_kind: 'partner', partner_user_id: 'partner-1' });
    // The phone given once fills in the partner's next form.
    const profile = await getStore()
      .db.selectFrom('partner_profiles')
      .select('phone')
      .where('user_id', '=', 'partner-1')
      .executeTakeFirstOrThrow();
    expect(profile.phone).toBe('+49355123456');
    const mine = await listPartnerReports(getStore().db, { partnerUserId: 'partner-1' });
    expect(mine.map((r) => r.ticket)).toEqual([filed.ticket]);
    const theirs = await listPartnerReports(getStore().db, { partnerUserId: 'partner-2' });
    expect(theirs.map((r) => r.ticket)).not.toContain(filed.ticket);
  });

  it('a disabled partner account reports nothing', async () => {
    await seedPartner(getStore(), { id: 'partner-3', disabled: true });
    const input = { ...cloudReport('a.example-cloud.com'), partnerUserId: 'partner-3' };
    expect(await failure(submitReport({ ctx: ctx(), input }))).toEqual(['forbidden']);
    expect(await count()).toBe(0);
  });

  it('a cloud report links only to an incident naming its cloud or none', async () => {
    const incident = (clouds: string[]) =>
      declareIncident({
        ctx: staff(),
        input: {
          title: { de: 'Cloud gestört', en: 'Cloud down' },
          components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
          message: { de: 'Wir prüfen.', en: 'Investigating.' },
          clouds,
        },
      });
    const partner = { partnerUserId: 'partner-1' };
    const named = await incident(['a.example-cloud.com']);
    const forA = await submitReport({
      ctx: ctx(),
      input: { ...cloudReport('A.Example-Cloud.com'), ...partner },
    });
    const forB = await submitReport({
      ctx: ctx(),
      input: { ...cloudReport('b.example-cloud.com'), ...partner },
    });
    expect(forA.incidentId).toBe(named.id);
    expect(forB.incidentId).toBeNull();
    // A report without a cloud name (the fax service on the same server) is not cloud-scoped.
    const fax = await submitReport({
      ctx: ctx(),
      input: { ...validReport(), serviceId: 'fax', identifiers: {}, locale: 'de', ...partner },
    });
    expect(fax.incidentId).toBe(named.id);
    clock.advance(60_000);
    const everyCloud = await incident([]);
    const forC = await submitReport({
      ctx: ctx(),
      input: { ...cloudReport('c.example-cloud.com'), ...partner },
    });
    expect(forC.incidentId).toBe(everyCloud.id);
    await resolveIncident({
      ctx: staff(),
      input: { incidentId: everyCloud.id, message: { de: 'Behoben.', en: 'Fixed.' } },
    });
    const forD = await submitReport({
      ctx: ctx(),
      input: { ...cloudReport('d.example-cloud.com'), ...partner },
    });
    expect(forD.incidentId).toBeNull();
  });
});
