/**
 * @module Reading the inbox's forms and queries: the filter from the query string, the declare
 * fields, and a refused action turned into what the page shows again (the values typed, the
 * per-field errors with 400, or "changed meanwhile" with 409).
 */
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import type { ReportFilter } from '#src/services/list-reports.ts';
import { isReportState } from '#src/services/report-transition.ts';
import { type Translate, translateLoose } from '../../i18n/index.ts';
import { type FormData, field, fieldList, formData, pageParam } from './incident-common.ts';
import type { FormState } from './report-common.ts';

/** The form's fields as plain strings (repeated names joined by commas), for re-rendering. */
function valuesOf(body: unknown): Record<string, string> {
  const data = formData(body);
  return Object.fromEntries(
    Object.keys(data)
      .filter((k) => k !== '_csrf')
      .map((k) => [k, fieldList(data, k).join(',')]),
  );
}

/** A refusal the page can show: per-field (400) or "changed meanwhile" (409); else rethrown. */
export function refusalOf(t: Translate, e: unknown, body: unknown): { form: FormState; status: number } {
  if (!(e instanceof DialtoneError)) throw e;
  const values = valuesOf(body);
  if (e.code === 'validation_failed') {
    const errors = renameFields(e.fields).map((f) =>
      f.params ? { ...f, params: stateWords(t, f.params) } : f,
    );
    return { form: { values, errors }, status: 400 };
  }
  if (e.code === 'invalid_transition' || e.code === 'conflict') {
    return {
      form: { values, errors: [], alert: translateLoose(t, e.key, stateWords(t, e.params)) },
      status: 409,
    };
  }
  throw e;
}

/** Report states in error parameters (`from`, `to`, `state`) in the reader's words, not codes. */
function stateWords(t: Translate, params: Record<string, string | number>): Record<string, string | number> {
  const out = { ...params };
  for (const k of ['from', 'to', 'state']) {
    const v = out[k];
    if (isReportState(v)) out[k] = t(`console.reports.state.${v}`);
  }
  return out;
}

/** declareIncident names `components[0].status`; the form has one status for all components. */
const renameFields = (fields: readonly FieldError[]): FieldError[] =>
  fields.map((f) => (/^components\[\d+\]\.status$/.test(f.path) ? { ...f, path: 'componentStatus' } : f));

export function filterOf(query: unknown): ReportFilter & { page: number } {
  const q = formData(query);
  const state = field(q, 'state') ?? '';
  return {
    queue: field(q, 'queue') || undefined,
    state: isReportState(state) || state === 'all' ? state : 'open',
    serviceId: field(q, 'service') || undefined,
    assigneeId: field(q, 'assignee') || undefined,
    page: pageParam(field(q, 'page')),
  };
}

export function declareFields(body: FormData) {
  return {
    title: { de: field(body, 'title_de') ?? '', en: field(body, 'title_en') ?? '' },
    message: { de: field(body, 'message_de') ?? '', en: field(body, 'message_en') ?? '' },
    componentStatus: field(body, 'componentStatus') || undefined,
    // One cloud name per line (docs/PARTNERS.md); none: the incident concerns every cloud.
    clouds: (field(body, 'clouds') ?? '').split(/[\s,;]+/).filter(Boolean),
  };
}
