/**
 * End to end in Chromium, against the real app on a loopback port with the demo catalog: an
 * operator signs in, declares an incident on two components, posts updates in German and
 * English (one of them internal) and resolves it; after each step the public status page, the
 * incident page, the history, the Atom feed and /api/v2/summary.json are read as a customer
 * would, in German and English, and every public page visited is checked with axe-core.
 * Runs on SQLite and, where PostgreSQL 15 is installed, once more on PostgreSQL.
 *
 * `DIALTONE_SCREENSHOT=1` also saves the German status page during the outage as
 * docs/status-page.png (the README's picture); without it the test writes nothing.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentStatus } from '#src/domain/incident.ts';
import { type Locale, locales, type Translate, translator } from '#src/web/i18n/index.ts';
import { feedStrings } from '#src/web/views/feeds/strings.ts';
import { pick } from '#src/web/views/format.ts';
import { chromiumSkipReason, launchChromium } from '../support/browser.ts';
import { skipOrFail } from '../support/peers.ts';
import { postgresAvailable } from '../support/postgres.ts';
import type { StoreKind } from '../support/stores.ts';
import { type AppUnderTest, operatorAccount, startAppUnderTest } from './app-under-test.ts';
import { declareIncident, postUpdate, resolveIncident, signIn } from './console-steps.ts';
import {
  asReader,
  bannerText,
  componentRow,
  desktop,
  fetchAtomEntries,
  fetchSummary,
  visit,
} from './public-reader.ts';
import {
  bystander,
  declaration,
  dslAccess,
  identified,
  internalNote,
  monitoring,
  radius,
  resolution,
  sbc,
  sipTrunk,
} from './scenario.ts';

const stepTimeout = 90_000;
const screenshotFile = fileURLToPath(new URL('../../docs/status-page.png', import.meta.url));

/** One reader's view of the app: the page, the language, and names as that reader reads them. */
interface Reading {
  page: Page;
  locale: Locale;
  t: Translate;
  base: string;
  incidentId: string;
  /** A component's name in the reader's language. */
  name(componentId: string): string;
}

async function expectOutageOnStatusPage(r: Reading, latestMessage: string) {
  const { page, t, name } = r;
  await visit(page, `${r.base}/`, r.locale);
  expect(await bannerText(page)).toBe(t('banner.major_outage'));
  const row = (id: string) => componentRow(page, name(id));
  expect(await row(sbc)).toEqual({ status: t('status.major_outage'), cause: null });
  expect(await row(radius)).toEqual({ status: t('status.partial_outage'), cause: null });
  expect(await row(sipTrunk)).toEqual({
    status: t('status.major_outage'),
    cause: t('public.causedBy', { name: name(sbc) }),
  });
  expect(await row(dslAccess)).toEqual({
    status: t('status.partial_outage'),
    cause: t('public.causedBy', { name: name(radius) }),
  });
  expect((await row(bystander)).status).toBe(t('status.operational'));
  const current = page.getByRole('region', { name: t('public.activeIncidents') });
  const link = current.getByRole('link', { name: declaration.title[r.locale], exact: true });
  expect(await link.getAttribute('href')).toBe(`/incidents/${r.incidentId}`);
  expect(await current.textContent()).toContain(latestMessage);
}

/** The incident's entry in the Atom feed: title with its state, link, latest public message. */
async function expectFeedEntry(r: Reading, state: IncidentStatus, summary: string) {
  const entries = await fetchAtomEntries(r.page, r.base, r.locale);
  expect(entries.find((e) => e.link === `${r.base}/incidents/${r.incidentId}`)).toEqual({
    title: `${feedStrings[r.locale].incident}: ${declaration.title[r.locale]} – ${r.t(`incidentStatus.${state}`)}`,
    link: `${r.base}/incidents/${r.incidentId}`,
    summary,
  });
  return entries;
}

