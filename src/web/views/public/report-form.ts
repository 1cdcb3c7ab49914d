/**
 * @module The public outage report form. Without a chosen service it asks for one (a GET form, so
 * it works without JavaScript); with one it shows the reporter's fields, the service's identifiers
 * per the catalog, the description, consent with the retention period, a hidden submission key
 * and a honeypot. Everything typed comes back with its error beside it.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { type IdentifierSpec, otherServiceId, reporterKinds } from '#src/domain/report.ts';
import type { Bilingual } from '#src/services/views.ts';
import { pick } from '../format.ts';
import { controlId, csrfField, fieldError, input } from '../forms.ts';
import { renderPublicPage } from './layout.ts';
import type { Reader } from './parts.ts';

export interface FormService {
  id: string;
  name: Bilingual;
  reporters: string[];
  identifiers: IdentifierSpec[];
}

export interface ReportFormData {
  services: FormService[];
  service: FormService | undefined;
  /** What the reader typed (or the link prefilled), by field name. */
  values: Record<string, string>;
  errors: FieldError[];
  csrf: string;
  submissionKey: string;
  retentionDays: number;
  url: string;
  /** The signed-in partner: reports as partner (any service); absent, the reader is an end customer. */
  partner?: { email: string; company: string } | undefined;
}

export const honeypotField = 'website';

const hidden = (name: string, value: string | undefined) =>
  value ? html`<input type="hidden" name="${name}" value="${value}">` : '';

/** Partners report signed in; the way there comes back to this very form. */
const signInLink = (r: Reader, d: ReportFormData) =>
  d.partner
    ? ''
    : html`<p class="hint"><a href="/console/login?next=${encodeURIComponent(d.url)}">${r.t('partner.report.signInLink')}</a></p>`;

function chooser(r: Reader, d: ReportFormData): string {
  if (d.services.length === 0) return html`<p>${r.t('report.noServices')}</p>`;
  const error = fieldError(r.t, d.errors, 'service');
  const items = d.services.map((s) => {
    const note = s.reporters.includes('customer')
      ? ''
      : html` <span class="hint">(${r.t('report.partnersOnly')})</span>`;
    return html`<li><label><input type="radio" name="service" value="${s.id}" required> ${pick(s.name, r.locale)}!${note}</label></li>`;
  });
  return html`<form method="get" action="/report" class="report"><fieldset class="field${error ? ' has-error' : ''}"><legend>${r.t('report.chooseService')}</legend>!${error ? html`<p class="error">${error}</p>` : ''}<ul class="plain">!${items.join('')}</ul></fieldset>!${hidden('symptom', d.values.symptom)}!${hidden('path', d.values.path)}<button type="submit">${r.t('report.continue')}</button></form>`;
}

/**
 * Who reports is the account's fact, not a choice: a signed-in partner reports as partner, anyone
 * else as an end customer (a partner is offered the way to sign in).
 */
function reporterKind(r: Reader, d: ReportFormData): string {
  const error = fieldError(r.t, d.errors, 'reporterKind');
  const id = controlId('reporterKind');
  if (d.partner) {
    return html`<p id="${id}"><input type="hidden" name="reporterKind" value="partner">${r.t('partner.report.asPartner', d.partner)}</p>`;
  }
  const allowed = d.service?.reporters ?? [...reporterKinds];
  // The only kind left to choose is taken unless the form came back with something else.
  const chosen = d.values.reporterKind || 'customer';
  const options = reporterKinds
    .filter((k) => k === 'customer' && allowed.includes(k))
    .map(
      (k) =>
        html`<li><label><input type="radio" name="reporterKind" value="${k}" required!${chosen === k ? ' checked' : ''}> ${r.t(`report.kind.${k}`)}</label></li>`,
    );
  return html`<fieldset id="${id}" class="field${error ? ' has-error' : ''}"><legend>${r.t('report.field.reporterKind')}</legend>!${error ? html`<p class="error">${error}</p>` : ''}<ul class="plain">!${options.join('')}</ul>!${signInLink(r, d)}</fieldset>`;
}

function identifierFields(r: Reader, d: ReportFormData, service: FormService): string {
  return service.identifiers
    .map((spec) => {
      const name = `identifiers.${spec.key}`;
      const hint = pick({ de: spec.hint_de, en: spec.hint_en }, r.locale);
      return input({
        name,
        label: pick({ de: spec.label_de, en: spec.label_en }, r.locale),
        value: d.values[name] ?? '',
        required: spec.required,
        ...(hint ? { hint } : {}),
        error: fieldError(r.t, d.errors, name),
      });
    })
    .join('');
}

