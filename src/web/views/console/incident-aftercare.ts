/**
 * @module The incident's "affected & restoration" page in the console: who is affected (counts and
 * a preview from the inventory) with the form to write to them, restoration progress with the
 * forms to mark numbers and lines restored (list or pasted CSV, a whole component, all), and the
 * hotline announcement (what callers hear now, and the operator's own text).
 */
import { html } from 'ghtml';
import type { RestorationProgress } from '#src/domain/affected.ts';
import type { FieldError } from '#src/domain/errors.ts';
import type { AffectedCustomers } from '#src/services/list-affected-customers.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { labelledSummary } from './incident-common.ts';

export interface AftercareOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  incident: IncidentView;
  componentName: (id: string) => string;
  affected: AffectedCustomers;
  progress: RestorationProgress;
  notified: { at: string | null; count: number; follow: boolean };
  announcement: { generated: { de: string; en: string }; own: { de: string; en: string } };
  restorationValues?: { values: string; restored: string };
  restorationErrors?: readonly FieldError[];
  announcementErrors?: readonly FieldError[];
  /** Why writing to the affected was refused (the incident was resolved meanwhile). */
  notifyError?: string;
}

const previewCustomers = 50;

export function renderAftercare(o: AftercareOptions): string {
  const { t, incident } = o;
  return html`<p><a href="/console/incidents/${incident.id}">${t('aftercare.back')}</a></p>!${restoration(o)}!${affected(o)}!${announcement(o)}`;
}

function restoration(o: AftercareOptions): string {
  const { t, progress: p } = o;
  const errors = o.restorationErrors ?? [];
  const values = o.restorationValues ?? { values: '', restored: '1' };
  const components = o.affected.componentIds.map((id) => ({ value: id, label: o.componentName(id) }));
  const state = select({
    name: 'restored',
    label: t('aftercare.restoration.mark'),
    value: values.restored,
    options: [
      { value: '1', label: t('aftercare.restoration.asRestored') },
      { value: '0', label: t('aftercare.restoration.asNotRestored') },
    ],
  });
  const summary =
    p.total === 0
      ? html`<p>${t('aftercare.restoration.none')}</p>`
      : html`<p><progress max="${p.total}" value="${p.restored}" aria-labelledby="restoration-heading"></progress> ${t('restoration.public.progress', { ...p })}</p>`;
  const forms =
    p.total === 0
      ? ''
      : html`!${labelledSummary(t, errors, (path) => (path === 'values' ? t('aftercare.restoration.values') : path === 'componentId' ? t('aftercare.restoration.component') : undefined))}<form method="post" action="/console/incidents/${o.incident.id}/restoration" class="stack">!${csrfField(o.csrf)}<input type="hidden" name="scope" value="values">!${input({ name: 'values', label: t('aftercare.restoration.values'), hint: t('aftercare.restoration.valuesHint'), value: values.values, multiline: true, rows: 6, error: fieldError(t, errors, 'values') })}!${state}<button type="submit">${t('aftercare.restoration.submitList')}</button></form><form method="post" action="/console/incidents/${o.incident.id}/restoration" class="stack">!${csrfField(o.csrf)}<input type="hidden" name="scope" value="component"><input type="hidden" name="restored" value="1">!${select({ name: 'componentId', label: t('aftercare.restoration.component'), options: components, error: fieldError(t, errors, 'componentId') })}<button type="submit">${t('aftercare.restoration.submitComponent')}</button></form><form method="post" action="/console/incidents/${o.incident.id}/restoration" class="inline">!${csrfField(o.csrf)}<input type="hidden" name="scope" value="all"><input type="hidden" name="restored" value="1"><button type="submit">${t('aftercare.restoration.submitAll', { total: p.total })}</button></form>`;
  return html`<section aria-labelledby="restoration-heading"><h2 id="restoration-heading">${t('aftercare.restoration.heading')}</h2>!${summary}!${forms}</section>`;
}

