/**
 * @module The "clouds affected" block of the console's incident page: which clouds the incident
 * names (none: every cloud) and, while it is open, the form to change the list.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { Translate } from '../../i18n/index.ts';
import { csrfField, fieldError, input } from '../forms.ts';

export interface IncidentCloudsBlock {
  t: Translate;
  csrf: string;
  incidentId: string;
  open: boolean;
  clouds: readonly string[];
  /** What the operator typed, when the form came back refused. */
  typed?: string | undefined;
  errors?: readonly FieldError[];
}

export function renderIncidentClouds(o: IncidentCloudsBlock): string {
  const t = o.t;
  const list =
    o.clouds.length === 0
      ? html`<p>${t('partner.clouds.none')}</p>`
      : html`<ul>!${o.clouds.map((c) => html`<li>${c}</li>`).join('')}</ul>`;
  const form = o.open
    ? html`<form method="post" action="/console/incidents/${o.incidentId}/clouds" novalidate>!${csrfField(o.csrf)}!${input({ name: 'clouds', label: t('partner.clouds.label'), value: o.typed ?? o.clouds.join('\n'), multiline: true, rows: 3, hint: t('partner.clouds.hint'), error: fieldError(t, o.errors ?? [], 'clouds') })}<p><button type="submit">${t('partner.clouds.save')}</button></p></form>`
    : '';
  return html`<section class="incident-clouds" aria-labelledby="clouds-heading"><h2 id="clouds-heading">${t('partner.clouds.title')}</h2>!${list}!${form}</section>`;
}
