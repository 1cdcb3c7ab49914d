/**
 * @module The maintenance page in the console: window, components, the buttons for the moves the
 * state machine allows from here (with an optional message), and the timeline.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import {
  assertMaintenanceTransition,
  type MaintenanceStatus,
  maintenanceStatuses,
} from '#src/domain/maintenance.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { MaintenanceView } from '#src/services/views.ts';
import type { Locale, MessageKey, Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { csrfField, fieldError, input } from '../forms.ts';
import {
  bilingualMessage,
  componentNamer,
  labelledSummary,
  maintenanceStatusBadge,
} from './incident-common.ts';
import { formatWindow } from './maintenance-list.ts';

/** The moves `assertMaintenanceTransition` allows from a status, in the state machine's order. */
export function allowedTransitions(from: string): MaintenanceStatus[] {
  return maintenanceStatuses.filter((to) => {
    try {
      assertMaintenanceTransition(from, to);
      return true;
    } catch {
      return false;
    }
  });
}

/** Button text for a move; going back from verifying to in progress is "resume", not "start". */
export function actionKey(from: string, to: MaintenanceStatus): MessageKey {
  switch (to) {
    case 'in_progress':
      return from === 'verifying' ? 'console.maintenance.action.resume' : 'console.maintenance.action.start';
    case 'verifying':
      return 'console.maintenance.action.verify';
    case 'completed':
      return 'console.maintenance.action.complete';
    case 'cancelled':
      return 'console.maintenance.action.cancel';
    default:
      return 'console.maintenance.action.start';
  }
}

export interface MaintenanceDetailOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  maintenance: MaintenanceView;
  catalog: Pick<Catalog, 'components'>;
  message: { de: string; en: string };
  errors: readonly FieldError[];
  conflict?: string | undefined;
}

export function renderMaintenanceDetail(o: MaintenanceDetailOptions): string {
  const { t } = o;
  const conflict = o.conflict
    ? html`<div class="error-summary conflict" role="alert"><p>${o.conflict}</p></div>`
    : '';
  return html`<p><a href="/console/maintenance">${t('console.maintenance.back')}</a></p>!${summary(o)}!${conflict}!${transitions(o)}!${timeline(o)}`;
}

function summary(o: MaintenanceDetailOptions): string {
  const { t, maintenance: m, locale, timeZone } = o;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, timeZone) : '–');
  const name = componentNamer(o.catalog.components, locale);
  const components = m.componentIds.map((id) => html`<li>${name(id)}</li>`).join('');
  return html`<dl class="summary"><dt>${t('console.maintenance.col.status')}</dt><dd>!${maintenanceStatusBadge(t, m.status)}</dd><dt>${t('console.maintenance.col.window')}</dt><dd>${formatWindow(m, locale, timeZone)}</dd><dt>${t('console.maintenance.startedAt')}</dt><dd>${when(m.startedAt)}</dd><dt>${t('console.maintenance.completedAt')}</dt><dd>${when(m.completedAt)}</dd></dl><section aria-labelledby="components-heading"><h2 id="components-heading">${t('console.maintenance.field.componentIds')}</h2><ul>!${components}</ul></section>`;
}

function transitions(o: MaintenanceDetailOptions): string {
  const { t, maintenance: m, errors } = o;
  const next = allowedTransitions(m.status);
  if (next.length === 0) return html`<p>${t('console.maintenance.noActions')}</p>`;
  const labels: Record<string, string> = {
    message_de: t('console.maintenance.field.updateMessage_de'),
    message_en: t('console.maintenance.field.updateMessage_en'),
  };
  const buttons = next
    .map(
      (to) =>
        html`<button type="submit" name="status" value="${to}"!${to === 'cancelled' ? ' class="danger"' : ''}>${t(actionKey(m.status, to))}</button>`,
    )
    .join(' ');
  const fields = [
    csrfField(o.csrf),
    html`<input type="hidden" name="from" value="${m.status}">`,
    labelledSummary(t, errors, (p) => labels[p]),
    input({
      name: 'message_de',
      label: labels.message_de!,
      value: o.message.de,
      error: fieldError(t, errors, 'message_de'),
      multiline: true,
      rows: 4,
      hint: t('console.incidents.hint.markdown'),
    }),
    input({
      name: 'message_en',
      label: labels.message_en!,
      value: o.message.en,
      error: fieldError(t, errors, 'message_en'),
      multiline: true,
      rows: 4,
    }),
  ];
  return html`<section aria-labelledby="actions-heading"><h2 id="actions-heading">${t('console.maintenance.actions')}</h2><form method="post" action="/console/maintenance/${m.id}/transition" novalidate>!${fields.join('')}<p class="actions">!${buttons}</p></form></section>`;
}

function timeline(o: MaintenanceDetailOptions): string {
  const { t, locale, timeZone } = o;
  const entries = o.maintenance.updates
    .map(
      (u) =>
        html`<li class="timeline-entry"><p class="meta">!${maintenanceStatusBadge(t, u.status)} <time datetime="${u.createdAt}">${formatDateTime(u.createdAt, locale, timeZone)}</time> · ${t('console.incidents.by', { author: u.author })}</p>!${bilingualMessage(t, locale, u.body, 'console.incidents.otherLanguage')}</li>`,
    )
    .join('');
  return html`<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">${t('console.maintenance.timeline')}</h2><ol class="timeline">!${entries}</ol></section>`;
}
