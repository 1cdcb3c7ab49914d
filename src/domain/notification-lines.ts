/**
 * @module The body of each notification as lines (a heading, then paragraphs), in German and
 * English. notification-text.ts turns them into plain text and HTML.
 */
import type { BilingualText } from './incident.ts';
import type {
  AlertNotice,
  IncidentNotice,
  Locale,
  MaintenanceNotice,
  Notice,
  ReportNotice,
} from './notification-notice.ts';

export type Line = { kind: 'heading' | 'para'; text: string };

type Words = Record<Locale, string>;
const h = (text: string): Line => ({ kind: 'heading', text });
const p = (text: string): Line => ({ kind: 'para', text });
const pick = (t: BilingualText, l: Locale) => t[l] || t.de || t.en;

export function bodyLines(n: Notice, locale: Locale, timeZone: string): Line[] {
  const when = (iso: string) => formatTime(iso, locale, timeZone);
  switch (n.type) {
    case 'incident':
      return incidentLines(n, locale, when);
    case 'maintenance':
      return maintenanceLines(n, locale, when);
    case 'report':
      return reportLines(n, locale);
    case 'alert':
      return alertLines(n, locale, when);
  }
}

const investigating: Words = {
  de: 'Wir untersuchen die Ursache.',
  en: 'We are investigating the cause.',
};

const statusWords: Record<string, Words> = {
  investigating,
  identified: {
    de: 'Die Ursache ist gefunden, wir beheben sie.',
    en: 'The cause is known and we are fixing it.',
  },
  monitoring: {
    de: 'Eine Lösung ist umgesetzt, wir beobachten die Lage.',
    en: 'A fix is in place and we are watching the results.',
  },
  resolved: { de: 'Die Störung ist behoben.', en: 'The incident is resolved.' },
};

const whatToDo: Words = {
  de: 'Sie müssen nichts tun: Die Ursache liegt nicht bei Ihnen. Ein Neustart Ihrer Geräte hilft nicht. Bitte melden Sie diese Störung nicht zusätzlich, wir kennen sie bereits.',
  en: 'You do not need to do anything: the cause is not on your side, and restarting your equipment will not help. There is no need to report this incident, we already know about it.',
};

const nextUpdate: Words = {
  de: 'Wir melden uns wieder, sobald es Neues gibt, und spätestens, wenn die Störung behoben ist.',
  en: 'We will write again as soon as there is news, and at the latest when the incident is resolved.',
};

function incidentLines(n: IncidentNotice, l: Locale, when: (iso: string) => string): Line[] {
  const names = n.components.map((c) => pick(c, l)).join(', ');
  const lines: Line[] = [h(pick(n.title, l))];
  if (n.event === 'incident.affected') {
    lines.push(
      p(
        l === 'de'
          ? 'Nach unseren Unterlagen ist Ihr Anschluss von dieser Störung betroffen.'
          : 'According to our records, your service is affected by this incident.',
      ),
    );
  }
  lines.push(p(`${l === 'de' ? 'Betroffen' : 'Affected'}: ${names}`));
  lines.push(p(`${l === 'de' ? 'Seit' : 'Since'}: ${when(n.startedAt)}`));
  if (n.event === 'incident.resolved' || n.status === 'resolved') {
    const at = n.resolvedAt ?? n.updatedAt;
    lines.push(p(`${l === 'de' ? 'Behoben' : 'Resolved'}: ${when(at)}`));
  } else {
    lines.push(p(`${l === 'de' ? 'Stand' : 'Status'}: ${(statusWords[n.status] ?? investigating)[l]}`));
  }
  const message = pick(n.message, l).trim();
  if (message)
    lines.push(p(`${l === 'de' ? 'Nachricht vom' : 'Update of'} ${when(n.updatedAt)}:\n${message}`));
  if (n.event === 'incident.resolved' || n.status === 'resolved') {
    lines.push(
      p(
        l === 'de'
          ? 'Sollte bei Ihnen noch etwas nicht funktionieren, starten Sie bitte Telefon, Router oder Telefonanlage neu. Hilft das nicht, melden Sie es uns bitte über die Statusseite.'
          : 'If something still does not work for you, please restart your phone, router or PBX. If that does not help, please report it on the status page.',
      ),
    );
  } else {
    lines.push(p(whatToDo[l]), p(nextUpdate[l]));
  }
  return lines;
}

function maintenanceLines(n: MaintenanceNotice, l: Locale, when: (iso: string) => string): Line[] {
  const names = n.components.map((c) => pick(c, l)).join(', ');
  const lines: Line[] = [h(pick(n.title, l))];
  if (n.event === 'maintenance.reminder' && n.hoursBefore !== undefined) {
    lines.push(
      p(
        l === 'de'
          ? `Die Wartung beginnt in ${hours(n.hoursBefore, l)}.`
          : `The maintenance starts in ${hours(n.hoursBefore, l)}.`,
      ),
    );
  }
  if (n.event === 'maintenance.started') {
    lines.push(p(l === 'de' ? 'Die Wartung hat begonnen.' : 'The maintenance has started.'));
  }
  if (n.event === 'maintenance.completed') {
    lines.push(
      p(
        l === 'de'
          ? 'Die Wartung ist abgeschlossen, alles läuft wieder normal.'
          : 'The maintenance is complete and everything is back to normal.',
      ),
    );
  }
  lines.push(p(`${l === 'de' ? 'Betroffen' : 'Affected'}: ${names}`));
  lines.push(p(`${l === 'de' ? 'Zeitraum' : 'Window'}: ${when(n.scheduledStart)} – ${when(n.scheduledEnd)}`));
  const message = n.message ? pick(n.message, l).trim() : '';
  if (message) lines.push(p(message));
  if (n.event !== 'maintenance.completed') {
    lines.push(
      p(
        l === 'de'
          ? 'In diesem Zeitraum kann es zu kurzen Unterbrechungen kommen. Sie müssen nichts tun; bitte planen Sie wichtige Telefonate außerhalb dieses Zeitraums.'
          : 'There may be short interruptions during this window. You do not need to do anything; please plan important calls outside of it.',
      ),
    );
  }
  return lines;
}

