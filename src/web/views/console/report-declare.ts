/**
 * @module The form that declares an incident from reports: title and first message in both
 * languages and the status of the service's components, prefilled, with the components named.
 * Used on the report page and on the page behind a "possible outage" banner.
 */
import { html } from 'ghtml';
import type { Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { csrfField, input, select } from '../forms.ts';
import { errorOf, type FormState } from './report-common.ts';

export const declareStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;

export interface DeclareFormOptions {
  t: Translate;
  csrf: string;
  action: string;
  /** Names of the components the incident will affect. */
  components: readonly string[];
  /** Prefill when nothing was typed yet. */
  defaults: { title: string; message: string };
  form: FormState;
}

export function renderDeclareFromReportForm(o: DeclareFormOptions): string {
  const { t, form } = o;
  const v = (name: string, fallback = '') => form.values[name] ?? fallback;
  const statuses = declareStatuses.map((s) => ({ value: s, label: translateLoose(t, `status.${s}`) }));
  return html`<form method="post" action="${o.action}">!${csrfField(o.csrf)}<p class="hint">${t('console.reports.declareHint', { components: o.components.join(', ') || '–' })}</p>!${errorOf(t, form, 'components') ? html`<p class="error">${errorOf(t, form, 'components')}</p>` : ''}!${input({ name: 'title_de', label: t('console.reports.field.title_de'), value: v('title_de', o.defaults.title), error: errorOf(t, form, 'title_de') })}!${input({ name: 'title_en', label: t('console.reports.field.title_en'), value: v('title_en'), error: errorOf(t, form, 'title_en') })}!${input({ name: 'message_de', label: t('console.reports.field.message_de'), value: v('message_de', o.defaults.message), multiline: true, rows: 3, error: errorOf(t, form, 'message_de') })}!${input({ name: 'message_en', label: t('console.reports.field.message_en'), value: v('message_en'), multiline: true, rows: 3, error: errorOf(t, form, 'message_en') })}!${select({ name: 'componentStatus', label: t('console.reports.field.componentStatus'), options: statuses, value: v('componentStatus', 'partial_outage'), error: errorOf(t, form, 'componentStatus') })}!${input({ name: 'clouds', label: t('partner.clouds.label'), hint: t('partner.clouds.hint'), value: v('clouds'), multiline: true, rows: 2, error: errorOf(t, form, 'clouds') })}<p><button type="submit" class="primary">${t('console.reports.declare')}</button></p></form>`;
}
