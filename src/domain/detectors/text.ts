/**
 * @module Alert titles, evidence in words and the first text of an incident opened from an alert,
 * in German and English. Stored with the alert and the incident (they are content, like a
 * template, not interface strings), so they read the same in the console, the API and mails.
 */
import type { Bilingual } from '../catalog.ts';
import type { TelemetryEvidence } from './evaluate.ts';
import type { ProbeEvaluation } from './probe.ts';

export interface ReportsEvidence {
  kind: 'reports';
  reportAlertId: string;
  serviceId: string;
  reportCount: number;
  firstReportAt: string;
}

export interface AlertmanagerEvidence {
  kind: 'alertmanager';
  fingerprint: string;
  alertname: string;
  summary: string;
  description: string;
  labels: Record<string, string>;
  startsAt: string;
}

export type AlertEvidence =
  | TelemetryEvidence
  | ProbeEvaluation['evidence']
  | ReportsEvidence
  | AlertmanagerEvidence;

type Lang = 'de' | 'en';

function percent(v: number | null, lang: Lang): string {
  if (v === null) return '–';
  const n = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(
    v * 100,
  );
  return lang === 'de' ? `${n} %` : `${n}%`;
}

const count = (v: number | null, lang: Lang) =>
  v === null
    ? '–'
    : new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(v);

/** `22.11.2026, 10:04` / `22/11/2026, 10:04` in the zone given. */
export function clockTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** `10:04:30` in the zone given: the windows judged are seconds apart, the alert carries the date. */
export function windowTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone, timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

const both = (f: (lang: Lang) => string): Bilingual => ({ de: f('de'), en: f('en') });

/** Who the alert is about: the peer or monitor if there is one, else the component. */
export interface AlertSubject {
  component: Bilingual;
  /** Peer, monitor or service name. */
  source: Bilingual | null;
}

export function alertTitle(e: AlertEvidence, s: AlertSubject): Bilingual {
  const who = (l: Lang) => (s.source ?? s.component)[l];
  switch (e.kind) {
    case 'isa':
      return both((l) =>
        l === 'de'
          ? `Fehlgeschlagene Anrufversuche (ISA) bei ${who(l)}`
          : `Ineffective call attempts (ISA) at ${who(l)}`,
      );
    case 'code-rate':
      return both((l) =>
        l === 'de'
          ? `Viele ${e.codes.join('/')}-Antworten von ${who(l)}`
          : `Many ${e.codes.join('/')} answers from ${who(l)}`,
      );
    case 'register-failure':
      return both((l) =>
        l === 'de' ? `Registrierungen scheitern bei ${who(l)}` : `Registrations failing at ${who(l)}`,
      );
    case 'baseline':
      return both((l) =>
        l === 'de'
          ? `Fehleranteil bei ${who(l)} über dem Üblichen`
          : `Failure share at ${who(l)} above normal`,
      );
    case 'silence':
      return e.signal === 'invites'
        ? both((l) =>
            l === 'de' ? `Kaum noch Anrufe über ${who(l)}` : `Calls via ${who(l)} have almost stopped`,
          )
        : both((l) =>
            l === 'de'
              ? `Kaum noch erfolgreiche Registrierungen bei ${who(l)}`
              : `Successful registrations at ${who(l)} have almost stopped`,
          );
    case 'probe':
      if (e.monitorKind === 'heartbeat') {
        return both((l) => (l === 'de' ? `Heartbeat ${who(l)} ausgeblieben` : `Heartbeat ${who(l)} missed`));
      }
      return e.state === 'overloaded'
        ? both((l) =>
            l === 'de'
              ? `${who(l)} meldet Überlast oder Wartung`
              : `${who(l)} reports overload or maintenance`,
          )
        : both((l) => (l === 'de' ? `${who(l)} antwortet nicht` : `${who(l)} is not answering`));
    case 'reports':
      return both((l) =>
        l === 'de' ? `Viele Störungsmeldungen zu ${who(l)}` : `Many outage reports for ${who(l)}`,
      );
    case 'alertmanager':
      return { de: e.summary || e.alertname, en: e.summary || e.alertname };
  }
}

