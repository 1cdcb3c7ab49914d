/**
 * @module Pieces the report inbox pages share: state badges, service names, the form values a
 * page re-renders with, and the "possible outage" banner (also meant for the dashboard).
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { ReportAlertView } from '#src/services/list-report-alerts.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField, fieldError } from '../forms.ts';

/** What a refused form sent (kept and shown again) and why it was refused. */
export interface FormState {
  values: Record<string, string>;
  errors: readonly FieldError[];
  /** A refusal that concerns no single field (e.g. the report was closed meanwhile). */
  alert?: string | undefined;
}

export const emptyForm: FormState = { values: {}, errors: [] };

export const reportStateBadge = (t: Translate, state: string) =>
  html`<span class="badge report-${state}">${translateLoose(t, `console.reports.state.${state}`)}</span>`;

export function serviceNamer(services: Catalog['services'], locale: Locale) {
  const byId = new Map(services.map((s) => [s.id, s]));
  return (id: string) => {
    const s = byId.get(id);
    return s ? pick(s.name, locale) : id;
  };
}

/** The translated error of a field in this form state, or ''. */
export const errorOf = (t: Translate, form: FormState, path: string) => fieldError(t, form.errors, path);

/** A box for a refusal that concerns no field. */
export const alertBox = (message: string | undefined) =>
  message ? html`<div class="error-summary" role="alert"><p>${message}</p></div>` : '';

export interface AlertBannerOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  services: Catalog['services'];
  alerts: readonly ReportAlertView[];
}

/**
 * One banner per open "possible outage" alert: what was reported where and when, with the
 * one-click path to declare (a prefilled form), acknowledge or dismiss.
 */
export function renderReportAlertBanner(o: AlertBannerOptions): string {
  const { t, locale, timeZone } = o;
  const name = serviceNamer(o.services, locale);
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  return o.alerts
    .map((a) => {
      const text = t('console.reports.alert.text', {
        count: a.reportCount,
        service: name(a.serviceId),
        from: when(a.firstReportAt),
        to: when(a.lastReportAt),
      });
      const action = (verb: 'acknowledge' | 'dismiss') =>
        html`<form method="post" action="/console/reports/alerts/${a.id}/handle" class="inline">!${csrfField(o.csrf)}<input type="hidden" name="action" value="${verb}"><button type="submit" class="link">${t(`console.reports.alert.${verb}`)}</button></form>`;
      return html`<section class="error-summary report-alert" role="status" aria-labelledby="alert-${a.id}"><h2 id="alert-${a.id}">${t('console.reports.alert.heading')}</h2><p>${text}</p><p><a class="button primary" href="/console/reports/alerts/${a.id}/declare">${t('console.reports.alert.declare')}</a> <a href="/console/reports?service=${a.serviceId}">${t('console.reports.alert.show')}</a> !${action('acknowledge')} !${action('dismiss')}</p></section>`;
    })
    .join('');
}
