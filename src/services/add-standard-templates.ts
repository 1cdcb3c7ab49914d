/**
 * @module A first set of templates for an empty template list, as a telephony NOC writes them:
 * investigating, identified, monitoring, resolved, and a maintenance announcement. Square
 * brackets mark what the operator fills in. Only added while the list is empty, so a double
 * click or two operators at once add the set once.
 */
import type { ServiceContext } from './context.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { writeAudit } from './write-audit.ts';

interface StandardTemplate {
  name: { de: string; en: string };
  status: string;
  title: { de: string; en: string };
  body: { de: string; en: string };
}

export const standardTemplates: readonly StandardTemplate[] = [
  {
    name: { de: 'Störung – wird untersucht', en: 'Outage – investigating' },
    status: 'investigating',
    title: { de: 'Störung bei der Telefonie', en: 'Telephony disruption' },
    body: {
      de: 'Wir stellen derzeit Störungen bei ein- und/oder ausgehenden Gesprächen fest: Anrufe kommen nicht zustande, brechen ab oder haben eine schlechte Sprachqualität.\n\nUnser Network Operations Center untersucht die Ursache mit hoher Priorität. Das nächste Update folgt spätestens in 30 Minuten.',
      en: 'We are currently seeing problems with incoming and/or outgoing calls: calls fail to connect, drop, or have poor voice quality.\n\nOur network operations centre is investigating with high priority. We will post the next update within 30 minutes.',
    },
  },
  {
    name: { de: 'Störung – Ursache erkannt', en: 'Outage – identified' },
    status: 'identified',
    title: { de: 'Störung bei der Telefonie: Ursache erkannt', en: 'Telephony disruption: cause identified' },
    body: {
      de: 'Die Ursache ist gefunden: [Ursache kurz beschreiben]. Wir arbeiten an der Behebung.\n\nBis dahin können Anrufe weiterhin fehlschlagen. Wenn Sie eine Rufumleitung eingerichtet haben, nutzen Sie diese bitte. Das nächste Update folgt spätestens in 30 Minuten.',
      en: 'We have identified the cause: [describe the cause briefly]. We are working on a fix.\n\nUntil then, calls may continue to fail. If you have call forwarding set up, please use it. We will post the next update within 30 minutes.',
    },
  },
  {
    name: { de: 'Störung – wird beobachtet', en: 'Outage – monitoring' },
    status: 'monitoring',
    title: { de: 'Störung bei der Telefonie: Lösung eingespielt', en: 'Telephony disruption: fix applied' },
    body: {
      de: 'Eine Korrektur ist eingespielt, Gespräche werden wieder vermittelt. Wir beobachten die Lage weiter.\n\nFalls bei Ihnen noch Probleme auftreten, starten Sie bitte Ihre Telefone bzw. Ihre Telefonanlage neu. Bestehen sie danach weiter, melden Sie uns bitte Uhrzeit, anrufende und angerufene Rufnummer.',
      en: 'A fix has been applied and calls are being connected again. We are monitoring the situation.\n\nIf you still have problems, please restart your phones or your PBX. If they persist, please report the time, the calling and the called number to us.',
    },
  },
  {
    name: { de: 'Störung – behoben', en: 'Outage – resolved' },
    status: 'resolved',
    title: { de: 'Störung bei der Telefonie behoben', en: 'Telephony disruption resolved' },
    body: {
      de: 'Die Störung ist behoben. Seit [Uhrzeit] werden alle Gespräche wieder normal vermittelt.\n\nUrsache war [Ursache]. Wir entschuldigen uns für die Unannehmlichkeiten. Einen ausführlichen Bericht veröffentlichen wir hier in den nächsten Tagen.',
      en: 'The disruption is resolved. Since [time], all calls have been connected normally again.\n\nThe cause was [cause]. We apologise for the inconvenience. We will publish a detailed report here within the next few days.',
    },
  },
  {
    name: { de: 'Wartung – Ankündigung', en: 'Maintenance – announcement' },
    status: 'scheduled',
    title: { de: 'Geplante Wartungsarbeiten an [System]', en: 'Scheduled maintenance on [system]' },
    body: {
      de: 'Im angegebenen Zeitraum führen wir geplante Wartungsarbeiten an [System] durch.\n\nWährend der Arbeiten kann es zu kurzen Unterbrechungen bei laufenden und neuen Gesprächen kommen. Telefone und Telefonanlagen registrieren sich danach automatisch neu; ein Eingreifen Ihrerseits ist nicht nötig. Bitte legen Sie wichtige Telefonate nach Möglichkeit außerhalb dieses Zeitraums.',
      en: 'During the stated window we will carry out scheduled maintenance on [system].\n\nCalls in progress and new calls may be interrupted briefly during the work. Phones and PBXs re-register automatically afterwards; no action is needed on your side. If possible, please schedule important calls outside this window.',
    },
  },
];

/** Adds the standard set in the operator's language (names); returns how many were added. */
export async function addStandardTemplates({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { locale: 'de' | 'en' };
}) {
  try {
    return await insertStandardSet(ctx, input.locale);
  } catch (e) {
    // A concurrent request added the set first (same names): nothing left to do.
    if (isUniqueViolation(e)) return { added: 0 };
    throw e;
  }
}

async function insertStandardSet(ctx: ServiceContext, locale: 'de' | 'en') {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('templates').select('id').limit(1).execute();
    if (existing.length > 0) return { added: 0 };
    const now = ctx.clock().toISOString();
    const rows = standardTemplates.map((s) => ({
      id: ctx.newId(),
      name: s.name[locale],
      status: s.status,
      title_de: s.title.de,
      title_en: s.title.en,
      body_de: s.body.de,
      body_en: s.body.en,
      created_at: now,
    }));
    await trx.insertInto('templates').values(rows).execute();
    await writeAudit(trx, ctx, {
      action: 'template.addStandard',
      subjectType: 'template',
      subjectId: null,
      detail: { names: rows.map((r) => r.name) },
    });
    return { added: rows.length };
  });
}
