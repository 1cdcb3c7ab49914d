/**
 * End to end in Chromium, against the real app with the demo catalog, on SQLite and (where
 * PostgreSQL 15 is installed) on PostgreSQL: a customer on a 360 px phone runs the self-check to
 * a fix-it-yourself outcome; an admin invites a partner, who accepts, sees the known incident on
 * the self-check, goes on ("my problem is different"), reports, gets a ticket and follows it. The
 * known incident names another cloud, so the report is not linked by itself; the operator links
 * it from the inbox and posts a public update, which the partner's follow page then shows.
 * Every page visited is checked with axe-core (no serious or critical violations).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { translator } from '#src/web/i18n/index.ts';
import { chromiumSkipReason, launchChromium } from '../support/browser.ts';
import { skipOrFail } from '../support/peers.ts';
import { postgresAvailable } from '../support/postgres.ts';
import type { StoreKind } from '../support/stores.ts';
import { type AppUnderTest, operatorAccount, startAppUnderTest } from './app-under-test.ts';
import { postUpdate, signIn } from './console-steps.ts';
import { desktop } from './public-reader.ts';
import {
  acceptInvitation,
  checkPage,
  customerFixesItHimself,
  declareCloudIncident,
  follow,
  invitePartner,
  linkReport,
  phonesTree,
} from './report-flow-steps.ts';

const stepTimeout = 90_000;
const phone = { width: 360, height: 740 };
const adminAccount = { email: 'admin@beispiel-telekom.example', password: 'Verwaltung-Cottbus-2026' };
const invitee = {
  email: 'lena.koch@koch-it.example',
  firstName: 'Lena',
  lastName: 'Koch',
  company: 'Koch IT GmbH',
  locale: 'en' as const,
};
const known = {
  title: { de: 'Cloud-Plattform gestört', en: 'Cloud platform disrupted' },
  message: { de: 'Eine Cloud startet nicht.', en: 'One cloud does not start.' },
  cloud: 'andere.beispiel-cloud.de',
};
const update = {
  status: 'identified' as const,
  visibility: 'public' as const,
  message: {
    de: 'Auch weitere Clouds betroffen: Speicher im Rechenzentrum Frankfurt voll.',
    en: 'More clouds affected: storage in the Frankfurt data centre is full.',
  },
};
const en = translator('en');

function reportFlow(kind: StoreKind, getBrowser: () => Browser) {
  let app: AppUnderTest;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let operator: Page;
  let partner: Page;
  let incidentId = '';
  let ticket = '';

  async function newPage(locale: 'de' | 'en', viewport = desktop) {
    const context = await getBrowser().newContext({ locale: locale === 'de' ? 'de-DE' : 'en-GB', viewport });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    app = await startAppUnderTest(kind);
    const ctx = {
      db: app.store.db,
      dialect: app.store.dialect,
      clock: () => new Date(),
      newId: createIdGenerator(),
      actor: cliActor('e2e'),
    };
    await createUser({ ctx, input: { ...adminAccount, role: 'admin', locale: 'de' } });
    admin = await newPage('de');
    operator = await newPage('de');
    partner = await newPage('en', phone);
  }, stepTimeout);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await app?.close();
  });

  it('a customer on a phone runs the self-check to "fix it yourself"', { timeout: stepTimeout }, async () => {
    const customer = await newPage('de', phone);
    await customerFixesItHimself(customer, app.base, 'de');
  });

  it('an admin invites a partner, who sets a password and lands in the partner area', {
    timeout: stepTimeout,
  }, async () => {
    await signIn(admin, app.base, adminAccount);
    const link = await invitePartner(admin, app.base, invitee);
    expect(link.startsWith(`${app.base}/partner/invitation?token=`)).toBe(true);
    await acceptInvitation(partner, link, 'a long partner passphrase', 'en');
    expect(await partner.textContent('main')).toContain(en('partner.area.noReports'));
  });

  it('the partner sees the known incident, goes on, reports and gets a ticket', {
    timeout: stepTimeout,
  }, async () => {
    await signIn(operator, app.base, operatorAccount);
    incidentId = await declareCloudIncident(operator, app.base, known);

    await follow(partner, en('partner.area.selfCheck'), `${app.base}/self-check`);
    await follow(partner, phonesTree.title.en, new RegExp(`/self-check/${phonesTree.id}$`));
    const knownBox = partner.getByRole('region', { name: en('triage.known.heading') });
    expect(await knownBox.getByRole('link', { name: known.title.en }).count()).toBe(1);
    await checkPage(partner, 'already known');
    await follow(partner, en('triage.known.different'), /\?a=$/);
    await follow(partner, 'No', /\?a=1$/);
    await follow(partner, 'Yes, checked', /\?a=1\.0$/);
    await follow(partner, 'All phones', /\?a=1\.0\.1$/);
    await checkPage(partner, 'report outcome');
    await follow(partner, en('triage.reportLink'), /\/report\?/);
    // Filled in from the account; reporting as partner is the account's, not a choice.
    expect(await partner.inputValue('#f-company')).toBe(invitee.company);
    expect(await partner.inputValue('#f-email')).toBe(invitee.email);
    expect(await partner.textContent('main')).toContain(en('partner.report.asPartner', invitee));
    await checkPage(partner, 'report form as partner');
    await partner.fill('#f-phone', '0355 123456');
    await partner.getByLabel('Cloud name').fill('koch.beispiel-cloud.de');
    await partner.fill('#f-description', 'All phones of the cloud lost their registration at 09:12.');
    await partner.check('#f-consent');
    await Promise.all([
      partner.waitForURL(/\/reports\/ST-\d{4}-\d{6}\?token=/),
      partner.click('form.report button[type="submit"]'),
    ]);
    ticket = /ST-\d{4}-\d{6}/.exec(partner.url())?.[0] ?? '';
    expect(await partner.textContent('h1')).toContain(ticket);
    // The known incident names another cloud: this report waits for the NOC.
    expect(await partner.textContent('main')).toContain(en('report.follow.noIncident'));
    await checkPage(partner, 'follow page');
  });

  it('the partner follows the ticket from the partner area', { timeout: stepTimeout }, async () => {
    await partner.goto(`${app.base}/partner`);
    await checkPage(partner, 'partner area with a report');
    await follow(partner, ticket, `${app.base}/partner/reports/${ticket}`);
    expect(await partner.textContent('main')).toContain(en('report.state.new'));
    await checkPage(partner, 'partner follow page');
    await partner.goto(`${app.base}/partner/password`);
    await checkPage(partner, 'partner password page');
  });

  it("the operator links it and posts an update; the partner's page shows them", {
    timeout: stepTimeout,
  }, async () => {
    await linkReport(operator, app.base, ticket, incidentId);
    await operator.goto(`${app.base}/console/incidents/${incidentId}`);
    await postUpdate(operator, incidentId, update);
    await partner.goto(`${app.base}/partner/reports/${ticket}`);
    const main = await partner.textContent('main');
    expect(main).toContain(known.title.en);
    expect(main).toContain(update.message.en);
    expect(main).toContain(known.message.en);
    expect(main).not.toContain(update.message.de);
    await checkPage(partner, 'partner follow page, linked');
    await partner.goto(`${app.base}/partner`);
    expect(await partner.getByRole('link', { name: known.title.en }).count()).toBe(1);
  });
}

const chromiumSkip = chromiumSkipReason();
const postgresMissing = postgresAvailable();
const postgresSkip = postgresMissing ? skipOrFail('PostgreSQL', postgresMissing) : null;

describe.skipIf(chromiumSkip !== null)('report flow in Chromium: self-check, partner, report, inbox', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('on SQLite', () => reportFlow('sqlite', () => browser));
  describe.skipIf(postgresSkip !== null)('on PostgreSQL', () => reportFlow('postgres', () => browser));
});