function consent(r: Reader, d: ReportFormData): string {
  const error = fieldError(r.t, d.errors, 'consent');
  const id = controlId('consent');
  return html`<div class="field check${error ? ' has-error' : ''}">!${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}<label><input type="checkbox" id="${id}" name="consent" value="yes" required!${d.values.consent === 'yes' ? ' checked' : ''}> ${r.t('report.field.consent', { days: d.retentionDays })}</label></div>`;
}

/** The errors at the top, each linking to its field and named by the field's label. */
function summary(r: Reader, d: ReportFormData, labels: Map<string, string>): string {
  if (d.errors.length === 0) return '';
  const items = d.errors.map(
    (e) =>
      html`<li><a href="#${controlId(e.path)}">${labels.get(e.path) ?? e.path}</a>: ${fieldError(r.t, [e], e.path)}</li>`,
  );
  return html`<div class="error-summary" role="alert"><p>${r.t('error.validationFailed')}</p><ul>!${items.join('')}</ul></div>`;
}

function fullForm(r: Reader, d: ReportFormData, service: FormService): string {
  const t = r.t;
  const v = (name: string) => d.values[name] ?? '';
  const field = (name: string, type: 'text' | 'email' | 'tel', autocomplete: string, extra = {}) =>
    input({
      name,
      label: t(`report.field.${name}` as 'report.field.company'),
      value: v(name),
      type,
      required: true,
      autocomplete,
      error: fieldError(t, d.errors, name),
      ...extra,
    });
  const labelKeys = {
    company: 'report.field.company',
    firstName: 'report.field.firstName',
    lastName: 'report.field.lastName',
    email: 'report.field.email',
    phone: 'report.field.phone',
    reporterKind: 'report.field.reporterKind',
    service: 'report.field.service',
    serviceOther: 'report.field.serviceOther',
    description: 'report.field.description',
    consent: 'report.field.consentShort',
  } as const;
  const labels = new Map<string, string>([
    ...Object.entries(labelKeys).map(([k, key]): [string, string] => [k, t(key)]),
    ...service.identifiers.map((s): [string, string] => [
      `identifiers.${s.key}`,
      pick({ de: s.label_de, en: s.label_en }, r.locale),
    ]),
  ]);
  const other =
    service.id === otherServiceId
      ? input({
          name: 'serviceOther',
          label: t('report.field.serviceOther'),
          value: v('serviceOther'),
          required: true,
          error: fieldError(t, d.errors, 'serviceOther'),
        })
      : '';
  const serviceError = fieldError(t, d.errors, 'service');
  return html`!${summary(r, d, labels)}<form method="post" action="/report" class="report" novalidate>!${csrfField(d.csrf)}<input type="hidden" name="submissionKey" value="${d.submissionKey}"><input type="hidden" name="service" value="${service.id}">!${hidden('symptom', d.values.symptom)}!${hidden('path', d.values.path)}
<fieldset><legend>${t('report.section.reporter')}</legend>!${field('company', 'text', 'organization')}!${field('firstName', 'text', 'given-name')}!${field('lastName', 'text', 'family-name')}!${field('email', 'email', 'email')}!${field('phone', 'tel', 'tel', { hint: t('report.field.phoneHint') })}!${reporterKind(r, d)}</fieldset>
<fieldset><legend>${t('report.section.outage')}</legend><p id="${controlId('service')}"><strong>${t('report.field.service')}:</strong> ${pick(service.name, r.locale)} · <a href="/report">${t('report.changeService')}</a></p>!${serviceError ? html`<p class="error">${serviceError}</p>` : ''}!${other}!${identifierFields(r, d, service)}!${input({ name: 'description', label: t('report.field.description'), hint: t('report.field.descriptionHint'), value: v('description'), multiline: true, rows: 6, required: true, error: fieldError(t, d.errors, 'description') })}</fieldset>
<div class="hp" aria-hidden="true"><label for="${controlId(honeypotField)}">${t('report.field.honeypot')}</label><input type="text" id="${controlId(honeypotField)}" name="${honeypotField}" value="" tabindex="-1" autocomplete="off"></div>
!${consent(r, d)}<button type="submit">${t('report.submit')}</button></form>`;
}

export function renderReportForm(r: Reader, d: ReportFormData): string {
  const main = d.service ? fullForm(r, d, d.service) : chooser(r, d);
  // Once a service is chosen, the reporter fieldset says who reports.
  const who = d.service
    ? ''
    : d.partner
      ? html`<p>${r.t('partner.report.asPartner', d.partner)}</p>`
      : signInLink(r, d);
  const body = html`<h1>${r.t('report.title')}</h1><p>${r.t('report.intro')}</p>!${who}!${main}`;
  return renderPublicPage(r, { title: r.t('report.title'), section: 'none', body, url: d.url });
}
