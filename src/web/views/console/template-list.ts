/**
 * @module The template list: name, the status it is for, title, and actions (use, edit, delete).
 * An empty list offers the standard set.
 */
import { html } from 'ghtml';
import { isIncidentStatus } from '#src/domain/incident.ts';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { csrfField } from '../forms.ts';

export interface TemplateListOptions {
  t: Translate;
  locale: Locale;
  csrf: string;
  templates: readonly TemplateView[];
}

/** "Incident: Investigating" / "Maintenance: Scheduled". */
export function templateKind(t: Translate, status: string): string {
  return isIncidentStatus(status)
    ? t('console.templates.kind.incident', { status: translateLoose(t, `incidentStatus.${status}`) })
    : t('console.templates.kind.maintenance', { status: translateLoose(t, `maintenanceStatus.${status}`) });
}

/** Where a template is put to use: a new incident, the incident it resolves, or a new window. */
function useLink(t: Translate, tpl: TemplateView): string {
  if (tpl.status === 'resolved') return '';
  return isIncidentStatus(tpl.status)
    ? html`<a href="/console/incidents/new?template=${tpl.id}">${t('console.templates.useIncident')}</a>`
    : html`<a href="/console/maintenance/new?template=${tpl.id}">${t('console.templates.useMaintenance')}</a>`;
}

export function renderTemplateList(o: TemplateListOptions): string {
  const { t, locale } = o;
  const create = html`<p><a class="button primary" href="/console/templates/new">${t('console.templates.new')}</a></p>`;
  if (o.templates.length === 0) {
    return html`!${create}<p>${t('console.templates.empty')}</p><form method="post" action="/console/templates/standard">!${csrfField(o.csrf)}<p class="hint">${t('console.templates.addStandardHint')}</p><button type="submit">${t('console.templates.addStandard')}</button></form>`;
  }
  const rows = o.templates
    .map(
      (tpl) =>
        html`<tr><td><a href="/console/templates/${tpl.id}">${tpl.name}</a></td><td>${templateKind(t, tpl.status)}</td><td>${pick(tpl.title, locale)}</td><td class="actions">!${useLink(t, tpl)} <a href="/console/templates/${tpl.id}">${t('console.templates.editLink')}</a> <a href="/console/templates/${tpl.id}/delete">${t('console.templates.delete')}</a></td></tr>`,
    )
    .join('');
  return html`!${create}<table><thead><tr><th scope="col">${t('console.templates.field.name')}</th><th scope="col">${t('console.templates.field.status')}</th><th scope="col">${t('console.templates.col.title')}</th><th scope="col">${t('console.templates.col.actions')}</th></tr></thead><tbody>!${rows}</tbody></table>`;
}

/** Deleting asks once more (no JavaScript confirm): a page with the name and one button. */
export function renderTemplateDelete(o: { t: Translate; csrf: string; template: TemplateView }): string {
  const { t, template } = o;
  return html`<p>${t('console.templates.confirmDeleteText')}</p><form method="post" action="/console/templates/${template.id}/delete">!${csrfField(o.csrf)}<p><button type="submit" class="danger">${t('console.templates.confirmDelete', { name: template.name })}</button> <a href="/console/templates">${t('console.templates.cancel')}</a></p></form>`;
}
