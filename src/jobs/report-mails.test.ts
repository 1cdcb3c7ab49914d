/**
 * The reporter's mails end to end: filing a report, the report being linked to an incident, and
 * all reports of a resolved incident closed — each a real mail at a real SMTP server, in the
 * reporter's language, the first one with the private follow link that opens the follow page.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createEmailChannel } from '#src/adapters/channels/email/index.ts';
import type { ChannelRegistry } from '#src/adapters/channels/index.ts';
import { closeReportsOfIncident } from '#src/services/close-reports-of-incident.ts';
import { systemActor } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { getReportForReporter } from '#src/services/get-report-for-reporter.ts';
import { seedReportCatalog, validReport } from '#src/services/report-fixtures.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { submitReport } from '#src/services/submit-report.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { createOutboxWorker } from './outbox-worker.ts';

describeEachStore('reporter mails', (getStore) => {
  let sink: SmtpSink;
  let channels: ChannelRegistry;
  beforeAll(async () => {
    sink = await startSmtpSink();
    channels = new Map([
      ['email', createEmailChannel({ smtpUrl: sink.url, from: 'Status <status@example.net>' })],
    ]);
  });
  afterAll(async () => {
    await channels.get('email')?.close?.();
    await sink.close();
  });
  beforeEach(async () => {
    await seedReportCatalog(getStore());
    await getStore().db.deleteFrom('notifications').execute();
    sink.mails.length = 0;
    sink.messageIds.length = 0;
  });

  it('mails the reporter on filing, linking and closing, in their language', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock, systemActor);
    const worker = createOutboxWorker({
      db: getStore().db,
      dialect: getStore().dialect,
      channels,
      clock,
      workerId: 'w',
      settings: { publicUrl: 'https://status.example.net', timeZone: 'Europe/Berlin', pageName: 'Beispiel' },
      maxAttempts: 3,
      ratesPerSecond: { email: 1000 },
    });
    const filed = await submitReport({ ctx, input: { ...validReport(), locale: 'en' } });
    expect(await worker.runOnce()).toBe(1);
    const received = sink.mails[0];
    expect(received?.to).toEqual(['erika@muster.example']);
    expect(received?.subject).toBe(`Report received: ${filed.ticket}`);
    expect(received?.headers.has('list-unsubscribe')).toBe(false);
    const link = /https:\/\/status\.example\.net(\/reports\/[^\s]+)/.exec(received?.text ?? '')?.[1] ?? '';
    const token = new URL(link, 'https://x').searchParams.get('token') ?? '';
    expect(await getReportForReporter(getStore().db, { ticket: filed.ticket, token })).toMatchObject({
      ticket: filed.ticket,
    });

    // The next report on the same service is linked to the open incident by itself.
    const { id: incidentId } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Connect gestört', en: 'Connect down' },
        components: [{ componentId: 'sip-trunk', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    const second = await submitReport({
      ctx,
      input: {
        ...validReport(),
        identifiers: { serverLicence: 'SL-2' },
        email: 'max@muster.example',
        locale: 'de',
      },
    });
    await worker.runOnce();
    const linked = sink.mails.find((m) => m.to[0] === 'max@muster.example');
    expect(linked?.text).toContain('Ihre Meldung gehört zu einer bekannten Störung: „Connect gestört“.');

    clock.advance(60_000);
    await resolveIncident({ ctx, input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } } });
    await closeReportsOfIncident({ ctx, input: { incidentId, message: 'Medienserver getauscht.' } });
    await worker.runOnce();
    const closing = sink.mails.filter((m) => m.subject === `Ihre Meldung: ${second.ticket}`);
    expect(closing).toHaveLength(1);
    expect(closing[0]?.text).toContain('Die Ursache ist behoben und Ihre Meldung ist abgeschlossen.');
    // The internal comment stays internal.
    expect(closing[0]?.text).not.toContain('Medienserver getauscht.');
  });
});
