/**
 * @module The words of every notification, German and English, written for the person reading
 * them: what is affected, since when, what to do, what comes next, and where to read more.
 * Pure: the notice is a snapshot taken in the event's transaction; the public URL, the time zone
 * and the unsubscribe link come in as settings when the message is sent.
 *
 * @example
 * const { subject, text, html } = renderNotification(notice, 'de', settings);
 */

import { bodyLines, type Line } from './notification-lines.ts';
import { type Locale, type Notice, noticeLink } from './notification-notice.ts';
import {
  type OperatorReportNotice,
  operatorReportSubject,
  renderOperatorReportNotice,
} from './subscription-report-notice.ts';
import {
  renderSubscriptionNotice,
  type SubscriptionNotice,
  subscriptionSubject,
} from './subscription-text.ts';

export type { Locale, Notice } from './notification-notice.ts';

export interface RenderSettings {
  /** Without a trailing slash, e.g. `https://status.example.net`. */
  publicUrl: string;
  /** IANA zone for times in the text, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Shown as the sender's name and in the footer. */
  pageName: string;
  /** One-click unsubscribe page of this subscriber; absent for reporters and operator channels. */
  unsubscribeUrl?: string | undefined;
}

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}

const subjectPrefix: Record<Notice['event'], Record<Locale, string>> = {
  'incident.declared': { de: 'Störung', en: 'Incident' },
  'incident.updated': { de: 'Neuigkeiten zur Störung', en: 'Incident update' },
  'incident.resolved': { de: 'Behoben', en: 'Resolved' },
  'incident.affected': { de: 'Störung bei Ihrem Anschluss', en: 'Outage affecting your service' },
  'maintenance.scheduled': { de: 'Geplante Wartung', en: 'Scheduled maintenance' },
  'maintenance.reminder': { de: 'Erinnerung: Wartung', en: 'Reminder: maintenance' },
  'maintenance.started': { de: 'Wartung begonnen', en: 'Maintenance started' },
  'maintenance.completed': { de: 'Wartung abgeschlossen', en: 'Maintenance completed' },
  'report.received': { de: 'Meldung erhalten', en: 'Report received' },
  'report.state_changed': { de: 'Ihre Meldung', en: 'Your report' },
  'alert.fired': { de: 'Alarm', en: 'Alert' },
  'alert.resolved': { de: 'Alarm beendet', en: 'Alert resolved' },
};

const linkLabel: Record<Notice['type'], Record<Locale, string>> = {
  incident: { de: 'Aktueller Stand und alle Nachrichten:', en: 'Current status and all updates:' },
  maintenance: { de: 'Alles zur Wartung:', en: 'All about the maintenance:' },
  report: { de: 'Ihre Meldung:', en: 'Your report:' },
  alert: { de: 'Im Betriebsportal:', en: 'In the console:' },
};

/** The subject line; needs no settings, so the outbox can store it at once. */
export function noticeSubject(
  notice: Notice | SubscriptionNotice | OperatorReportNotice,
  locale: Locale,
): string {
  if (notice.type === 'subscription') return subscriptionSubject(notice, locale);
  if (notice.type === 'operator_report') return operatorReportSubject(notice, locale);
  const prefix = subjectPrefix[notice.event][locale];
  const name = notice.type === 'report' ? notice.ticket : notice.title[locale] || notice.title.de;
  return clip(`${prefix}: ${name}`, 200);
}

export function renderNotification(
  notice: Notice | SubscriptionNotice | OperatorReportNotice,
  locale: Locale,
  settings: RenderSettings,
): RenderedNotification {
  // Confirmations, "already subscribed" and test events have their own words (subscription-text.ts),
  // and so has a new report told to operator channels (subscription-report-notice.ts).
  if (notice.type === 'subscription') return renderSubscriptionNotice(notice, locale, settings);
  if (notice.type === 'operator_report') return renderOperatorReportNotice(notice, locale, settings);
  const lines = bodyLines(notice, locale, settings.timeZone);
  const link = `${settings.publicUrl}${noticeLink(notice)}`;
  const more = linkLabel[notice.type][locale];
  const footer = footerLines(locale, settings);
  const text = [
    ...lines.map((l) =>
      l.kind === 'heading' ? `${l.text}\n${'='.repeat(Math.min(l.text.length, 60))}` : l.text,
    ),
    `${more}\n${link}`,
    '-- ',
    ...footer,
  ].join('\n\n');
  const html = renderHtml(lines, more, link, footer, locale);
  return { subject: noticeSubject(notice, locale), text: `${text}\n`, html };
}

function footerLines(locale: Locale, settings: RenderSettings): string[] {
  const who =
    locale === 'de'
      ? `Diese Nachricht kommt von der Statusseite ${settings.pageName}.`
      : `This message comes from the ${settings.pageName} status page.`;
  if (!settings.unsubscribeUrl) return [who];
  const off = locale === 'de' ? 'Keine Nachrichten mehr erhalten:' : 'Stop receiving these messages:';
  return [who, `${off} ${settings.unsubscribeUrl}`];
}

/** Simple HTML, everything escaped: one heading, paragraphs, the link, the footer. */
function renderHtml(lines: Line[], more: string, link: string, footer: string[], locale: Locale): string {
  const body = lines
    .map((l) =>
      l.kind === 'heading'
        ? `<h1 style="font-size:20px">${escapeHtml(l.text)}</h1>`
        : `<p>${escapeHtml(l.text).replaceAll('\n', '<br>')}</p>`,
    )
    .join('\n');
  const foot = footer.map((f) => linkify(f)).join('<br>');
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    body,
    `<p>${escapeHtml(more)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<hr><p style="color:#555;font-size:13px">${foot}</p>`,
    '</body></html>',
  ].join('\n');
}

/** Escapes a footer line and turns its trailing URL into a link. */
function linkify(line: string): string {
  const m = /^(.*?)(https?:\/\/\S+)$/.exec(line);
  if (!m) return escapeHtml(line);
  const url = escapeHtml(m[2] ?? '');
  return `${escapeHtml(m[1] ?? '')}<a href="${url}">${url}</a>`;
}

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
