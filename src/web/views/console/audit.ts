/**
 * @module The audit log page: a filter form (GET, so a filtered view can be bookmarked), the
 * entries newest first with time in the viewer's zone, and page links that keep the filter.
 * Details are shown as compact JSON, escaped like everything else.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { AuditEntry, AuditPage } from '#src/services/list-audit-log.ts';
import { type Translate, translateLoose } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { input } from '../forms.ts';

import { renderConsolePage } from './layout.ts';

export interface AuditFilterValues {
  action: string;
  actor: string;
  subject: string;
}

/** Console pages a subject links to (others show as text). */
const subjectHref: Record<string, (id: string) => string> = {
  incident: (id) => `/console/incidents/${encodeURIComponent(id)}`,
  maintenance: (id) => `/console/maintenance/${encodeURIComponent(id)}`,
  user: (id) => `/console/users#user-${encodeURIComponent(id)}`,
};

function query(filter: AuditFilterValues, page: number): string {
  const params = new URLSearchParams();
  if (filter.action) params.set('action', filter.action);
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.subject) params.set('subject', filter.subject);
  if (page > 1) params.set('page', String(page));
  const q = params.toString();
  return q ? `/console/audit?${q}` : '/console/audit';
}

function filterForm(t: Translate, f: AuditFilterValues): string {
  return html`<form method="get" action="/console/audit" class="filters" role="search">!${input({ name: 'action', label: t('console.audit.filterAction'), value: f.action, hint: t('console.audit.filterActionHint') })}!${input({ name: 'actor', label: t('console.audit.filterActor'), value: f.actor })}!${input({ name: 'subject', label: t('console.audit.filterSubject'), value: f.subject })}<p><button type="submit">${t('console.audit.filter')}</button> <a href="/console/audit">${t('console.audit.clear')}</a></p></form>`;
}

function subjectCell(t: Translate, e: AuditEntry, isAdmin: boolean): string {
  const type = translateLoose(t, `console.audit.subjectType.${e.subjectType}`);
  if (!e.subjectId) return html`${type}`;
  const href = subjectHref[e.subjectType];
  const linked = href && (e.subjectType !== 'user' || isAdmin);
  return linked
    ? html`${type} <a href="${href(e.subjectId)}"><code>${e.subjectId}</code></a>`
    : html`${type} <code>${e.subjectId}</code>`;
}

function entryRow(request: FastifyRequest, e: AuditEntry, isAdmin: boolean): string {
  const t = request.t;
  const detail = Object.keys(e.detail).length > 0 ? JSON.stringify(e.detail) : '';
  return html`<tr><td><time datetime="${e.at}">${formatDateTime(e.at, request.locale, request.timeZone)}</time></td><td>${e.actorLabel} <span class="hint">${translateLoose(t, `console.audit.actorType.${e.actorType}`)}</span></td><td><code>${e.action}</code></td><td>!${subjectCell(t, e, isAdmin)}</td><td>!${detail ? html`<code class="detail">${detail}</code>` : ''}</td></tr>`;
}

function pager(t: Translate, page: AuditPage, filter: AuditFilterValues): string {
  if (page.pages <= 1) return '';
  const newer =
    page.page > 1
      ? html`<a href="${query(filter, page.page - 1)}" rel="prev">${t('console.audit.newer')}</a>`
      : '';
  const older =
    page.page < page.pages
      ? html`<a href="${query(filter, page.page + 1)}" rel="next">${t('console.audit.older')}</a>`
      : '';
  return html`<nav class="pager" aria-label="${t('console.audit.pages')}">!${newer} !${older}</nav>`;
}

export function renderAuditPage(
  request: FastifyRequest,
  reply: FastifyReply,
  v: { page: AuditPage; filter: AuditFilterValues; isAdmin: boolean },
): string {
  const t = request.t;
  const { page } = v;
  const rows = page.entries.map((e) => entryRow(request, e, v.isAdmin));
  const table =
    rows.length === 0
      ? html`<p>${t('console.audit.empty')}</p>`
      : html`<table class="audit"><thead><tr><th scope="col">${t('console.audit.time')}</th><th scope="col">${t('console.audit.actor')}</th><th scope="col">${t('console.audit.action')}</th><th scope="col">${t('console.audit.subject')}</th><th scope="col">${t('console.audit.detail')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`;
  const summary = t('console.audit.summary', { total: page.total, page: page.page, pages: page.pages });
  const body = html`<p class="hint">${t('console.audit.intro')}</p>!${filterForm(t, v.filter)}<p>${summary}</p>!${table}!${pager(t, page, v.filter)}`;
  return renderConsolePage(request, reply, { title: t('console.audit.title'), section: 'audit', body });
}
