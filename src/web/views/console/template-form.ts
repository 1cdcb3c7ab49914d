/**
 * @module The template form (create and edit): name, status, title and body in both languages.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import { type TemplateInput, templateStatuses } from '#src/services/template-rules.ts';
import type { Translate } from '../../i18n/index.ts';
import { csrfField, fieldError, type InputOptions, input, select } from '../forms.ts';
import { type FormData, field, labelledSummary } from './incident-common.ts';
import { templateKind } from './template-list.ts';

export interface TemplateValues {
  name: string;
  status: string;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
}

export function readTemplateValues(data: FormData): TemplateValues {
  return {
    name: field(data, 'name') ?? '',
    status: field(data, 'status') ?? 'investigating',
    title_de: field(data, 'title_de') ?? '',
    title_en: field(data, 'title_en') ?? '',
    body_de: field(data, 'body_de') ?? '',
    body_en: field(data, 'body_en') ?? '',
  };
}

export function templateValuesOf(tpl: TemplateView): TemplateValues {
  return {
    name: tpl.name,
    status: tpl.status,
    title_de: tpl.title.de,
    title_en: tpl.title.en,
    body_de: tpl.body.de,
    body_en: tpl.body.en,
  };
}

export function templateInput(v: TemplateValues): TemplateInput {
  return {
    name: v.name,
    status: v.status,
    title: { de: v.title_de, en: v.title_en },
    body: { de: v.body_de, en: v.body_en },
  };
}

export function renderTemplateForm(o: {
  t: Translate;
  csrf: string;
  /** Where the form posts: `/console/templates` or `/console/templates/<id>`. */
  action: string;
  values: TemplateValues;
  errors: readonly FieldError[];
  submitLabel: string;
}): string {
  const { t, values: v, errors } = o;
  const labels: Record<keyof TemplateValues, string> = {
    name: t('console.templates.field.name'),
    status: t('console.templates.field.status'),
    title_de: t('console.templates.field.title_de'),
    title_en: t('console.templates.field.title_en'),
    body_de: t('console.templates.field.body_de'),
    body_en: t('console.templates.field.body_en'),
  };
  const text = (name: keyof TemplateValues, extra: Partial<InputOptions> = {}) =>
    input({ name, label: labels[name], value: v[name], error: fieldError(t, errors, name), ...extra });
  const parts = [
    csrfField(o.csrf),
    labelledSummary(t, errors, (p) => labels[p as keyof TemplateValues]),
    text('name', { hint: t('console.templates.hint.name') }),
    select({
      name: 'status',
      label: labels.status,
      value: v.status,
      error: fieldError(t, errors, 'status'),
      options: templateStatuses.map((s) => ({ value: s, label: templateKind(t, s) })),
    }),
    text('title_de', { hint: t('console.templates.hint.title') }),
    text('title_en'),
    text('body_de', { multiline: true, rows: 8, hint: t('console.incidents.hint.markdown') }),
    text('body_en', { multiline: true, rows: 8 }),
  ];
  return html`<form method="post" action="${o.action}" novalidate>!${parts.join('')}<p><button type="submit" class="primary">${o.submitLabel}</button> <a href="/console/templates">${t('console.templates.cancel')}</a></p></form>`;
}
