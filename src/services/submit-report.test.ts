import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { seedPartner } from '../../test/support/partners.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { systemActor } from './context.ts';
import { declareIncident } from './declare-incident.ts';
import { getReportForReporter } from './get-report-for-reporter.ts';
import { seedReportCatalog, validReport } from './report-fixtures.ts';
import { resolveIncident } from './resolve-incident.ts';
import { submitReport } from './submit-report.ts';

const fieldsOf = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  if (!(e instanceof DialtoneError)) throw new Error(`expected a DialtoneError, got ${String(e)}`);
  return e.fields.map((f) => `${f.path}:${f.key}`);
};

describeEachStore('submit report', (getStore) => {
  beforeEach(async () => {
    await seedReportCatalog(getStore());
    await seedPartner(getStore());
  });
  const partner = { reporterKind: 'partner', partnerUserId: 'partner-1' };
  const ctxAt = (iso = '2026-11-20T10:00:00.000Z') => testContext(getStore(), testClock(iso), systemActor);

  it('files a report: E.164 phone, queue, sequential ticket, hashed token, audit row', async () => {
    const ctx = ctxAt();
    const first = await submitReport({ ctx, input: { ...validReport(), locale: 'de' } });
    const second = await submitReport({
      ctx,
      input: { ...validReport(), identifiers: { serverLicence: 'SL-2' }, locale: 'en' },
    });
    expect(first.ticket).toBe('ST-2026-000001');
    expect(second.ticket).toBe('ST-2026-000002');
    const row = await getStore()
      .db.selectFrom('reports')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      phone: '+49355123456',
      queue: 'connect',
      state: 'new',
      reporter_kind: 'customer',
    });
    expect(row.follow_token_hash).not.toContain(first.token);
    expect(JSON.parse(row.identifiers)).toEqual({ serverLicence: 'SL-4711' });
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.submit')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actor_type).toBe('system');
    expect(audit[0]?.detail).not.toContain('Muster');
    // A new year starts at 1 again.
    const next = await submitReport({
      ctx: ctxAt('2027-01-01T00:00:00.000Z'),
      input: { ...validReport(), identifiers: { serverLicence: 'SL-3' }, locale: 'de' },
    });
    expect(next.ticket).toBe('ST-2027-000001');
  });

  it('gives concurrent reports distinct tickets, however many arrive at once', async () => {
    const ctx = ctxAt();
    // More than the ticket retries and the PostgreSQL pool: without serialised numbering some
    // report would lose every race (a 200-client burst answered 500 before the fix).
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submitReport({
          ctx,
          input: { ...validReport(), identifiers: { serverLicence: `SL-${i}` }, locale: 'de' },
        }),
      ),
    );
    expect(new Set(all.map((r) => r.ticket)).size).toBe(40);
  });

  it('files a double submit once', async () => {
    const ctx = ctxAt();
    const input = { ...validReport(), locale: 'de' as const, submissionKey: 'k'.repeat(24) };
    const [a, b] = await Promise.all([submitReport({ ctx, input }), submitReport({ ctx, input })]);
    const c = await submitReport({ ctx, input });
    expect(new Set([a.ticket, b.ticket, c.ticket]).size).toBe(1);
    expect(c.repeated).toBe(true);
    expect(c.token).toBe(a.token);
    expect(b.token).toBe(a.token);
    const n = await getStore().db.selectFrom('reports').select('id').execute();
    expect(n).toHaveLength(1);
  });

  it('checks eligibility, identifiers, oneOf groups, cloud names and "other"', async () => {
    const ctx = ctxAt();
    const submit = (over: Record<string, unknown>) =>
      fieldsOf(submitReport({ ctx, input: { ...validReport(), locale: 'de', ...over } }));
    expect(await submit({ serviceId: 'cloud', identifiers: { cloudName: 'a.example.net' } })).toEqual([
      'reporterKind:report.error.partnersOnly',
    ]);
    expect(
      await submit({ serviceId: 'cloud', ...partner, identifiers: { cloudName: 'not a host' } }),
    ).toEqual(['identifiers.cloudName:report.error.cloudName']);
    expect(await submit({ serviceId: 'dsl', identifiers: {} })).toEqual([
      'identifiers.serverLicence:report.error.oneOf',
      'identifiers.dslOrderNumber:report.error.oneOf',
    ]);
    expect(await submit({ serviceId: 'connect', identifiers: {} })).toEqual([
      'identifiers.serverLicence:error.required',
    ]);
    expect(await submit({ serviceId: 'other', identifiers: {} })).toEqual(['serviceOther:error.required']);
    expect(await submit({ serviceId: 'nope' })).toEqual(['service:report.error.unknownService']);
    expect(await submit({ phone: '12345', email: 'x@', consent: false, description: 'kurz' })).toEqual([
      'email:error.invalidEmail',
      'phone:report.error.phone',
      'description:error.tooShort',
      'consent:report.error.consent',
    ]);
    // Cloud names are taken case-insensitively, without scheme; DSL needs one of its two.
    const ok = await submitReport({
      ctx,
      input: {
        ...validReport(),
        serviceId: 'cloud',
        ...partner,
        identifiers: { cloudName: 'https://MaxMuster.Example-Cloud.com/' },
        locale: 'de',
      },
    });
    const dsl = await submitReport({
      ctx,
      input: { ...validReport(), serviceId: 'dsl', identifiers: { dslOrderNumber: 'D-1' }, locale: 'de' },
    });
    const rows = await getStore()
      .db.selectFrom('reports')
      .select(['id', 'identifiers', 'queue'])
      .orderBy('ticket')
      .execute();
    expect(rows.map((r) => [r.id, JSON.parse(r.identifiers), r.queue])).toEqual([
      [ok.id, { cloudName: 'maxmuster.example-cloud.com' }, 'cloud'],
      [dsl.id, { dslOrderNumber: 'D-1' }, 'access'],
    ]);
    expect(await getStore().db.selectFrom('audit_log').select('id').execute()).toHaveLength(2);
  });

  it('refuses more reports for the same identifiers within the window', async () => {
    const ctx = ctxAt();
    const input = { ...validReport(), locale: 'de' as const };
    const options = { perIdentifier: { max: 2, windowMs: 60_000 } };
    await submitReport({ ctx, input, options });
    await submitReport({ ctx, input, options });
    const e = await submitReport({ ctx, input, options }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'rate_limited', key: 'report.error.identifierLimit' });
    const other = await submitReport({
      ctx,
      input: { ...input, identifiers: { serverLicence: 'SL-9' } },
      options,
    });
    expect(other.ticket).toBe('ST-2026-000003');
  });

  it('links to an open incident on the service (or what it depends on) and shows its public updates', async () => {
    const clock = testClock();
    const staff = testContext(getStore(), clock);
    const { id: incidentId } = await declareIncident({
      ctx: staff,
      input: {
        title: { de: 'Medienserver gestört', en: 'Media server down' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Investigating.' },
      },
    });
    const ctx = testContext(getStore(), clock, systemActor);
    const fax = await submitReport({
      ctx,
      input: { ...validReport(), serviceId: 'fax', ...partner, identifiers: {}, locale: 'de' },
    });
    const connect = await submitReport({ ctx, input: { ...validReport(), locale: 'de' } });
    expect(fax.incidentId).toBe(incidentId);
    expect(connect.incidentId).toBeNull();
    const view = await getReportForReporter(getStore().db, { ticket: fax.ticket, token: fax.token });
    expect(view).toMatchObject({
      state: 'linked',
      reporterName: 'Erika Muster',
      incident: { id: incidentId },
    });
    expect(view.incident?.updates.map((u) => u.body.en)).toEqual(['Investigating.']);
    await expect(
      getReportForReporter(getStore().db, { ticket: fax.ticket, token: 'wrong' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      getReportForReporter(getStore().db, { ticket: fax.ticket, token: connect.token }),
    ).rejects.toMatchObject({ code: 'not_found' });

    await resolveIncident({ ctx: staff, input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    const later = await submitReport({
      ctx,
      input: { ...validReport(), serviceId: 'fax', ...partner, identifiers: {}, locale: 'de' },
    });
    expect(later.incidentId).toBeNull();
  });

  it("checks an end customer's identifier against the inventory once one is imported", async () => {
    const ctx = ctxAt();
    const db = getStore().db;
    const at = '2026-11-01T00:00:00.000Z';
    await db.deleteFrom('contract_identifiers').execute();
    await db.deleteFrom('contracts').execute();
    await db.deleteFrom('customers').execute();
    // Before any import there is nothing to match against: accepted.
    await submitReport({
      ctx,
      input: { ...validReport(), identifiers: { serverLicence: 'SL-0' }, locale: 'de' },
    });
    await db
      .insertInto('customers')
      .values({
        id: 'c1',
        external_id: 'K-1',
        name: 'Muster',
        kind: 'customer',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('contracts')
      .values({
        id: 'k1',
        external_id: 'V-1',
        customer_id: 'c1',
        service_id: 'connect',
        identifiers: '{"serverLicence":"SL-4711"}',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('contract_identifiers')
      .values({ contract_id: 'k1', service_id: 'connect', key: 'serverLicence', value: 'sl-4711' })
      .execute();
    const unknown = { ...validReport(), identifiers: { serverLicence: 'SL-9999' }, locale: 'de' as const };
    expect(await fieldsOf(submitReport({ ctx, input: unknown }))).toEqual([
      'identifiers.serverLicence:report.error.noContract',
    ]);
    // Partners report for their customers: not checked.
    await submitReport({ ctx, input: { ...unknown, ...partner } });
    const known = await submitReport({
      ctx,
      input: { ...validReport(), identifiers: { serverLicence: 'sl-4711' }, locale: 'de' },
    });
    expect(known.ticket).toBe('ST-2026-000003');
  });
});