/** The evidence as one or two sentences, times in `timeZone`. */
export function describeEvidence(e: AlertEvidence, lang: Lang, timeZone: string): string {
  const de = lang === 'de';
  const t = (iso: string) => clockTime(iso, lang, timeZone);
  const w = (iso: string) => windowTime(iso, lang, timeZone);
  switch (e.kind) {
    case 'isa':
    case 'code-rate':
    case 'register-failure':
    case 'baseline': {
      const what = de
        ? {
            isa: 'Netzfehler (408/500/503/504)',
            'code-rate': `Antworten ${e.codes.join('/')}`,
            'register-failure': 'gescheiterte Registrierungen',
            baseline: 'Netzfehler',
          }[e.kind]
        : {
            isa: 'network failures (408/500/503/504)',
            'code-rate': `${e.codes.join('/')} answers`,
            'register-failure': 'failed registrations',
            baseline: 'network failures',
          }[e.kind];
      const base =
        e.baseline === null
          ? ''
          : de
            ? `, üblich ${percent(e.baseline, lang)}`
            : `, normally ${percent(e.baseline, lang)}`;
      return de
        ? `${percent(e.value, lang)} ${what} bei ${count(e.volume, lang)} Versuchen von ${w(e.window.from)} bis ${w(e.window.to)} (Grenze ${percent(e.limit, lang)}${base}).`
        : `${percent(e.value, lang)} ${what} out of ${count(e.volume, lang)} attempts from ${w(e.window.from)} to ${w(e.window.to)} (limit ${percent(e.limit, lang)}${base}).`;
    }
    case 'silence': {
      const what =
        e.signal === 'invites'
          ? de
            ? 'Anrufversuche'
            : 'call attempts'
          : de
            ? 'erfolgreiche Registrierungen'
            : 'successful registrations';
      return de
        ? `${count(e.value, lang)} ${what} von ${w(e.window.from)} bis ${w(e.window.to)}, üblich wären etwa ${count(e.baseline, lang)}.`
        : `${count(e.value, lang)} ${what} from ${w(e.window.from)} to ${w(e.window.to)}, about ${count(e.baseline, lang)} would be normal.`;
    }
    case 'probe': {
      const code = e.code === null ? '' : de ? ` (Antwort ${e.code})` : ` (answer ${e.code})`;
      const state =
        e.state === 'overloaded' ? (de ? 'überlastet' : 'overloaded') : de ? 'nicht erreichbar' : 'down';
      return de
        ? `Seit ${t(e.since)} ${state}${code}: ${e.detail}`
        : `${state[0]!.toUpperCase()}${state.slice(1)} since ${t(e.since)}${code}: ${e.detail}`;
    }
    case 'reports':
      return de
        ? `${e.reportCount} Störungsmeldungen seit ${t(e.firstReportAt)}.`
        : `${e.reportCount} outage reports since ${t(e.firstReportAt)}.`;
    case 'alertmanager':
      return [
        e.description || e.summary || e.alertname,
        de ? `(Alertmanager, seit ${t(e.startsAt)})` : `(Alertmanager, since ${t(e.startsAt)})`,
      ].join(' ');
  }
}

/** First public text of an incident opened automatically from an alert. */
export function incidentTextFromAlert(
  e: AlertEvidence,
  s: AlertSubject,
  startedAt: string,
  timeZone: string,
): { title: Bilingual; message: Bilingual } {
  return {
    // An incident title holds 200 characters (domain/incident.ts); a long component name is cut.
    title: both((l) =>
      (l === 'de' ? `Störung: ${s.component.de}` : `Disruption: ${s.component.en}`).slice(0, 200),
    ),
    message: both((l) =>
      l === 'de'
        ? `Unsere Überwachung hat seit ${clockTime(startedAt, l, timeZone)} eine Störung von ${s.component.de} erkannt. Wir untersuchen die Ursache. Befund: ${describeEvidence(e, l, timeZone)}`
        : `Our monitoring detected a disruption of ${s.component.en} since ${clockTime(startedAt, l, timeZone)}. We are investigating the cause. Finding: ${describeEvidence(e, l, timeZone)}`,
    ),
  };
}
