/**
 * @module The incident page in the console: summary, affected components, the forms to post an
 * update and to resolve (while open), and the whole timeline including internal updates.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import {
  bilingualMessage,
  componentNamer,
  componentStatusBadge,
  incidentStatusBadge,
} from './incident-common.ts';
import {
  type ResolveValues,
  renderResolveForm,
  renderUpdateForm,
  type UpdateValues,
} from './incident-update-form.ts';
import { templatePicker } from './template-picker.ts';

export interface IncidentDetailOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  incident: IncidentView;
  catalog: Pick<Catalog, 'components' | 'groups'>;
  templates: readonly TemplateView[];
  templateId?: string | undefined;
  templateMissing?: boolean;
  update: UpdateValues;
  resolve: ResolveValues;
  updateErrors?: readonly FieldError[];
  resolveErrors?: readonly FieldError[];
  /** Shown when the incident changed under the operator (resolved meanwhile). */
  conflict?: { message: string; text: { de: string; en: string } } | undefined;
  /** The "clouds affected" block (views/console/incident-clouds.ts), already rendered. */
  cloudsBlock?: string | undefined;
}

export function renderIncidentDetail(o: IncidentDetailOptions): string {
  const forms = o.incident.resolvedAt === null ? updateSections(o) : '';
  const t = o.t;
  return html`<p><a href="/console/incidents">${t('console.incidents.back')}</a></p>!${summary(o)}!${o.cloudsBlock ?? ''}<p><a href="/console/incidents/${o.incident.id}/aftercare">${t('aftercare.link')}</a></p>!${conflictNotice(o)}!${forms}!${timeline(o)}`;
}

function updateSections(o: IncidentDetailOptions): string {
  const { t, incident } = o;
  const picker = templatePicker({
    t,
    locale: o.locale,
    action: `/console/incidents/${incident.id}`,
    templates: o.templates,
    selected: o.templateId,
    missing: o.templateMissing ?? false,
    carry: { visibility: o.update.visibility },
  });
  const update = renderUpdateForm({ ...o, values: o.update, errors: o.updateErrors ?? [] });
  const resolve = renderResolveForm({ ...o, values: o.resolve, errors: o.resolveErrors ?? [] });
  return html`<section class="incident-update" aria-labelledby="update-heading"><h2 id="update-heading">${t('console.incidents.updateHeading')}</h2>!${picker}!${update}</section><section class="incident-resolve" aria-labelledby="resolve-heading"><h2 id="resolve-heading">${t('console.incidents.resolveHeading')}</h2>!${resolve}</section>`;
}

function summary(o: IncidentDetailOptions): string {
  const { t, incident: i, locale, timeZone } = o;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const name = componentNamer(o.catalog.components, locale);
  const components = i.components
    .map((c) => html`<li>${name(c.componentId)} !${componentStatusBadge(t, c.status)}</li>`)
    .join('');
  const resolved = i.resolvedAt
    ? html`<dt>${t('console.incidents.col.resolvedAt')}</dt><dd>${when(i.resolvedAt)}</dd>`
    : '';
  return html`<dl class="summary"><dt>${t('console.incidents.col.status')}</dt><dd>!${incidentStatusBadge(t, i.status)}</dd><dt>${t('console.incidents.col.impact')}</dt><dd>${translateLoose(t, `impact.${i.impact}`)}</dd><dt>${t('console.incidents.col.started')}</dt><dd>${when(i.createdAt)}</dd><dt>${t('console.incidents.col.updated')}</dt><dd>${when(i.updatedAt)}</dd>!${resolved}</dl><section aria-labelledby="components-heading"><h2 id="components-heading">${t('console.incidents.field.components')}</h2><ul class="component-statuses">!${components}</ul></section>`;
}

function conflictNotice(o: IncidentDetailOptions): string {
  const c = o.conflict;
  if (!c) return '';
  const typed = [c.text.de, c.text.en].filter((x) => x.trim() !== '');
  return html`<div class="error-summary conflict" role="alert"><p>${c.message}</p>!${typed.length > 0 ? html`<details><summary>${o.t('console.incidents.yourText')}</summary>!${typed.map((x) => html`<pre>${x}</pre>`).join('')}</details>` : ''}</div>`;
}

function timeline(o: IncidentDetailOptions): string {
  const { t, locale, timeZone } = o;
  const entries = o.incident.updates
    .map(
      (u) =>
        html`<li class="timeline-entry${u.visibility === 'internal' ? ' internal' : ''}"><p class="meta">!${incidentStatusBadge(t, u.status)} <time datetime="${u.createdAt}">${formatDateTime(u.createdAt, locale, timeZone)}</time> · ${t('console.incidents.by', { author: u.author })}!${u.visibility === 'internal' ? html` · <strong class="internal-marker">${t('console.incidents.internalMarker')}</strong>` : ''}</p>!${bilingualMessage(t, locale, u.body, 'console.incidents.otherLanguage')}</li>`,
    )
    .join('');
  return html`<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">${t('console.incidents.timeline')}</h2><ol class="timeline">!${entries}</ol></section>`;
}