async function expectOutageInSummary(r: Reading, status: IncidentStatus, bodies: string[]) {
  const summary = await fetchSummary(r.page, r.base, r.locale);
  const incident = summary.incidents.find((i) => i.id === r.incidentId);
  expect(incident?.status).toBe(status);
  expect(incident?.name).toBe(declaration.title[r.locale]);
  expect(incident?.incident_updates.map((u) => u.body)).toEqual(bodies);
  expect(incident?.components.map((c) => [c.id, c.status]).sort()).toEqual([
    [radius, 'partial_outage'],
    [sbc, 'major_outage'],
  ]);
  const statusOf = (id: string) => summary.components.find((c) => c.id === id)?.status;
  expect(statusOf(sipTrunk)).toBe('major_outage');
  expect(statusOf(dslAccess)).toBe('partial_outage');
  expect(summary.status.indicator).toBe('critical');
}

/** A German reader on the status page follows the language switch and gets it in English. */
async function switchToEnglish(r: Reading) {
  expect(r.locale).toBe('de');
  await Promise.all([
    r.page.waitForURL(`${r.base}/?lang=en`),
    r.page.getByRole('link', { name: r.t('lang.switch') }).click(),
  ]);
  expect(await r.page.getAttribute('html', 'lang')).toBe('en');
  expect(await bannerText(r.page)).toBe(translator('en')('banner.major_outage'));
}