const closedResolved: Words = {
  de: 'Die Ursache ist behoben und Ihre Meldung ist abgeschlossen. Vielen Dank für Ihre Hilfe.',
  en: 'The cause has been fixed and your report is closed. Thank you for your help.',
};

const closeWords: Record<string, Words> = {
  resolved: closedResolved,
  local_cause: {
    de: 'Nach unserer Prüfung liegt die Ursache bei Ihnen vor Ort (zum Beispiel Router, Telefonanlage oder Verkabelung). Bitte wenden Sie sich an den, der Ihre Technik betreut.',
    en: 'Our checks show the cause is on your premises (for example router, PBX or cabling). Please contact whoever looks after your equipment.',
  },
  other_carrier: {
    de: 'Die Ursache liegt bei einem anderen Netzbetreiber. Wir haben die Meldung dorthin weitergegeben.',
    en: 'The cause lies with another network operator. We have passed your report on to them.',
  },
  duplicate: {
    de: 'Zu diesem Anliegen gibt es bereits eine Meldung; wir bearbeiten es dort weiter.',
    en: 'This matter has already been reported; we continue to work on it there.',
  },
  not_reportable: {
    de: 'Dieses Anliegen können wir über die Störungsmeldung nicht bearbeiten. Bitte wenden Sie sich an Ihren Anbieter.',
    en: 'We cannot handle this matter as an outage report. Please contact your provider.',
  },
};

function reportLines(n: ReportNotice, l: Locale): Line[] {
  const lines: Line[] = [
    h(l === 'de' ? `Ihre Störungsmeldung ${n.ticket}` : `Your outage report ${n.ticket}`),
  ];
  const incident = n.incident
    ? l === 'de'
      ? `„${pick(n.incident.title, l)}“`
      : `“${pick(n.incident.title, l)}”`
    : '';
  if (n.event === 'report.received') {
    lines.push(
      p(
        l === 'de'
          ? `Vielen Dank, wir haben Ihre Meldung erhalten. Ihre Ticketnummer ist ${n.ticket}.`
          : `Thank you, we have received your report. Your ticket number is ${n.ticket}.`,
      ),
    );
  }
  if (n.state === 'linked' && n.incident) {
    lines.push(
      p(
        l === 'de'
          ? `Ihre Meldung gehört zu einer bekannten Störung: ${incident}. Wir arbeiten bereits daran und melden uns, wenn sie behoben ist.`
          : `Your report belongs to a known incident: ${incident}. We are already working on it and will write when it is resolved.`,
      ),
    );
  } else if (n.state === 'closed') {
    lines.push(p((closeWords[n.closeReason ?? 'resolved'] ?? closedResolved)[l]));
  } else if (n.state === 'triaged') {
    lines.push(
      p(
        l === 'de'
          ? 'Ihre Meldung wurde geprüft und wird jetzt bearbeitet.'
          : 'Your report has been checked and is now being worked on.',
      ),
    );
  } else {
    lines.push(
      p(
        l === 'de'
          ? 'Wir prüfen Ihre Meldung und melden uns, sobald wir mehr wissen.'
          : 'We are checking your report and will write as soon as we know more.',
      ),
    );
  }
  if (n.followPath) {
    lines.push(
      p(
        l === 'de'
          ? 'Den Stand Ihrer Meldung sehen Sie jederzeit unter dem Link unten. Bitte geben Sie ihn nicht weiter.'
          : 'You can follow your report at any time with the link below. Please keep it to yourself.',
      ),
    );
  }
  return lines;
}

function alertLines(n: AlertNotice, l: Locale, when: (iso: string) => string): Line[] {
  return [
    h(pick(n.title, l)),
    p(
      `${n.event === 'alert.fired' ? (l === 'de' ? 'Ausgelöst' : 'Fired') : l === 'de' ? 'Beendet' : 'Resolved'}: ${when(n.at)}`,
    ),
    p(pick(n.detail, l)),
  ];
}

function hours(n: number, l: Locale): string {
  if (n >= 48 && n % 24 === 0) return l === 'de' ? `${n / 24} Tagen` : `${n / 24} days`;
  if (n === 1) return l === 'de' ? 'einer Stunde' : 'one hour';
  return l === 'de' ? `${n} Stunden` : `${n} hours`;
}

/** Building a formatter costs far more than using one: one per language and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `22.11.2026, 04:10 MEZ` / `22 Nov 2026, 04:10 CET` in the page's zone. */
export function formatTime(iso: string, locale: Locale, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const key = `${locale}\0${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      day: locale === 'de' ? '2-digit' : 'numeric',
      month: locale === 'de' ? '2-digit' : 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f.format(d);
}
