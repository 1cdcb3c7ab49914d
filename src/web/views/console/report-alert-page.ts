/**
 * @module The page behind a "possible outage" banner: how many reports, on which service, and
 * the declare form prefilled with the service's components; declaring links those reports.
 */
import { html } from 'ghtml';
import type { ReportAlertView } from '#src/services/list-report-alerts.ts';
import type { Translate } from '../../i18n/index.ts';
import { alertBox, errorOf, type FormState } from './report-common.ts';
import { renderDeclareFromReportForm } from './report-declare.ts';

export interface AlertDeclarePageOptions {
  t: Translate;
  csrf: string;
  alert: ReportAlertView;
  serviceName: string;
  componentNames: readonly string[];
  form: FormState;
}

export function renderAlertDeclarePage(o: AlertDeclarePageOptions): string {
  const { t, alert } = o;
  const handled = alert.state === 'declared' || alert.state === 'dismissed';
  const form = handled
    ? alertBox(t('console.reports.error.alertHandled', { state: alert.state }))
    : renderDeclareFromReportForm({
        t,
        csrf: o.csrf,
        action: `/console/reports/alerts/${alert.id}/declare`,
        components: o.componentNames,
        defaults: {
          title: t('console.reports.defaultTitle', { service: o.serviceName }),
          message: t('console.reports.defaultMessage', { service: o.serviceName }),
        },
        form: o.form,
      });
  return html`<p><a href="/console/reports?service=${alert.serviceId}">${t('console.reports.alert.show')}</a></p>!${alertBox(o.form.alert || errorOf(t, o.form, 'reportIds'))}!${form}`;
}
