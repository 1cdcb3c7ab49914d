/**
 * @module The "declare an incident" form: reading it (from a POST body or a template-picker GET),
 * turning it into the verb's input, mapping the verb's `components[i]` errors back to the
 * component's own select, and rendering it with kept values and per-field errors.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import {
  incidentImpacts,
  isIncidentStatus,
  openIncidentStatuses,
  type UpdateVisibility,
  updateVisibilities,
} from '#src/domain/incident.ts';
import type { DeclareIncidentInput } from '#src/services/incident-declaration.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Catalog, CatalogComponent } from '#src/services/load-catalog.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { csrfField, fieldError, type InputOptions, input, select } from '../forms.ts';
import { type FormData, field, labelledSummary, optionsOf } from './incident-common.ts';
import { templatePicker } from './template-picker.ts';

/** What an incident may set on a component (operational means "not affected" here). */
export const affectedStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;

export interface DeclareValues {
  title_de: string;
  title_en: string;
  impact: string;
  status: string;
  visibility: string;
  message_de: string;
  message_en: string;
  /** Component id → status, '' for not affected. */
  components: Record<string, string>;
  /** Cloud names the incident concerns, one per line ('' = every cloud). */
  clouds: string;
}

const componentPrefix = 'component.';

/** Component statuses sent as `component.<id>`, catalog order first, then anything else sent. */
export function readComponentStatuses(data: FormData, catalogIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of catalogIds) out[id] = field(data, `${componentPrefix}${id}`) ?? '';
  for (const key of Object.keys(data)) {
    const id = key.slice(componentPrefix.length);
    // A component removed from the catalog meanwhile: keep it so the verb names it.
    if (key.startsWith(componentPrefix) && !(id in out)) out[id] = field(data, key) ?? '';
  }
  return out;
}

export function readDeclareValues(data: FormData, catalogIds: readonly string[]): DeclareValues {
  return {
    title_de: field(data, 'title_de') ?? '',
    title_en: field(data, 'title_en') ?? '',
    impact: field(data, 'impact') ?? '',
    status: field(data, 'status') ?? 'investigating',
    visibility: field(data, 'visibility') ?? 'public',
    message_de: field(data, 'message_de') ?? '',
    message_en: field(data, 'message_en') ?? '',
    components: readComponentStatuses(data, catalogIds),
    clouds: field(data, 'clouds') ?? '',
  };
}

/** Affected components in form order (the verb's error indexes refer to this order). */
export function affectedList(components: Record<string, string>) {
  return Object.entries(components)
    .filter(([, status]) => status !== '')
    .map(([componentId, status]) => ({ componentId, status }));
}

export function declareInput(v: DeclareValues): DeclareIncidentInput {
  return {
    title: { de: v.title_de, en: v.title_en },
    impact: v.impact === '' ? undefined : v.impact,
    status: v.status,
    components: affectedList(v.components),
    message: { de: v.message_de, en: v.message_en },
    visibility: v.visibility as UpdateVisibility,
    clouds: v.clouds.split(/[\s,;]+/).filter(Boolean),
  };
}

/** Checks the verb does not make for us: the visibility of the first message. */
export function checkVisibility(visibility: string): FieldError[] {
  return (updateVisibilities as readonly string[]).includes(visibility)
    ? []
    : [{ path: 'visibility', key: 'error.invalidValue', params: { value: visibility } }];
}

/** `components[2].status` → `component.<id of the third affected component>`. */
export function toComponentFields(errors: readonly FieldError[], order: readonly string[]): FieldError[] {
  return errors.map((e) => {
    const m = /^components\[(\d+)\]\.(?:status|componentId)$/.exec(e.path);
    const id = m ? order[Number(m[1])] : undefined;
    return id === undefined ? e : { ...e, path: `${componentPrefix}${id}` };
  });
}

/** Title, message and (for an open status) status from a template; the rest stays as entered. */
export function applyTemplateToDeclare(v: DeclareValues, tpl: TemplateView): DeclareValues {
  const hasTitle = tpl.title.de !== '' || tpl.title.en !== '';
  return {
    ...v,
    ...(hasTitle ? { title_de: tpl.title.de, title_en: tpl.title.en } : {}),
    message_de: tpl.body.de,
    message_en: tpl.body.en,
    status: isIncidentStatus(tpl.status) && tpl.status !== 'resolved' ? tpl.status : v.status,
  };
}

export interface DeclareFormOptions {
  t: Translate;
  locale: Locale;
  csrf: string;
  catalog: Pick<Catalog, 'components' | 'groups'>;
  templates: readonly TemplateView[];
  templateId?: string | undefined;
  templateMissing?: boolean;
  values: DeclareValues;
  errors: readonly FieldError[];
}