function incidentFlow(kind: StoreKind, getBrowser: () => Browser) {
  let app: AppUnderTest;
  let operatorContext: BrowserContext;
  let operator: Page;
  let incidentId = '';

  beforeAll(async () => {
    app = await startAppUnderTest(kind);
    operatorContext = await getBrowser().newContext({ locale: 'de-DE', viewport: desktop });
    operator = await operatorContext.newPage();
  });
  afterAll(async () => {
    await operatorContext?.close();
    await app?.close();
  });

  function componentName(id: string) {
    const component = app.catalog.components.find((c) => c.id === id);
    if (!component) throw new Error(`the demo catalog has no component "${id}"`);
    return component.name;
  }

  /** Runs `read` once per language, each time as a new reader (see asReader). */
  async function eachReader(read: (r: Reading) => Promise<void>) {
    expect(incidentId, 'an incident declared in an earlier step').not.toBe('');
    for (const locale of locales) {
      await asReader(getBrowser(), locale, (page) =>
        read({
          page,
          locale,
          t: translator(locale),
          base: app.base,
          incidentId,
          name: (id) => pick(componentName(id), locale),
        }),
      );
    }
  }

  it('the demo catalog has the dependencies the scenario relies on', () => {
    const dependsOn = (id: string) => app.catalog.components.find((c) => c.id === id)?.dependsOn;
    expect(dependsOn(sipTrunk)).toContain(sbc);
    expect(dependsOn(dslAccess)).toContain(radius);
    expect(dependsOn(bystander)).toEqual([]);
  });

  it('the operator signs in and lands in the console', { timeout: stepTimeout }, async () => {
    await signIn(operator, app.base, operatorAccount);
    expect(new URL(operator.url()).pathname).toBe('/console');
    expect(await operator.getByRole('link', { name: operatorAccount.email }).count()).toBe(1);
  });

  it('declares an incident on two components', { timeout: stepTimeout }, async () => {
    incidentId = await declareIncident(operator, app.base, app.catalog, declaration);
  });

  it('status page, incident page, history, feed and summary.json show the outage', {
    timeout: stepTimeout,
  }, async () => {
    await eachReader(async (r) => {
      await expectOutageOnStatusPage(r, declaration.message[r.locale]);
      if (r.locale === 'de' && kind === 'sqlite' && process.env.DIALTONE_SCREENSHOT === '1') {
        await r.page.screenshot({ path: screenshotFile });
      }
      await visit(r.page, `${r.base}/incidents/${incidentId}`, r.locale);
      expect(await r.page.getByRole('heading', { level: 1 }).textContent()).toBe(declaration.title[r.locale]);
      await visit(r.page, `${r.base}/history`, r.locale);
      const link = r.page.getByRole('link', { name: declaration.title[r.locale], exact: true });
      expect(await link.count()).toBe(1);
      await expectFeedEntry(r, 'investigating', declaration.message[r.locale]);
      await expectOutageInSummary(r, 'investigating', [declaration.message[r.locale]]);
      if (r.locale === 'de') {
        // Last: the switch stores English in this reader's cookie.
        await visit(r.page, `${r.base}/`, r.locale);
        await switchToEnglish(r);
      }
    });
  });

  it('a public update reaches readers in their language; the internal note stays inside', {
    timeout: stepTimeout,
  }, async () => {
    await postUpdate(operator, incidentId, identified);
    await postUpdate(operator, incidentId, internalNote);
    const marker = translator('de')('console.incidents.internalMarker');
    expect(await operator.getByText(marker).count(), 'internal updates in the console').toBe(1);

    const internalTexts = [internalNote.message.de, internalNote.message.en];
    await eachReader(async (r) => {
      const { page, locale, t } = r;
      await visit(page, `${r.base}/incidents/${incidentId}`, locale);
      const entries = page.locator('ol.tl > li');
      expect(await entries.count(), 'public updates on the incident page').toBe(2);
      const newest = entries.first();
      expect((await newest.locator('.st').textContent())?.trim()).toBe(t('incidentStatus.identified'));
      expect((await newest.locator('.md').textContent())?.trim()).toBe(identified.message[locale]);
      const html = await page.content();
      expect(html).not.toContain(identified.message[locale === 'de' ? 'en' : 'de']);
      for (const text of internalTexts) expect(html).not.toContain(text);

      await expectOutageOnStatusPage(r, identified.message[locale]);
      expect(await page.content()).not.toContain(internalNote.message[locale]);
      const feed = await expectFeedEntry(r, 'identified', identified.message[locale]);
      for (const text of internalTexts) expect(JSON.stringify(feed)).not.toContain(text);
      await expectOutageInSummary(r, 'identified', [identified.message[locale], declaration.message[locale]]);
    });
  });

  it('after "monitoring" and resolving, all is operational and the incident is history', {
    timeout: stepTimeout,
  }, async () => {
    await postUpdate(operator, incidentId, monitoring);
    await eachReader(async (r) => {
      await expectFeedEntry(r, 'monitoring', monitoring.message[r.locale]);
      const summary = await fetchSummary(r.page, r.base, r.locale);
      expect(summary.incidents.find((i) => i.id === incidentId)?.status).toBe('monitoring');
    });
    await resolveIncident(operator, incidentId, resolution);

    await eachReader(async (r) => {
      const { page, locale, t } = r;
      await visit(page, `${r.base}/`, locale);
      expect(await bannerText(page)).toBe(t('banner.all_operational'));
      expect(await page.getByRole('region', { name: t('public.activeIncidents') }).count()).toBe(0);
      expect((await componentRow(page, r.name(sipTrunk))).status).toBe(t('status.operational'));

      await visit(page, `${r.base}/history`, locale);
      const title = page.getByRole('link', { name: declaration.title[locale], exact: true });
      const item = page.locator('ul.hist > li').filter({ has: title });
      expect((await item.locator('.st').first().textContent())?.trim()).toBe(t('incidentStatus.resolved'));

      await visit(page, `${r.base}/incidents/${incidentId}`, locale);
      const newest = page.locator('ol.tl > li .md').first();
      expect((await newest.textContent())?.trim()).toBe(resolution[locale]);

      const summary = await fetchSummary(page, r.base, locale);
      expect(summary.incidents).toEqual([]);
      expect(summary.status.indicator).toBe('none');
      expect(summary.components.filter((c) => c.status !== 'operational')).toEqual([]);
      await expectFeedEntry(r, 'resolved', resolution[locale]);
    });
  });
}

const chromiumSkip = chromiumSkipReason();
const postgresMissing = postgresAvailable();
const postgresSkip = postgresMissing ? skipOrFail('PostgreSQL', postgresMissing) : null;

describe.skipIf(chromiumSkip !== null)('incident flow in Chromium: console → public pages, feed, API', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('on SQLite', () => incidentFlow('sqlite', () => browser));
  describe.skipIf(postgresSkip !== null)('on PostgreSQL', () => incidentFlow('postgres', () => browser));
});
