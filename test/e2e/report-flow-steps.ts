/**
 * @module Steps of the report scenario (report-flow.test.ts) as people take them: the customer
 * and the partner on public pages, the admin and the operator in the console. Fields are found by
 * their visible labels from the message catalogs; every page a step lands on is checked with
 * axe-core and must not scroll sideways.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Locale, translator } from '#src/web/i18n/index.ts';
import { seriousAxeViolations } from '../support/browser.ts';

/** The self-check tree the scenario walks (demo catalog, service `cloud`). */
export const phonesTree = {
  id: 'phones-unregistered',
  title: {
    de: 'Telefone sind nicht mehr angemeldet und nicht erreichbar',
    en: 'Phones are no longer registered and cannot be reached',
  },
};

/** axe-core finds nothing serious or critical, and nothing is wider than the window. */
export async function checkPage(page: Page, name: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Follows a link by its name and waits for the page it leads to. */
export async function follow(page: Page, name: string, url: RegExp | string) {
  await Promise.all([page.waitForURL(url), page.getByRole('link', { name, exact: true }).click()]);
}

/** The customer's walk: symptom → "UNREACHABLE in the log? yes" → fix it yourself. */
export async function customerFixesItHimself(page: Page, base: string, locale: Locale) {
  await page.goto(`${base}/self-check`);
  await checkPage(page, 'self-check list');
  await follow(page, phonesTree.title[locale], new RegExp(`/self-check/${phonesTree.id}$`));
  await checkPage(page, 'first question');
  await follow(page, locale === 'de' ? 'Ja' : 'Yes', /\?a=0$/);
  const t = translator(locale);
  expect(await page.locator('p.st').textContent()).toBe(t('triage.outcome.fix_yourself'));
  expect(await page.textContent('h1')).toBe(
    locale === 'de' ? 'NAT-Timeout der Firewall erhöhen' : "Raise the firewall's NAT timeout",
  );
  expect(await page.textContent('main')).toContain(locale === 'de' ? '61 Minuten' : '61 minutes');
  await checkPage(page, 'fix-it-yourself outcome');
}

export interface Invitee {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  locale: Locale;
}

/** The admin invites from the users area and copies the link the page shows once. */
export async function invitePartner(page: Page, base: string, p: Invitee): Promise<string> {
  const t = translator('de');
  await page.goto(`${base}/console/users`);
  await follow(page, t('partner.console.manage'), `${base}/console/users/partners`);
  await checkPage(page, 'console partners page');
  const form = page.getByRole('region', { name: t('partner.console.invite') });
  await form.getByLabel(t('console.field.email')).fill(p.email);
  await form.getByLabel(t('partner.console.firstName')).fill(p.firstName);
  await form.getByLabel(t('partner.console.lastName')).fill(p.lastName);
  await form.getByLabel(t('partner.console.company')).fill(p.company);
  await form.getByLabel(t('partner.console.locale')).selectOption(p.locale);
  await Promise.all([
    page.waitForLoadState(),
    form.getByRole('button', { name: t('partner.console.inviteSubmit') }).click(),
  ]);
  await page.getByRole('heading', { name: t('partner.console.linkTitle') }).waitFor();
  await checkPage(page, 'console partners page with the link');
  return page.getByLabel(t('partner.console.linkLabel')).inputValue();
}

/** The invitee opens the link, sets a password and lands in the partner area. */
export async function acceptInvitation(page: Page, link: string, password: string, locale: Locale) {
  const t = translator(locale);
  await page.goto(link);
  expect(await page.textContent('h1')).toBe(t('partner.accept.title'));
  await checkPage(page, 'invitation page');
  await page.getByLabel(t('console.field.password'), { exact: true }).fill(password);
  await page.getByLabel(t('console.field.passwordConfirm')).fill(password);
  await Promise.all([
    page.waitForURL(/\/partner$/),
    page.getByRole('button', { name: t('partner.accept.submit') }).click(),
  ]);
  expect(await page.textContent('h1')).toBe(t('partner.area.title'));
  await checkPage(page, 'partner area');
}

/** The operator declares an incident on the cloud platform that names one cloud only. */
export async function declareCloudIncident(
  page: Page,
  base: string,
  d: { title: { de: string; en: string }; message: { de: string; en: string }; cloud: string },
): Promise<string> {
  const t = translator('de');
  await page.goto(`${base}/console/incidents/new`);
  await page.getByLabel(t('console.incidents.field.title_de')).fill(d.title.de);
  await page.getByLabel(t('console.incidents.field.title_en')).fill(d.title.en);
  await page
    .getByLabel('Cloud-Telefonanlagen', { exact: true })
    .selectOption({ label: t('status.major_outage') });
  await page.getByLabel(t('partner.clouds.label')).fill(d.cloud);
  await page.getByLabel(t('console.incidents.field.firstMessage_de')).fill(d.message.de);
  await page.getByLabel(t('console.incidents.field.firstMessage_en')).fill(d.message.en);
  await Promise.all([
    page.waitForURL(/\/console\/incidents\/[0-9a-z]+\?notice=declared$/),
    page.getByRole('button', { name: t('console.incidents.submitDeclare') }).click(),
  ]);
  await checkPage(page, 'console incident page with clouds');
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/** From the report inbox, the operator links the ticket to the incident. */
export async function linkReport(page: Page, base: string, ticket: string, incidentId: string) {
  const t = translator('de');
  await page.goto(`${base}/console/reports`);
  await follow(page, ticket, /\/console\/reports\/[^/?]+$/);
  await page.getByLabel(t('console.reports.field.incident')).selectOption(incidentId);
  await Promise.all([
    page.waitForURL(/\/console\/reports\/[^/?]+\?notice=linked$/),
    page.getByRole('button', { name: t('console.reports.link'), exact: true }).click(),
  ]);
}
