/**
 * @module The reporter's private follow page (state, ticket, service, when it came in, the linked
 * incident with its public updates; no personal data beyond the reporter's own name), and the
 * small pages around the form: "received" and "too many reports".
 */
import { html } from 'ghtml';
import type { ReporterReportView } from '#src/services/get-report-for-reporter.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { renderPublicPage } from './layout.ts';
import { dateTime, incidentStatusBadge, messageBody, type Reader } from './parts.ts';

/** A stored value's label, or the value itself when the catalog has no label for it. */
function label(r: Reader, prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = r.t(key);
  return text === key ? value : text;
}

function incidentSection(r: Reader, v: ReporterReportView): string {
  const i = v.incident;
  const heading = html`<h2 id="h-i">${r.t('report.follow.incident')}</h2>`;
  if (!i)
    return html`<section aria-labelledby="h-i">!${heading}<p>${r.t('report.follow.noIncident')}</p></section>`;
  const updates = i.updates.map(
    (u) =>
      html`<li><p class="meta">!${incidentStatusBadge(r, u.status)} !${dateTime(r, u.createdAt)}</p>!${messageBody(r, u.body)}</li>`,
  );
  const list = updates.length
    ? html`<ol class="tl">!${updates.join('')}</ol>`
    : html`<p>${r.t('public.noUpdates')}</p>`;
  return html`<section aria-labelledby="h-i">!${heading}<h3><a href="/incidents/${i.id}">${pick(i.title, r.locale)}</a></h3><p class="meta">!${incidentStatusBadge(r, i.status)}</p>!${list}</section>`;
}

/**
 * `partnerArea`: the same page in the partner area (/partner/reports/<ticket>), reached by the
 * partner's session instead of a link with a token: no "keep this link", no token to subscribe
 * with, a way back to the partner's list instead.
 */
export function renderReportFollowPage(
  r: Reader,
  v: ReporterReportView,
  url: string,
  options: { partnerArea?: boolean } = {},
): string {
  const t = r.t;
  const service = v.serviceOther
    ? `${pick(v.service.name, r.locale)}: ${v.serviceOther}`
    : pick(v.service.name, r.locale);
  const reporter = v.reporterName
    ? html`<dt>${t('report.follow.reporter')}</dt><dd>${v.reporterName}</dd>`
    : '';
  const reason = v.closeReason
    ? html`<dt>${t('report.follow.closeReason')}</dt><dd>${label(r, 'report.closeReason', v.closeReason)}</dd>`
    : '';
  const facts = html`<dl class="facts"><dt>${t('report.follow.ticket')}</dt><dd>${v.ticket}</dd><dt>${t('report.follow.state')}</dt><dd><strong>${label(r, 'report.state', v.state)}</strong></dd>!${reason}<dt>${t('report.follow.service')}</dt><dd>${service}</dd>!${reporter}<dt>${t('report.follow.created')}</dt><dd>!${dateTime(r, v.createdAt)}</dd></dl>`;
  const title = t('report.follow.title', { ticket: v.ticket });
  // Subscribing from here prefills the reporter's address (the follow token proves it is theirs).
  const token = new URL(url, 'http://x').searchParams.get('token') ?? '';
  const subscribe = html`<p><a href="/subscribe?ticket=${encodeURIComponent(v.ticket)}&amp;token=${encodeURIComponent(token)}">${t('subscribers.followLink')}</a></p>`;
  const body = options.partnerArea
    ? html`<p><a href="/partner">${t('partner.area.back')}</a></p><h1>${title}</h1>!${facts}!${incidentSection(r, v)}`
    : html`<h1>${title}</h1><p class="hint">${t('report.follow.keepLink')}</p>!${facts}!${subscribe}!${incidentSection(r, v)}`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

/** Shown instead of the follow page when the honeypot was filled: looks like success, stores nothing. */
export function renderReportSentPage(r: Reader, url: string): string {
  const body = html`<h1>${r.t('report.sent.title')}</h1><p>${r.t('report.sent.body')}</p>`;
  return renderPublicPage(r, { title: r.t('report.sent.title'), section: 'none', body, url });
}

/** The 429 page of both limits; `text` says which one and when to try again. */
export function renderReportRateLimitedPage(r: Reader, text: string, url: string): string {
  const title = r.t('report.rateLimited.title');
  const body = html`<h1>${title}</h1><p>${text}</p><p>${r.t('report.rateLimited.hotline')}</p><p><a href="/">${r.t('nav.status')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}
