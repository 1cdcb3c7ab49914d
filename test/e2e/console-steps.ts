/**
 * @module What the operator does in the console, as a person does it: fields found by their
 * visible labels (German, the console's default language), buttons by their names, and each
 * step waits for the page the form redirects to. The labels come from the message catalogs, so
 * a reworded label does not break the test, while a field that loses its label does.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Catalog } from '#src/services/load-catalog.ts';
import { type MessageKey, translator } from '#src/web/i18n/index.ts';

const t = translator('de');

export interface Bilingual {
  de: string;
  en: string;
}

/** The one-line notice a redirect shows (`?notice=…`), which tells the step succeeded. */
async function expectNotice(page: Page, key: MessageKey) {
  expect((await page.getByRole('status').textContent())?.trim()).toBe(t(key));
}

export async function signIn(page: Page, base: string, account: { email: string; password: string }) {
  await page.goto(`${base}/console/login`);
  await page.getByLabel(t('console.field.email')).fill(account.email);
  await page.getByLabel(t('console.field.password')).fill(account.password);
  await Promise.all([
    page.waitForURL(`${base}/console`),
    page.getByRole('button', { name: t('console.login.submit') }).click(),
  ]);
}

export interface Declaration {
  title: Bilingual;
  message: Bilingual;
  /** Component id → status value (`major_outage`, …). */
  components: Record<string, 'degraded_performance' | 'partial_outage' | 'major_outage'>;
}

/** Fills and sends the declare form (from the dashboard's button); returns the new incident's id. */
export async function declareIncident(page: Page, base: string, catalog: Catalog, d: Declaration) {
  await Promise.all([
    page.waitForURL(`${base}/console/incidents/new`),
    page.getByRole('link', { name: t('console.dashboard.declare') }).click(),
  ]);
  await page.getByLabel(t('console.incidents.field.title_de')).fill(d.title.de);
  await page.getByLabel(t('console.incidents.field.title_en')).fill(d.title.en);
  for (const [id, status] of Object.entries(d.components)) {
    const component = catalog.components.find((c) => c.id === id);
    if (!component) throw new Error(`the demo catalog has no component "${id}"`);
    await page.getByLabel(component.name.de, { exact: true }).selectOption({ label: t(`status.${status}`) });
  }
  await page.getByLabel(t('console.incidents.field.firstMessage_de')).fill(d.message.de);
  await page.getByLabel(t('console.incidents.field.firstMessage_en')).fill(d.message.en);
  await Promise.all([
    page.waitForURL(/\/console\/incidents\/[0-9a-z]+\?notice=declared$/),
    page.getByRole('button', { name: t('console.incidents.submitDeclare') }).click(),
  ]);
  await expectNotice(page, 'console.incidents.notice.declared');
  expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(d.title.de);
  const id = new URL(page.url()).pathname.split('/').at(-1);
  if (!id) throw new Error(`no incident id in ${page.url()}`);
  return id;
}

export interface Update {
  status: 'investigating' | 'identified' | 'monitoring';
  visibility: 'public' | 'internal';
  message: Bilingual;
}

/** Posts an update from the incident's console page (which the operator is on). */
export async function postUpdate(page: Page, incidentId: string, u: Update) {
  const form = page.getByRole('region', { name: t('console.incidents.updateHeading') });
  await form
    .getByLabel(t('console.incidents.field.status'), { exact: true })
    .selectOption({ label: t(`incidentStatus.${u.status}`) });
  await form.getByLabel(t('console.incidents.field.message_de')).fill(u.message.de);
  await form.getByLabel(t('console.incidents.field.message_en')).fill(u.message.en);
  await form
    .getByLabel(t('console.incidents.field.visibility'))
    .selectOption({ label: t(`visibility.${u.visibility}`) });
  await Promise.all([
    page.waitForURL(new RegExp(`/console/incidents/${incidentId}\\?notice=updated$`)),
    form.getByRole('button', { name: t('console.incidents.submitUpdate') }).click(),
  ]);
  await expectNotice(page, 'console.incidents.notice.updated');
}

export async function resolveIncident(page: Page, incidentId: string, message: Bilingual) {
  const form = page.getByRole('region', { name: t('console.incidents.resolveHeading') });
  await form.getByLabel(t('console.incidents.field.message_de')).fill(message.de);
  await form.getByLabel(t('console.incidents.field.message_en')).fill(message.en);
  await Promise.all([
    page.waitForURL(new RegExp(`/console/incidents/${incidentId}\\?notice=resolved$`)),
    form.getByRole('button', { name: t('console.incidents.submitResolve') }).click(),
  ]);
  await expectNotice(page, 'console.incidents.notice.resolved');
}
