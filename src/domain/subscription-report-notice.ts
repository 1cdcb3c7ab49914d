/**
 * @module What an operator channel reads when a new outage report comes in: ticket, service, who
 * reports (partner or customer) and the incident it was linked to, with the link to the report in
 * the console — nothing of the reporter's personal data and never the reporter's private follow
 * link (chat rooms are read by many). German and English; pure.
 */
import type { BilingualText } from './incident.ts';

type Locale = 'de' | 'en';

export interface OperatorReportNotice {
  type: 'operator_report';
  event: 'report.received';
  reportId: string;
  ticket: string;
  service: BilingualText;
  /** `partner` | `customer`. */
  reporterKind: string;
  incident: { id: string; title: BilingualText } | null;
  createdAt: string;
}

const pick = (t: BilingualText, l: Locale) => t[l] || t.de || t.en;

export function operatorReportSubject(n: OperatorReportNotice, locale: Locale): string {
  return locale === 'de'
    ? `Neue Meldung ${n.ticket}: ${pick(n.service, locale)}`
    : `New report ${n.ticket}: ${pick(n.service, locale)}`;
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function renderOperatorReportNotice(
  n: OperatorReportNotice,
  locale: Locale,
  settings: { publicUrl: string; timeZone: string },
): { subject: string; text: string; html: string } {
  const de = locale === 'de';
  const when = new Intl.DateTimeFormat(de ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  }).format(new Date(n.createdAt));
  const who = n.reporterKind === 'partner' ? (de ? 'Partner' : 'partner') : de ? 'Kunde' : 'customer';
  const lines = [
    de
      ? `Eine neue Störungsmeldung ist eingegangen (${when}, von einem ${who}).`
      : `A new outage report came in (${when}, from a ${who}).`,
    de ? `Dienst: ${pick(n.service, locale)}` : `Service: ${pick(n.service, locale)}`,
    n.incident
      ? de
        ? `Automatisch verknüpft mit der Störung „${pick(n.incident.title, locale)}“.`
        : `Linked automatically to the incident "${pick(n.incident.title, locale)}".`
      : de
        ? 'Noch keiner Störung zugeordnet.'
        : 'Not linked to an incident yet.',
  ];
  const link = `${settings.publicUrl}/console/reports/${encodeURIComponent(n.reportId)}`;
  const open = de ? 'In der Konsole öffnen:' : 'Open in the console:';
  const text = `${lines.join('\n')}\n\n${open}\n${link}\n`;
  const html = `<p>${lines.map(escapeHtml).join('<br>')}</p><p>${escapeHtml(open)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  return { subject: operatorReportSubject(n, locale), text, html };
}