export function renderDeclareForm(o: DeclareFormOptions): string {
  const { t, values: v, errors } = o;
  const err = (path: string) => fieldError(t, errors, path);
  const names = new Map(o.catalog.components.map((c) => [c.id, pick(c.name, o.locale)]));
  const labels: Record<string, string> = {
    title_de: t('console.incidents.field.title_de'),
    title_en: t('console.incidents.field.title_en'),
    impact: t('console.incidents.field.impact'),
    status: t('console.incidents.field.status'),
    visibility: t('console.incidents.field.visibility'),
    message_de: t('console.incidents.field.firstMessage_de'),
    message_en: t('console.incidents.field.firstMessage_en'),
    components: t('console.incidents.field.components'),
    clouds: t('partner.clouds.label'),
  };
  const labelOf = (path: string) => labels[path] ?? names.get(path.slice(componentPrefix.length));
  // The template replaces the message, so it does not ride along (it may be long for a URL).
  const carried = new Set(['title_de', 'title_en', 'impact', 'status', 'visibility', 'clouds']);
  const carry = {
    ...Object.fromEntries(Object.entries(v).filter(([k]) => carried.has(k))),
    ...Object.fromEntries(Object.entries(v.components).map(([id, s]) => [`${componentPrefix}${id}`, s])),
  } as Record<string, string>;
  const picker = templatePicker({
    t,
    locale: o.locale,
    action: '/console/incidents/new',
    templates: o.templates,
    selected: o.templateId,
    missing: o.templateMissing ?? false,
    carry,
  });
  const impactOptions = [
    { value: '', label: t('console.incidents.impactAuto') },
    ...optionsOf(t, incidentImpacts, 'impact.'),
  ];
  const text = (name: keyof DeclareValues & keyof typeof labels, extra: Partial<InputOptions> = {}) =>
    input({ name, label: labels[name]!, value: v[name] as string, error: err(name), ...extra });
  const parts = [
    csrfField(o.csrf),
    labelledSummary(t, errors, labelOf),
    text('title_de'),
    text('title_en', { hint: t('console.incidents.hint.otherLanguage') }),
    componentFieldset(o, err, v.components),
    text('clouds', { multiline: true, rows: 3, hint: t('partner.clouds.hint') }),
    select({
      name: 'impact',
      label: labels.impact!,
      value: v.impact,
      error: err('impact'),
      options: impactOptions,
    }),
    select({
      name: 'status',
      label: labels.status!,
      value: v.status,
      error: err('status'),
      options: optionsOf(t, openIncidentStatuses, 'incidentStatus.'),
    }),
    text('message_de', { multiline: true, rows: 6, hint: t('console.incidents.hint.markdown') }),
    text('message_en', { multiline: true, rows: 6 }),
    visibilitySelect(t, v.visibility, err('visibility')),
  ];
  return html`!${picker}<form method="post" action="/console/incidents" class="incident-form" novalidate>!${parts.join('')}<p><button type="submit" class="primary">${t('console.incidents.submitDeclare')}</button> <a href="/console/incidents">${t('console.incidents.cancel')}</a></p></form>`;
}

export function visibilitySelect(t: Translate, value: string, error: string, name = 'visibility'): string {
  return html`!${select({ name, label: t('console.incidents.field.visibility'), value, error, options: optionsOf(t, updateVisibilities, 'visibility.') })}<p class="hint">${t('console.incidents.hint.internal')}</p>`;
}

/** One status select per catalog component, grouped as the catalog groups them. */
export function componentFieldset(
  o: { t: Translate; locale: Locale; catalog: Pick<Catalog, 'components' | 'groups'> },
  err: (path: string) => string,
  values: Readonly<Record<string, string>>,
  name = 'components',
): string {
  const { t, locale } = o;
  if (o.catalog.components.length === 0) {
    return html`<p class="error">${t('console.incidents.noComponentsInCatalog')}</p>`;
  }
  const options = [
    { value: '', label: t('console.incidents.notAffected') },
    ...optionsOf(t, affectedStatuses, 'status.'),
  ];
  const row = (c: CatalogComponent) =>
    select({
      name: `${componentPrefix}${c.id}`,
      label: pick(c.name, locale),
      value: values[c.id] ?? '',
      error: err(`${componentPrefix}${c.id}`),
      options,
    });
  const groups: { id: string | null; name?: { de: string; en: string } }[] = [
    ...o.catalog.groups,
    { id: null },
  ];
  const blocks = groups
    .map((g) => {
      const members = o.catalog.components.filter((c) => c.groupId === g.id);
      if (members.length === 0) return '';
      const legend = g.name ? pick(g.name, locale) : t('console.incidents.ungrouped');
      return html`<fieldset class="component-group"><legend>${legend}</legend>!${members.map(row).join('')}</fieldset>`;
    })
    .join('');
  const error = err(name);
  return html`<fieldset class="components${error ? ' has-error' : ''}"><legend>${t('console.incidents.field.components')}</legend><p class="hint">${t('console.incidents.hint.components')}</p>!${error ? html`<p class="error" role="alert">${error}</p>` : ''}!${blocks}</fieldset>`;
}
