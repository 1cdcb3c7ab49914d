/**
 * @module The "schedule maintenance" form: title, announcement, components, and start and end as
 * `datetime-local` in the viewer's time zone. Reading it turns the local times into instants
 * (DST-aware, see maintenance-time.ts) and reports unusable times per field.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { ScheduleMaintenanceInput } from '#src/services/schedule-maintenance.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { csrfField, fieldError, type InputOptions, input } from '../forms.ts';
import { type FormData, field, fieldList, labelledSummary } from './incident-common.ts';
import { localInputToInstant } from './maintenance-time.ts';
import { templatePicker } from './template-picker.ts';

export interface MaintenanceValues {
  title_de: string;
  title_en: string;
  message_de: string;
  message_en: string;
  componentIds: string[];
  /** As typed: `YYYY-MM-DDTHH:MM` in the viewer's zone. */
  scheduled_start: string;
  scheduled_end: string;
}

/** Field order on the page; the error summary follows it. */
const fieldOrder = [
  'title_de',
  'title_en',
  'componentIds',
  'scheduled_start',
  'scheduled_end',
  'message_de',
  'message_en',
];

export function readMaintenanceValues(data: FormData): MaintenanceValues {
  return {
    title_de: field(data, 'title_de') ?? '',
    title_en: field(data, 'title_en') ?? '',
    message_de: field(data, 'message_de') ?? '',
    message_en: field(data, 'message_en') ?? '',
    componentIds: fieldList(data, 'componentIds'),
    scheduled_start: field(data, 'scheduled_start') ?? '',
    scheduled_end: field(data, 'scheduled_end') ?? '',
  };
}

function instantOf(path: string, value: string, timeZone: string): { iso: string; error?: FieldError } {
  if (value.trim() === '') return { iso: 'invalid', error: { path, key: 'error.required' } };
  const r = localInputToInstant(value, timeZone);
  if (r.ok) return { iso: r.instant.toISOString() };
  const key = r.reason === 'nonexistent' ? 'console.maintenance.error.nonexistentTime' : 'error.invalidDate';
  return { iso: 'invalid', error: { path, key, params: { zone: timeZone } } };
}

/**
 * The verb's input and our own errors about the times. An unusable time goes to the verb as an
 * invalid date, so the verb refuses the whole form (nothing written) and reports the rest.
 */
export function maintenanceInput(
  v: MaintenanceValues,
  timeZone: string,
): { input: ScheduleMaintenanceInput; timeErrors: FieldError[] } {
  const start = instantOf('scheduled_start', v.scheduled_start, timeZone);
  const end = instantOf('scheduled_end', v.scheduled_end, timeZone);
  return {
    input: {
      title: { de: v.title_de, en: v.title_en },
      message: { de: v.message_de, en: v.message_en },
      componentIds: v.componentIds,
      scheduledStart: start.iso,
      scheduledEnd: end.iso,
    },
    timeErrors: [start.error, end.error].filter((e): e is FieldError => e !== undefined),
  };
}

/** Our time errors replace the verb's for the same field; `componentIds[2]` → `componentIds`. */
export function mergeMaintenanceErrors(
  verb: readonly FieldError[],
  times: readonly FieldError[],
): FieldError[] {
  const mapped = verb
    .map((e) => (e.path.startsWith('componentIds[') ? { ...e, path: 'componentIds' } : e))
    .filter((e) => !times.some((x) => x.path === e.path));
  const rank = (e: FieldError) => {
    const i = fieldOrder.indexOf(e.path);
    return i === -1 ? fieldOrder.length : i;
  };
  return [...mapped, ...times].sort((a, b) => rank(a) - rank(b));
}

export function applyTemplateToMaintenance(v: MaintenanceValues, tpl: TemplateView): MaintenanceValues {
  const hasTitle = tpl.title.de !== '' || tpl.title.en !== '';
  return {
    ...v,
    ...(hasTitle ? { title_de: tpl.title.de, title_en: tpl.title.en } : {}),
    message_de: tpl.body.de,
    message_en: tpl.body.en,
  };
}

export interface MaintenanceFormOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  catalog: Pick<Catalog, 'components'>;
  templates: readonly TemplateView[];
  templateId?: string | undefined;
  templateMissing?: boolean;
  values: MaintenanceValues;
  errors: readonly FieldError[];
}

export function renderMaintenanceForm(o: MaintenanceFormOptions): string {
  const { t, values: v, errors } = o;
  const labels: Record<string, string> = {
    title_de: t('console.maintenance.field.title_de'),
    title_en: t('console.maintenance.field.title_en'),
    componentIds: t('console.maintenance.field.componentIds'),
    scheduled_start: t('console.maintenance.field.scheduled_start'),
    scheduled_end: t('console.maintenance.field.scheduled_end'),
    message_de: t('console.maintenance.field.message_de'),
    message_en: t('console.maintenance.field.message_en'),
  };
  const text = (name: Exclude<keyof MaintenanceValues, 'componentIds'>, extra: Partial<InputOptions> = {}) =>
    input({ name, label: labels[name]!, value: v[name], error: fieldError(t, errors, name), ...extra });
  const zoneHint = t('console.maintenance.hint.times', { zone: o.timeZone });
  const picker = templatePicker({
    t,
    locale: o.locale,
    action: '/console/maintenance/new',
    templates: o.templates,
    selected: o.templateId,
    missing: o.templateMissing ?? false,
    carry: { ...v, message_de: '', message_en: '' },
  });
  const parts = [
    csrfField(o.csrf),
    labelledSummary(t, errors, (p) => labels[p]),
    text('title_de'),
    text('title_en', { hint: t('console.incidents.hint.otherLanguage') }),
    componentChecks(o, labels.componentIds!, fieldError(t, errors, 'componentIds')),
    text('scheduled_start', { type: 'datetime-local', hint: zoneHint }),
    text('scheduled_end', { type: 'datetime-local', hint: zoneHint }),
    text('message_de', { multiline: true, rows: 6, hint: t('console.incidents.hint.markdown') }),
    text('message_en', { multiline: true, rows: 6 }),
    html`<p class="hint">${t('console.maintenance.hint.automatic')}</p>`,
  ];
  return html`!${picker}<form method="post" action="/console/maintenance" novalidate>!${parts.join('')}<p><button type="submit" class="primary">${t('console.maintenance.submitSchedule')}</button> <a href="/console/maintenance">${t('console.maintenance.cancel')}</a></p></form>`;
}

function componentChecks(o: MaintenanceFormOptions, legend: string, error: string): string {
  const chosen = new Set(o.values.componentIds);
  const boxes = o.catalog.components
    .map(
      (c) =>
        html`<div class="check"><label><input type="checkbox" name="componentIds" value="${c.id}"${chosen.has(c.id) ? ' checked' : ''}> ${pick(c.name, o.locale)}</label></div>`,
    )
    .join('');
  const empty =
    o.catalog.components.length === 0
      ? html`<p class="error">${o.t('console.incidents.noComponentsInCatalog')}</p>`
      : '';
  return html`<fieldset id="f-componentIds" class="components${error ? ' has-error' : ''}"><legend>${legend}</legend>!${error ? html`<p class="error" role="alert">${error}</p>` : ''}!${empty}!${boxes}</fieldset>`;
}
