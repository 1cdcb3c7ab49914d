import { beforeEach, expect, it } from 'vitest';
import { testClock, testContext } from '../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { eraseExpiredReports } from './erase-expired-reports.ts';
import { eraseReporterData } from './erase-reporter-data.ts';
import { exportReporterData } from './export-reporter-data.ts';
import { findReporterData } from './find-reporter-data.ts';

const personal = [
  'company',
  'first_name',
  'last_name',
  'email',
  'phone',
  'description',
  'service_other',
] as const;

describeEachStore('report data protection', (getStore) => {
  let ctx: ReturnType<typeof testContext>;
  beforeEach(async () => {
    await getStore().db.deleteFrom('audit_log').execute();
    await getStore().db.deleteFrom('notifications').execute();
    await seedReportCatalog(getStore());
    ctx = testContext(getStore(), testClock('2027-06-01T00:00:00.000Z'));
  });
  const report = (id: string) =>
    getStore().db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const comment = (reportId: string, body: string) =>
    getStore()
      .db.insertInto('report_comments')
      .values({
        id: `c-${reportId}`,
        report_id: reportId,
        author: 'op',
        body,
        created_at: '2026-11-20T09:30:00.000Z',
      })
      .execute();
  const mail = (reportId: string) =>
    getStore()
      .db.insertInto('notifications')
      .values({
        id: `n-${reportId}`,
        idempotency_key: `report.received:${reportId}:new:email:erika`,
        event: 'report.received',
        kind: 'email',
        recipient: 'erika@example.net',
        subscriber_id: null,
        operator_channel_id: null,
        report_id: reportId,
        subject_id: null,
        locale: 'de',
        subject: 'Ihre Meldung',
        body_text: 'Hallo Erika Muster, …',
        body_html: null,
        payload: '{}',
        headers: '{}',
        state: 'sent',
        attempts: 1,
        attempt_limit: null,
        next_attempt_at: '2026-11-20T09:00:00.000Z',
        claimed_by: null,
        claimed_until: null,
        last_error: null,
        created_at: '2026-11-20T09:00:00.000Z',
        sent_at: '2026-11-20T09:00:01.000Z',
      })
      .execute();
  const mails = async () =>
    (await getStore().db.selectFrom('notifications').select('report_id').execute()).map((n) => n.report_id);
  const audit = () =>
    getStore().db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id').execute();

  it('erases reports closed longer ago than the retention period, keeps the statistic, and is idempotent', async () => {
    const closed = (at: string) => ({ state: 'closed', close_reason: 'resolved', closed_at: at });
    const old = await insertReport(getStore(), { ...closed('2026-12-01T00:00:00.000Z'), service_other: 'x' });
    const recent = await insertReport(getStore(), closed('2027-05-01T00:00:00.000Z'));
    const open = await insertReport(getStore(), { created_at: '2026-01-01T00:00:00.000Z' });
    await comment(old, 'Frau Muster rief an: 0355 123456');
    await mail(old);
    await mail(recent);
    expect(await eraseExpiredReports({ ctx, input: { retentionDays: 180 } })).toEqual({ erased: 1 });
    const erased = await report(old);
    for (const field of personal) expect(erased[field]).toBe('');
    expect(erased).toMatchObject({
      identifiers: '{}',
      partner_user_id: null,
      erased_at: '2027-06-01T00:00:00.000Z',
      service_id: 'connect',
      state: 'closed',
      close_reason: 'resolved',
      created_at: '2026-11-20T09:00:00.000Z',
      closed_at: '2026-12-01T00:00:00.000Z',
    });
    expect(erased.triage_path).not.toBe('[]');
    expect(await getStore().db.selectFrom('report_comments').selectAll().execute()).toEqual([]);
    expect((await report(recent)).email).toBe('erika@example.net');
    expect((await report(open)).email).toBe('erika@example.net');
    expect(await mails()).toEqual([recent]);
    expect(await eraseExpiredReports({ ctx, input: { retentionDays: 180 } })).toEqual({ erased: 0 });
    const rows = await audit();
    expect(rows.map((r) => r.action)).toEqual(['report.retention_erase']);
    expect(rows[0]?.detail).not.toContain('erika');
  });

  it('finds one reporter case-insensitively, exports everything about them, then erases it; the audit rows never hold the address', async () => {
    const a = await insertReport(getStore(), { email: 'Erika@Example.NET' });
    const b = await insertReport(getStore(), { state: 'closed', closed_at: '2026-11-21T00:00:00.000Z' });
    const other = await insertReport(getStore(), { email: 'max@example.net' });
    await comment(a, 'Rückruf vereinbart');
    await mail(a);
    const found = await findReporterData(getStore().db, { email: ' erika@example.net ' });
    expect(found.map((r) => r.id)).toEqual([a, b]);
    const doc = await exportReporterData({ ctx, input: { email: 'ERIKA@example.net' } });
    expect(doc.reports[0]).toMatchObject({
      id: a,
      firstName: 'Erika',
      phone: '+4930123456',
      identifiers: { dslOrder: 'DSL-123' },
      comments: [{ author: 'op', body: 'Rückruf vereinbart' }],
      messages: [
        { kind: 'email', subject: 'Ihre Meldung', state: 'sent', sentAt: '2026-11-20T09:00:01.000Z' },
      ],
    });
    expect(await eraseReporterData({ ctx, input: { email: 'erika@EXAMPLE.net' } })).toMatchObject({
      erased: 2,
    });
    expect(await findReporterData(getStore().db, { email: 'erika@example.net' })).toEqual([]);
    expect(await mails()).toEqual([]);
    expect((await report(other)).email).toBe('max@example.net');
    expect((await report(b)).erased_at).toBe('2027-06-01T00:00:00.000Z');
    expect(await eraseReporterData({ ctx, input: { email: 'erika@example.net' } })).toMatchObject({
      erased: 0,
    });
    const rows = await audit();
    expect(rows.map((r) => r.action)).toEqual(['reporter.export', 'reporter.erase']);
    for (const r of rows) expect(r.detail.toLowerCase()).not.toContain('erika');
  });

  it('exports and erases the status page subscriptions under the same address, keeping the opt-out', async () => {
    const db = getStore().db;
    await db.deleteFrom('subscribers').execute();
    await db.deleteFrom('contact_opt_outs').execute();
    const at = '2027-05-01T00:00:00.000Z';
    const sub = (id: string, address: string) => ({
      id,
      kind: 'email' as const,
      address,
      locale: 'de' as const,
      scope: 'all' as const,
      state: 'confirmed' as const,
      confirm_hash: null,
      confirm_expires_at: null,
      confirm_failures: 0,
      secret: null,
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
    });
    await db
      .insertInto('subscribers')
      .values([sub('s-erika', 'erika@example.net'), sub('s-max', 'max@example.net')])
      .execute();
    await db
      .insertInto('contact_opt_outs')
      .values({ address: 'erika@example.net', created_at: at })
      .execute();
    const doc = await exportReporterData({ ctx, input: { email: 'Erika@example.net' } });
    expect(doc.reports).toEqual([]);
    expect(doc.subscriptions).toEqual([
      expect.objectContaining({
        kind: 'email',
        address: 'erika@example.net',
        state: 'confirmed',
        components: [],
      }),
    ]);
    expect(doc.optedOutOfOutageMessages).toBe(true);
    expect(await eraseReporterData({ ctx, input: { email: 'erika@example.net' } })).toMatchObject({
      erased: 0,
      subscriptions: 1,
    });
    expect((await db.selectFrom('subscribers').select('id').execute()).map((r) => r.id)).toEqual(['s-max']);
    expect(await db.selectFrom('contact_opt_outs').select('address').execute()).toEqual([
      { address: 'erika@example.net' },
    ]);
  });

  it('refuses to erase without a plausible address', async () => {
    await expect(eraseReporterData({ ctx, input: { email: 'nobody' } })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
