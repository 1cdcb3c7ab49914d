import { beforeEach, expect, it } from 'vitest';
import { renderNotification } from '#src/domain/notification-text.ts';
import type { OperatorReportNotice } from '#src/domain/subscription-report-notice.ts';
import { testContext } from '../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { saveOperatorChannel } from './save-operator-channel.ts';

const options = { checkUrl: async () => null, newWebhookSecret: () => 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=' };

describeEachStore('a new report told to operator channels', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('notifications').execute();
    await getStore().db.deleteFrom('operator_channels').execute();
    await seedReportCatalog(getStore());
  });

  it('writes one row per subscribed channel, once, without personal data or the follow link', async () => {
    const ctx = testContext(getStore());
    const form = (name: string, events: string[]) => ({
      kind: 'slack',
      name,
      url: `https://hooks.example.net/${name}`,
      events,
    });
    await saveOperatorChannel({ ctx, input: { form: form('noc', ['report.received']) }, options });
    await saveOperatorChannel({ ctx, input: { form: form('alerts', ['alert.fired']) }, options });
    const reportId = await insertReport(getStore());
    const event = { event: 'report.received' as const, reportId, followToken: 'private-follow-token' };
    await getStore()
      .db.transaction()
      .execute(async (trx) => {
        expect(await enqueueNotifications(trx, ctx, event)).toBe(2); // the reporter's mail and the NOC channel
        expect(await enqueueNotifications(trx, ctx, event)).toBe(0);
      });
    const rows = await getStore()
      .db.selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'slack')
      .execute();
    expect(rows.map((r) => r.recipient)).toEqual(['https://hooks.example.net/noc']);
    const payload = rows[0]?.payload ?? '';
    for (const secret of ['private-follow-token', 'erika', 'Muster', '+4930123456', 'Keine eingehenden']) {
      expect(payload).not.toContain(secret);
    }
    expect(rows[0]?.subject).toBe(
      'Neue Meldung ST-2026-' +
        (JSON.parse(payload) as OperatorReportNotice).ticket.slice(8) +
        ': Dienst connect',
    );
    const text = renderNotification(JSON.parse(payload) as OperatorReportNotice, 'en', {
      publicUrl: 'https://status.example.net',
      timeZone: 'Europe/Berlin',
      pageName: 'dialtone',
    }).text;
    expect(text).toContain('A new outage report came in (20 Nov 2026, 10:00, from a customer).');
    expect(text).toContain(`https://status.example.net/console/reports/${reportId}`);
  });
});
