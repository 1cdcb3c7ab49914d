/**
 * @module The two forms on an open incident: post an update (status, message, visibility,
 * optionally new component statuses and impact) and resolve. The resolve form's fields are
 * named `resolve.*` so that both forms can sit on one page with distinct ids; the verb's error
 * paths are mapped onto them.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { incidentImpacts, isIncidentStatus, openIncidentStatuses } from '#src/domain/incident.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { PostIncidentUpdateInput } from '#src/services/post-incident-update.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { type FormData, field, labelledSummary, optionsOf } from './incident-common.ts';
import { affectedList, componentFieldset, readComponentStatuses, visibilitySelect } from './incident-form.ts';

export interface UpdateValues {
  status: string;
  visibility: string;
  message_de: string;
  message_en: string;
  /** '' keeps the incident's impact. */
  impact: string;
  /** Only when ticked are the component statuses below sent to the verb. */
  change_components: boolean;
  components: Record<string, string>;
}

export interface ResolveValues {
  message_de: string;
  message_en: string;
  visibility: string;
}

export const resolvePrefix = 'resolve.';

export function readUpdateValues(
  data: FormData,
  incident: IncidentView,
  catalogIds: readonly string[],
): UpdateValues {
  const sentComponents = Object.keys(data).some((k) => k.startsWith('component.'));
  const current: Record<string, string> = Object.fromEntries(catalogIds.map((id) => [id, '']));
  for (const c of incident.components) current[c.componentId] = c.status;
  return {
    status: field(data, 'status') ?? (incident.status === 'resolved' ? 'investigating' : incident.status),
    visibility: field(data, 'visibility') ?? 'public',
    message_de: field(data, 'message_de') ?? '',
    message_en: field(data, 'message_en') ?? '',
    impact: field(data, 'impact') ?? '',
    change_components: field(data, 'change_components') === '1',
    components: sentComponents ? readComponentStatuses(data, catalogIds) : current,
  };
}

/** An update may move between open statuses; resolving has its own form (and message). */
export function checkUpdate(v: UpdateValues): FieldError[] {
  return (openIncidentStatuses as readonly string[]).includes(v.status)
    ? []
    : [{ path: 'status', key: 'error.invalidValue', params: { value: v.status } }];
}

export function updateInput(incidentId: string, v: UpdateValues): PostIncidentUpdateInput {
  return {
    incidentId,
    status: v.status,
    message: { de: v.message_de, en: v.message_en },
    visibility: v.visibility,
    impact: v.impact === '' ? undefined : v.impact,
    components: v.change_components ? affectedList(v.components) : undefined,
  };
}

export function readResolveValues(data: FormData, template: TemplateView | undefined): ResolveValues {
  return {
    message_de: field(data, `${resolvePrefix}message_de`) ?? template?.body.de ?? '',
    message_en: field(data, `${resolvePrefix}message_en`) ?? template?.body.en ?? '',
    visibility: field(data, `${resolvePrefix}visibility`) ?? 'public',
  };
}

/** The verb's `message_de` is the resolve form's `resolve.message_de`. */
export const toResolveFields = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, path: `${resolvePrefix}${e.path}` }));

/** A picked template fills the message, and the status if it is an open one. */
export function applyTemplateToUpdate(v: UpdateValues, tpl: TemplateView): UpdateValues {
  const open = isIncidentStatus(tpl.status) && tpl.status !== 'resolved';
  return { ...v, message_de: tpl.body.de, message_en: tpl.body.en, status: open ? tpl.status : v.status };
}

interface FormOptions<V> {
  t: Translate;
  locale: Locale;
  csrf: string;
  incident: IncidentView;
  catalog: Pick<Catalog, 'components' | 'groups'>;
  values: V;
  errors: readonly FieldError[];
}

export function renderUpdateForm(o: FormOptions<UpdateValues>): string {
  const { t, values: v, errors } = o;
  const err = (path: string) => fieldError(t, errors, path);
  const labels: Record<string, string> = {
    status: t('console.incidents.field.status'),
    impact: t('console.incidents.field.impact'),
    message_de: t('console.incidents.field.message_de'),
    message_en: t('console.incidents.field.message_en'),
    visibility: t('console.incidents.field.visibility'),
    components: t('console.incidents.field.components'),
  };
  const names = new Map(o.catalog.components.map((c) => [`component.${c.id}`, c.name[o.locale] || c.id]));
  const impactOptions = [
    {
      value: '',
      label: t('console.incidents.impactKeep', { impact: translateLoose(t, `impact.${o.incident.impact}`) }),
    },
    ...optionsOf(t, incidentImpacts, 'impact.'),
  ];
  const componentErrors = errors.some((e) => e.path === 'components' || e.path.startsWith('component.'));
  const parts = [
    csrfField(o.csrf),
    labelledSummary(t, errors, (p) => labels[p] ?? names.get(p)),
    select({
      name: 'status',
      label: labels.status!,
      value: v.status,
      error: err('status'),
      options: optionsOf(t, openIncidentStatuses, 'incidentStatus.'),
    }),
    input({
      name: 'message_de',
      label: labels.message_de!,
      value: v.message_de,
      error: err('message_de'),
      multiline: true,
      hint: t('console.incidents.hint.markdown'),
    }),
    input({
      name: 'message_en',
      label: labels.message_en!,
      value: v.message_en,
      error: err('message_en'),
      multiline: true,
    }),
    visibilitySelect(t, v.visibility, err('visibility')),
    html`<details class="change-components"${v.change_components || componentErrors ? ' open' : ''}><summary>${t('console.incidents.changeComponents')}</summary><div class="field"><label><input type="checkbox" name="change_components" value="1"${v.change_components ? ' checked' : ''}> ${t('console.incidents.changeComponentsConfirm')}</label></div>!${componentFieldset(o, err, v.components)}!${select({ name: 'impact', label: labels.impact!, value: v.impact, error: err('impact'), options: impactOptions })}</details>`,
  ];
  return html`<form method="post" action="/console/incidents/${o.incident.id}/updates" novalidate>!${parts.join('')}<p><button type="submit" class="primary">${t('console.incidents.submitUpdate')}</button></p></form>`;
}

export function renderResolveForm(o: FormOptions<ResolveValues>): string {
  const { t, values: v, errors } = o;
  const err = (path: string) => fieldError(t, errors, `${resolvePrefix}${path}`);
  const labels: Record<string, string> = {
    message_de: t('console.incidents.field.message_de'),
    message_en: t('console.incidents.field.message_en'),
    visibility: t('console.incidents.field.visibility'),
  };
  const parts = [
    csrfField(o.csrf),
    labelledSummary(t, errors, (p) => labels[p.slice(resolvePrefix.length)]),
    html`<p class="hint">${t('console.incidents.resolveHint')}</p>`,
    input({
      name: `${resolvePrefix}message_de`,
      label: labels.message_de!,
      value: v.message_de,
      error: err('message_de'),
      multiline: true,
      hint: t('console.incidents.hint.markdown'),
    }),
    input({
      name: `${resolvePrefix}message_en`,
      label: labels.message_en!,
      value: v.message_en,
      error: err('message_en'),
      multiline: true,
    }),
    visibilitySelect(t, v.visibility, err('visibility'), `${resolvePrefix}visibility`),
  ];
  return html`<form method="post" action="/console/incidents/${o.incident.id}/resolve" novalidate>!${parts.join('')}<p><button type="submit">${t('console.incidents.submitResolve')}</button></p></form>`;
}
