/**
 * @module Strings of affected customers, restoration progress and the hotline announcement
 * (console pages on an incident, the public progress line, API errors).
 */
export const de = {
  'announcement.error.number': 'Keine Rufnummer: international (+49 …) oder national mit führender 0.',
  'announcement.error.unknownService': 'Unbekannter Dienst „{value}“.',
  'announcement.error.numberOrService': 'Rufnummer (number) oder Dienst (service) angeben.',
  'announcement.error.numberNeedsToken':
    'Die Ansage zu einer Rufnummer gibt es nur mit API-Token oder Ansage-Schlüssel (Authorization: Bearer …).',
  'announcement.error.noSpeech':
    'Sprachausgabe ist auf dem Server nicht installiert (espeak-ng); format=text verwenden.',
  'announcement.error.speechFailed':
    'Die Sprachausgabe ist fehlgeschlagen; bitte erneut versuchen oder format=text verwenden.',
  'restoration.error.emptyList': 'Keine Rufnummern oder Anschlüsse angegeben.',
  'restoration.error.tooMany': 'Höchstens {max} Einträge auf einmal.',
  'restoration.error.notAffected':
    '{count} Einträge sind nicht von dieser Störung betroffen oder unbekannt: {list}. Nichts wurde markiert.',
  'restoration.error.componentNotAffected': 'Die Komponente „{id}“ ist von dieser Störung nicht betroffen.',
  'restoration.error.csv': 'Die Liste ist in Zeile {line} kein gültiges CSV (Anführungszeichen prüfen).',
  'restoration.public.progress':
    '{restored} von {total} betroffenen Rufnummern und Anschlüssen wiederhergestellt ({percent} %)',
} as const;

export const en: Record<keyof typeof de, string> = {
  'announcement.error.number': 'Not a phone number: international (+49 …) or national with a leading 0.',
  'announcement.error.unknownService': 'Unknown service "{value}".',
  'announcement.error.numberOrService': 'Give a number or a service.',
  'announcement.error.numberNeedsToken':
    "A caller number's announcement needs an API token or the announcement key (Authorization: Bearer …).",
  'announcement.error.noSpeech': 'Speech is not installed on the server (espeak-ng); use format=text.',
  'announcement.error.speechFailed': 'Speech synthesis failed; try again or use format=text.',
  'restoration.error.emptyList': 'No numbers or lines given.',
  'restoration.error.tooMany': 'At most {max} entries at once.',
  'restoration.error.notAffected':
    '{count} entries are not affected by this incident or unknown: {list}. Nothing was marked.',
  'restoration.error.componentNotAffected': 'Component "{id}" is not affected by this incident.',
  'restoration.error.csv': 'The list is not valid CSV at line {line} (check the quotes).',
  'restoration.public.progress': '{restored} of {total} affected numbers and lines restored ({percent} %)',
};
