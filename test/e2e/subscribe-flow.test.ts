/**
 * End to end in Chromium, against the real app on a loopback port with the demo catalog and a
 * real SMTP server (smtp-server on 127.0.0.1) fed by the real outbox worker: a customer
 * subscribes by email on the status page, confirms from the mail received, gets the operator's
 * incident declaration and update by mail, unsubscribes from the mail's link, and gets nothing
 * for the next update; the form and the manage page pass axe-core. Runs on SQLite and, where PostgreSQL 15 is installed, on PostgreSQL.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from '#src/adapters/channels/email/index.ts';
import { createOutboxWorker } from '#src/jobs/outbox-worker.ts';
import { translator } from '#src/web/i18n/index.ts';
import { chromiumSkipReason, launchChromium, seriousAxeViolations } from '../support/browser.ts';
import { skipOrFail } from '../support/peers.ts';
import { postgresAvailable } from '../support/postgres.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtp.ts';
import type { StoreKind } from '../support/stores.ts';
import { type AppUnderTest, operatorAccount, startAppUnderTest } from './app-under-test.ts';
import { declareIncident, postUpdate, signIn } from './console-steps.ts';
import { declaration, identified, monitoring } from './scenario.ts';

const t = translator('de');
const customer = 'kundin.muster@beispiel.example';
const stepTimeout = 90_000;

const noChromium = chromiumSkipReason();
const missingPg = postgresAvailable();
const kinds: StoreKind[] = [
  'sqlite',
  ...(missingPg && skipOrFail('PostgreSQL', missingPg) ? [] : ['postgres' as const]),
];

/** The first URL in a mail's text that starts with the given prefix. */
function linkIn(mail: ReceivedMail | undefined, prefix: string): string {
  const found = (mail?.text ?? '').split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix}… link in: ${mail?.text}`);
  return found;
}

describe.skipIf(noChromium !== null).each(kinds)('subscribe by email, receive, unsubscribe [%s]', (kind) => {
  let app: AppUnderTest;
  let sink: SmtpSink;
  let browser: Browser;
  let customerPage: Page;
  let operatorPage: Page;
  let worker: ReturnType<typeof createOutboxWorker>;
  let email: ReturnType<typeof createEmailChannel>;
  let incidentId = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startAppUnderTest(kind);
    email = createEmailChannel({ smtpUrl: sink.url, from: 'Status <status@example.net>', maxConnections: 2 });
    worker = createOutboxWorker({
      db: app.store.db,
      dialect: app.store.dialect,
      channels: new Map([['email', email]]),
      clock: () => new Date(),
      workerId: `e2e-${kind}`,
      settings: { publicUrl: app.base, timeZone: 'Europe/Berlin', pageName: 'dialtone' },
      maxAttempts: 8,
      ratesPerSecond: { email: 1000 },
      concurrency: 2,
      batchSize: 50,
      leaseMs: 60_000,
      idleMs: 50,
      log: { warn: (o, m) => console.error(m, o), error: (o, m) => console.error(m, o) },
    });
    worker.start();
    browser = await launchChromium();
    customerPage = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    operatorPage = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  }, stepTimeout);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await email?.close?.();
    await app?.close();
    await sink?.close();
  }, stepTimeout);

  /** Waits until the worker has sent or given up on every queued message. */
  async function outboxDrained() {
    for (let i = 0; i < 400; i++) {
      const { n } = await app.store.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (Number(n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('outbox not drained');
  }

  const mailsTo = (address: string) => sink.mails.filter((m) => m.to.includes(address));

  it(
    'subscribes on the status page and confirms from the mail',
    async () => {
      await customerPage.goto(`${app.base}/`);
      await customerPage.getByRole('link', { name: t('subscribers.link') }).click();
      expect(await seriousAxeViolations(customerPage)).toEqual([]);
      await customerPage.getByLabel(t('subscribers.kind.email'), { exact: true }).check();
      await customerPage.getByLabel(t('subscribers.address.labelNoSms')).fill(customer);
      await customerPage.getByLabel(t('subscribers.scope.all')).check();
      await customerPage.getByRole('button', { name: t('subscribers.submit') }).click();
      await expect
        .poll(() => customerPage.getByRole('heading', { level: 1 }).textContent())
        .toBe(t('subscribers.sent.title'));

      await sink.waitFor(1);
      const [confirmation] = mailsTo(customer);
      expect(confirmation?.subject).toBe('Bitte bestätigen Sie Ihr Abonnement · dialtone');
      await customerPage.goto(linkIn(confirmation, `${app.base}/subscribe/confirm/`));
      await customerPage.getByRole('button', { name: t('subscribers.sms.submit') }).click();
      await expect
        .poll(() => customerPage.getByRole('heading', { level: 1 }).textContent())
        .toBe(t('subscribers.confirmed.title'));
    },
    stepTimeout,
  );

  it(
    'receives the incident and its update by mail, with a one-click unsubscribe header',
    async () => {
      await signIn(operatorPage, app.base, operatorAccount);
      incidentId = await declareIncident(operatorPage, app.base, app.catalog, declaration);
      await postUpdate(operatorPage, incidentId, identified);
      await outboxDrained();
      const received = mailsTo(customer).slice(1);
      expect(received.map((m) => m.subject)).toEqual([
        `Störung: ${declaration.title.de}`,
        `Neuigkeiten zur Störung: ${declaration.title.de}`,
      ]);
      expect(received[1]?.text).toContain(identified.message.de);
      expect(received[1]?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(received[1]?.headers.get('list-unsubscribe')).toContain(`${app.base}/subscribe/manage/`);
    },
    stepTimeout,
  );

  it(
    'unsubscribes from the mail and gets nothing for the next update',
    async () => {
      const last = mailsTo(customer).at(-1);
      await customerPage.goto(linkIn(last, `${app.base}/subscribe/manage/`));
      expect(await seriousAxeViolations(customerPage)).toEqual([]);
      await customerPage.getByRole('button', { name: t('subscribers.manage.unsubscribe') }).click();
      await expect
        .poll(() => customerPage.getByRole('heading', { level: 1 }).textContent())
        .toBe(t('subscribers.unsubscribed.title'));

      const before = mailsTo(customer).length;
      await postUpdate(operatorPage, incidentId, monitoring);
      await outboxDrained();
      expect(mailsTo(customer)).toHaveLength(before);
      const queued = await app.store.db
        .selectFrom('notifications')
        .select('id')
        .where('recipient', '=', customer)
        .where('event', '=', 'incident.updated')
        .execute();
      expect(queued).toHaveLength(1);
    },
    stepTimeout,
  );
  it(
    'the console lists the subscriber as unsubscribed to operators; the page passes axe-core',
    async () => {
      await operatorPage.goto(`${app.base}/console/subscribers`);
      await operatorPage.getByLabel(t('subscribers.console.search')).fill('kundin');
      await operatorPage.getByRole('button', { name: t('subscribers.console.searchButton') }).click();
      const row = operatorPage.getByRole('row', { name: new RegExp(customer.replaceAll('.', '\\.')) });
      await expect.poll(() => row.textContent()).toContain(t('subscribers.manage.state.unsubscribed'));
      expect(await seriousAxeViolations(operatorPage)).toEqual([]);
    },
    stepTimeout,
  );
});