function affected(o: AftercareOptions): string {
  const { t, affected: a, locale, timeZone } = o;
  const rows = a.customers
    .slice(0, previewCustomers)
    .map((c) => {
      const restored = c.resources.filter((r) => r.restored).length;
      const contacts = c.contacts
        .map(
          (k) =>
            html`<li>${k.address} (${t(k.channel === 'email' ? 'aftercare.channel.email' : 'aftercare.channel.sms')})!${k.optedOut ? html` — <strong>${t('aftercare.affected.optedOut')}</strong>` : ''}</li>`,
        )
        .join('');
      return html`<tr><td>${c.externalId}</td><td>${c.name}</td><td>${c.resources.map((r) => r.value).join(', ')}</td><td>${restored} / ${c.resources.length}</td><td>!${contacts ? html`<ul class="plain">!${contacts}</ul>` : t('aftercare.affected.noContact')}</td></tr>`;
    })
    .join('');
  const more =
    a.customers.length > previewCustomers
      ? html`<p>${t('aftercare.affected.more', { shown: previewCustomers, total: a.customers.length })}</p>`
      : '';
  const table =
    a.customers.length === 0
      ? html`<p>${t('aftercare.affected.none')}</p>`
      : html`<table tabindex="0" aria-labelledby="affected-heading"><thead><tr><th scope="col">${t('aftercare.affected.col.customer')}</th><th scope="col">${t('aftercare.affected.col.name')}</th><th scope="col">${t('aftercare.affected.col.resources')}</th><th scope="col">${t('aftercare.affected.col.restored')}</th><th scope="col">${t('aftercare.affected.col.contacts')}</th></tr></thead><tbody>!${rows}</tbody></table>!${more}`;
  const sent = o.notified.at
    ? html`<p>${t('aftercare.notify.sent', { at: formatDateTime(o.notified.at, locale, timeZone), count: o.notified.count })} ${t(o.notified.follow ? 'aftercare.notify.following' : 'aftercare.notify.notFollowing')}</p>`
    : '';
  const form =
    a.totals.reachable === 0 || o.incident.resolvedAt
      ? ''
      : html`<form method="post" action="/console/incidents/${o.incident.id}/notify-affected" class="stack">!${csrfField(o.csrf)}<div class="field checkbox"><input type="checkbox" id="f-follow" name="follow" value="1"!${o.notified.follow || !o.notified.at ? ' checked' : ''}><label for="f-follow">${t('aftercare.notify.follow')}</label></div><button type="submit">${t(o.notified.at ? 'aftercare.notify.submitAgain' : 'aftercare.notify.submit', { count: a.totals.reachable })}</button></form>`;
  const totals = t('aftercare.affected.totals', { ...a.totals });
  const refused = o.notifyError
    ? html`<div class="error-summary" role="alert"><p>${o.notifyError}</p></div>`
    : '';
  return html`<section aria-labelledby="affected-heading"><h2 id="affected-heading">${t('aftercare.affected.heading')}</h2><p>${totals}</p>!${refused}!${sent}!${form}!${table}</section>`;
}

function announcement(o: AftercareOptions): string {
  const { t } = o;
  const errors = o.announcementErrors ?? [];
  const generated = (lang: 'de' | 'en') =>
    html`<figure><figcaption>${t(lang === 'de' ? 'aftercare.announcement.generatedDe' : 'aftercare.announcement.generatedEn')}</figcaption><blockquote lang="${lang}">${o.announcement.generated[lang] || t('aftercare.announcement.empty')}</blockquote></figure>`;
  return html`<section aria-labelledby="announcement-heading"><h2 id="announcement-heading">${t('aftercare.announcement.heading')}</h2><p>${t('aftercare.announcement.intro')}</p>!${generated('de')}!${generated('en')}!${labelledSummary(t, errors, (path) => (path === 'announcement_de' ? t('aftercare.announcement.ownDe') : path === 'announcement_en' ? t('aftercare.announcement.ownEn') : undefined))}<form method="post" action="/console/incidents/${o.incident.id}/announcement" class="stack">!${csrfField(o.csrf)}!${input({ name: 'announcement_de', label: t('aftercare.announcement.ownDe'), hint: t('aftercare.announcement.ownHint'), value: o.announcement.own.de, multiline: true, rows: 3, error: fieldError(t, errors, 'announcement_de') })}!${input({ name: 'announcement_en', label: t('aftercare.announcement.ownEn'), value: o.announcement.own.en, multiline: true, rows: 3, error: fieldError(t, errors, 'announcement_en') })}<button type="submit">${t('aftercare.announcement.save')}</button></form></section>`;
}
