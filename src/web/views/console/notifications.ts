/**
 * @module Console pages of the delivery log: the list (GET filter form, so a view can be
 * bookmarked; counts per state; page links keep the filter) and one message with its attempts
 * and, for admins on a dead letter, the "send again" form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { getNotification } from '#src/services/get-notification.ts';
import type { NotificationPage } from '#src/services/list-notifications.ts';
import { retryAttempts } from '#src/services/retry-notification.ts';
import { type Translate, translateLoose } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { csrfField, select } from '../forms.ts';
import { renderConsolePage } from './layout.ts';

export interface NotificationFilterValues {
  state: string;
  kind: string;
  event: string;
}

type Detail = NonNullable<Awaited<ReturnType<typeof getNotification>>>;

/** The words for a stored name; a name without words (a newer event) shows as it is. */
const named = (t: Translate, prefix: string, name: string) => {
  const key = `${prefix}${name}`;
  const words = translateLoose(t, key);
  return words === key ? name : words;
};
const eventName = (t: Translate, event: string) => named(t, 'notifications.event.', event);
const kindName = (t: Translate, kind: string) => named(t, 'notifications.kind.', kind);
const stateBadge = (t: Translate, state: string) =>
  html`<span class="badge notification-${state}">${translateLoose(t, `notifications.state.${state}`)}</span>`;

function listHref(f: NotificationFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  if (page > 1) params.set('page', String(page));
  const q = params.toString();
  return q ? `/console/notifications?${q}` : '/console/notifications';
}

function filterForm(
  t: Translate,
  f: NotificationFilterValues,
  facets: { kinds: string[]; events: string[] },
) {
  const all = { value: '', label: t('notifications.filter.all') };
  const states = ['pending', 'sent', 'dead'].map((s) => ({
    value: s,
    label: translateLoose(t, `notifications.state.${s}`),
  }));
  return html`<form method="get" action="/console/notifications" class="filters" role="search">!${select({ name: 'state', label: t('notifications.filter.state'), options: [all, ...states], value: f.state })}!${select({ name: 'kind', label: t('notifications.filter.kind'), options: [all, ...facets.kinds.map((k) => ({ value: k, label: kindName(t, k) }))], value: f.kind })}!${select({ name: 'event', label: t('notifications.filter.event'), options: [all, ...facets.events.map((e) => ({ value: e, label: eventName(t, e) }))], value: f.event })}<p><button type="submit">${t('notifications.filter.apply')}</button> <a href="/console/notifications">${t('notifications.filter.clear')}</a></p></form>`;
}

export function renderNotificationList(
  request: FastifyRequest,
  reply: FastifyReply,
  v: {
    page: NotificationPage;
    filter: NotificationFilterValues;
    facets: { kinds: string[]; events: string[] };
  },
): string {
  const t = request.t;
  const when = (iso: string) => formatDateTime(iso, request.locale, request.timeZone);
  const { page } = v;
  const counts = t('notifications.counts', {
    pending: page.counts.pending ?? 0,
    sent: page.counts.sent ?? 0,
    dead: page.counts.dead ?? 0,
  });
  const rows = page.items.map(
    (n) =>
      html`<tr><td><time datetime="${n.createdAt}">${when(n.createdAt)}</time></td><td>${eventName(t, n.event)}</td><td>${kindName(t, n.kind)}</td><td><a href="/console/notifications/${encodeURIComponent(n.id)}">${n.recipient}</a></td><td>${n.subject}</td><td>!${stateBadge(t, n.state)}</td><td>${n.attempts}</td></tr>`,
  );
  const table =
    rows.length === 0
      ? html`<p>${t('notifications.none')}</p>`
      : html`<div class="table-wrap"><table><caption class="visually-hidden">${t('notifications.title')}</caption><thead><tr><th scope="col">${t('notifications.col.created')}</th><th scope="col">${t('notifications.col.event')}</th><th scope="col">${t('notifications.col.kind')}</th><th scope="col">${t('notifications.col.recipient')}</th><th scope="col">${t('notifications.col.subject')}</th><th scope="col">${t('notifications.col.state')}</th><th scope="col">${t('notifications.col.attempts')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table></div>`;
  const newer =
    page.page > 1
      ? html`<a href="${listHref(v.filter, page.page - 1)}" rel="prev">${t('notifications.newer')}</a>`
      : '';
  const older =
    page.page < page.pages
      ? html`<a href="${listHref(v.filter, page.page + 1)}" rel="next">${t('notifications.older')}</a>`
      : '';
  const pager =
    page.pages > 1
      ? html`<nav class="pager" aria-label="${t('notifications.pages')}">!${newer} !${older}</nav>`
      : '';
  return renderConsolePage(request, reply, {
    title: t('notifications.title'),
    section: 'notifications',
    body: html`<p>${t('notifications.intro')}</p><p>${counts}</p>!${filterForm(t, v.filter, v.facets)}!${table}!${pager}`,
  });
}

