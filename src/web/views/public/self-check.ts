/**
 * @module Self-check pages, part 1: the list of symptoms grouped by service, and the tree's first
 * page that shows what is "already known" on its service before the first question. Plain links
 * only: works without script and survives the back button (everything is in the URL).
 */
import { html } from 'ghtml';
import type { TriageTree } from '#src/domain/triage.ts';
import type { Bilingual, IncidentView, MaintenanceView } from '#src/services/views.ts';
import { pick } from '../format.ts';
import { renderPublicPage } from './layout.ts';
import { incidentStatusBadge, maintenanceStatusBadge, type Reader } from './parts.ts';

export interface SymptomGroup {
  service: { id: string; name: Bilingual };
  trees: TriageTree[];
}

export const treeHref = (tree: TriageTree) => `/self-check/${encodeURIComponent(tree.id)}`;
/** The first question (an empty answer path), past the "already known" page. */
export const firstQuestionHref = (tree: TriageTree) => `${treeHref(tree)}?a=`;

export function renderSelfCheckList(r: Reader, groups: readonly SymptomGroup[], url: string): string {
  const t = r.t;
  const sections = groups.map(
    (g) =>
      html`<section class="sc-group"><h3>${pick(g.service.name, r.locale)}</h3><ul class="plain">!${g.trees.map((tree) => html`<li><a href="${treeHref(tree)}">${pick(tree.title, r.locale)}</a></li>`).join('')}</ul></section>`,
  );
  const body = html`<h1>${t('triage.heading')}</h1><p>${t('triage.intro')}</p><h2>${t('triage.chooseSymptom')}</h2>!${sections.length > 0 ? sections.join('') : html`<p>${t('triage.noTrees')}</p>`}`;
  return renderPublicPage(r, { title: t('triage.title'), section: 'self-check', body, url });
}

export interface KnownIssues {
  serviceName: Bilingual;
  incidents: IncidentView[];
  maintenances: MaintenanceView[];
}

/** The subscribe form with the components of the known incidents and maintenance preselected. */
function subscribeHref(known: KnownIssues): string {
  const ids = new Set([
    ...known.incidents.flatMap((i) => i.components.map((c) => c.componentId)),
    ...known.maintenances.flatMap((m) => m.componentIds),
  ]);
  const query = new URLSearchParams([...ids].map((id) => ['component', id])).toString();
  return query ? `/subscribe?${query}` : '/subscribe';
}

/** The "already known" page: open incidents and running maintenance on the tree's service. */
export function renderKnownIssues(r: Reader, tree: TriageTree, known: KnownIssues, url: string): string {
  const t = r.t;
  const service = pick(known.serviceName, r.locale);
  const incidents = known.incidents.map(
    (i) =>
      html`<li><a href="/incidents/${encodeURIComponent(i.id)}">${pick(i.title, r.locale)}</a> <span class="meta">${t('triage.known.incident')}</span> !${incidentStatusBadge(r, i.status)}</li>`,
  );
  const maintenances = known.maintenances.map(
    (m) =>
      html`<li><a href="/maintenance/${encodeURIComponent(m.id)}">${pick(m.title, r.locale)}</a> <span class="meta">${t('triage.known.maintenance')}</span> !${maintenanceStatusBadge(r, m.status)}</li>`,
  );
  const body = html`!${crumb(r)}<h1>${pick(tree.title, r.locale)}</h1><section class="card sc-known" aria-labelledby="sc-known-h"><h2 id="sc-known-h">${t('triage.known.heading')}</h2><p>${t('triage.known.intro', { service })}</p><ul class="plain">!${[...incidents, ...maintenances].join('')}</ul><p><a href="${subscribeHref(known)}">${t('triage.known.subscribe')}</a></p></section><p><a class="sc-go" href="${firstQuestionHref(tree)}">${t('triage.known.different')}</a></p>`;
  return renderPublicPage(r, { title: pick(tree.title, r.locale), section: 'self-check', body, url });
}

/** "All self-checks" link above every page of a tree. */
export const crumb = (r: Reader) =>
  html`<p class="meta"><a href="/self-check">${r.t('triage.allSymptoms')}</a></p>`;