export function renderNotificationDetail(
  request: FastifyRequest,
  reply: FastifyReply,
  v: { detail: Detail; isAdmin: boolean; notice?: string | undefined; alert?: string | undefined },
): string {
  const t = request.t;
  const when = (iso: string) => formatDateTime(iso, request.locale, request.timeZone);
  const { row, attempts } = v.detail;
  const facts: [string, string][] = [
    [t('notifications.col.event'), eventName(t, row.event)],
    [t('notifications.col.kind'), kindName(t, row.kind)],
    [t('notifications.col.subject'), row.subject],
    [t('notifications.col.created'), when(row.created_at)],
    ...(row.sent_at ? [[t('notifications.detail.sentAt'), when(row.sent_at)] as [string, string]] : []),
    ...(row.state === 'pending'
      ? [[t('notifications.detail.nextAttempt'), when(row.next_attempt_at)] as [string, string]]
      : []),
    ...(row.last_error ? [[t('notifications.detail.lastError'), row.last_error] as [string, string]] : []),
    [t('notifications.detail.key'), row.idempotency_key],
  ];
  const list = html`<dl class="facts"><dt>${t('notifications.col.state')}</dt><dd>!${stateBadge(t, row.state)}</dd>!${facts.map(([k, val]) => html`<dt>${k}</dt><dd class="wrap">${val}</dd>`).join('')}</dl>`;
  const tries =
    attempts.length === 0
      ? html`<p>${t('notifications.detail.noAttempts')}</p>`
      : html`<ol>!${attempts.map((a) => html`<li><time datetime="${a.at}">${when(a.at)}</time>: ${a.ok ? t('notifications.detail.ok') : t('notifications.detail.failed')}${a.detail ? ` – ${a.detail}` : ''}</li>`).join('')}</ol>`;
  const retry =
    v.isAdmin && row.state === 'dead'
      ? html`<form method="post" action="/console/notifications/${encodeURIComponent(row.id)}/retry">!${csrfField(request.csrfToken(reply))}<p class="hint">${t('notifications.retry.hint', { n: retryAttempts })}</p><button type="submit">${t('notifications.retry')}</button></form>`
      : '';
  const text = row.body_text
    ? html`<pre class="notification-text">${row.body_text}</pre>`
    : html`<p>${t('notifications.detail.notRendered')}</p>`;
  const alert = v.alert ? html`<div class="error-summary" role="alert"><p>${v.alert}</p></div>` : '';
  return renderConsolePage(request, reply, {
    title: t('notifications.detail.title', { recipient: row.recipient }),
    section: 'notifications',
    notice: v.notice,
    body: html`!${alert}<p><a href="/console/notifications">${t('notifications.back')}</a></p>!${list}!${retry}<h2>${t('notifications.detail.attempts')}</h2>!${tries}<h2>${t('notifications.detail.text')}</h2>!${text}`,
  });
}
