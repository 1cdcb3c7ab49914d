/**
 * @module Strings of the inventory import (`dialtone import inventory`): the row-numbered problems
 * of a refused file and the command's summary lines.
 */
export const de = {
  'inventory.error.unterminatedQuote': 'Ein Anführungszeichen wird geöffnet, aber nie geschlossen.',
  'inventory.error.strayQuote':
    'Anführungszeichen mitten im Feld; ganze Felder in "…" setzen, " darin verdoppeln.',
  'inventory.error.empty': 'Die Datei ist leer; erwartet wird eine Kopfzeile und mindestens eine Zeile.',
  'inventory.error.noRows':
    'Die Datei enthält nur die Kopfzeile. Eine leere Datei würde den ganzen Bestand löschen und wird darum abgelehnt.',
  'inventory.error.unknownColumn':
    'Unbekannte Spalte „{name}“: weder eine feste Spalte noch eine Kennung eines Dienstes im Katalog.',
  'inventory.error.duplicateColumn': 'Die Spalte steht zweimal in der Kopfzeile.',
  'inventory.error.missingColumn': 'Die Spalte „{name}“ fehlt in der Kopfzeile.',
  'inventory.error.fieldCount': 'Die Zeile hat {found} Felder, die Kopfzeile {expected}.',
  'inventory.error.required': 'Pflichtfeld.',
  'inventory.error.tooLong': 'Höchstens {max} Zeichen.',
  'inventory.error.controlCharacter': 'Enthält Steuerzeichen.',
  'inventory.error.notAllowed': '„{value}“ ist nicht erlaubt; möglich: {allowed}.',
  'inventory.error.email': '„{value}“ ist keine E-Mail-Adresse.',
  'inventory.error.e164': '„{value}“ ist keine internationale Rufnummer (E.164), z. B. +49 355 1234567.',
  'inventory.error.needsContract': 'Angabe zu einem Vertrag, aber contract_id ist leer.',
  'inventory.error.resourceNeedsContract':
    'Eine Ressource gehört zu einem Vertrag, aber contract_id ist leer.',
  'inventory.error.unknownService': 'Unbekannter Dienst „{value}“ (nicht im Katalog).',
  'inventory.error.identifierNotOfService': 'Der Dienst „{service}“ hat keine Kennung „{key}“.',
  'inventory.error.unknownComponent': 'Unbekannte Komponente „{value}“ (nicht im Katalog).',
  'inventory.error.customerDiffers': 'Kunde „{id}“ steht in Zeile {line} mit anderem Namen oder anderer Art.',
  'inventory.error.contactDiffers': 'Kontakt „{id}“ steht in Zeile {line} mit anderen Angaben.',
  'inventory.error.contractDiffers':
    'Vertrag „{id}“ steht in Zeile {line} mit anderem Kunden, Dienst oder anderer Kennung.',
  'inventory.error.duplicateResource': '„{id}“ steht bereits in Zeile {line}.',
  'inventory.cli.line': 'Zeile {line}',
  'inventory.cli.progress': '{done} von {total} Änderungen geschrieben',
  'inventory.cli.counts':
    'Kunden {customers}, Kontakte {contacts}, Verträge {contracts}, Ressourcen {resources} (neu/geändert/gelöscht)',
  'inventory.cli.dryRun': 'Probelauf, {rows} Zeilen: {counts}; nichts wurde geschrieben.',
  'inventory.cli.imported': 'Importiert, {rows} Zeilen: {counts}.',
  'inventory.cli.unchanged': 'Keine Änderungen: der Bestand entspricht bereits dieser Datei ({rows} Zeilen).',
  'inventory.cli.skipped': 'Übersprungen wegen Fehlern: {count} Zeilen.',
  'inventory.cli.refused': 'abgelehnt, Probleme: {count}; nichts wurde importiert.',
  'inventory.cli.refusedHint': 'Mit --skip-bad-rows werden die fehlerfreien Zeilen importiert.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'inventory.error.unterminatedQuote': 'A quote is opened here but never closed.',
  'inventory.error.strayQuote': 'Quote inside a field; put whole fields in "…" and double any " inside.',
  'inventory.error.empty': 'The file is empty; expected a header line and at least one row.',
  'inventory.error.noRows':
    'The file has only the header line. An empty file would delete the whole inventory and is therefore refused.',
  'inventory.error.unknownColumn':
    'Unknown column "{name}": neither a fixed column nor an identifier of a service in the catalog.',
  'inventory.error.duplicateColumn': 'The column appears twice in the header line.',
  'inventory.error.missingColumn': 'The column "{name}" is missing from the header line.',
  'inventory.error.fieldCount': 'The row has {found} fields, the header {expected}.',
  'inventory.error.required': 'Required.',
  'inventory.error.tooLong': 'At most {max} characters.',
  'inventory.error.controlCharacter': 'Contains control characters.',
  'inventory.error.notAllowed': '"{value}" is not allowed; possible: {allowed}.',
  'inventory.error.email': '"{value}" is not an email address.',
  'inventory.error.e164': '"{value}" is not an international number (E.164), e.g. +49 355 1234567.',
  'inventory.error.needsContract': 'Belongs to a contract, but contract_id is empty.',
  'inventory.error.resourceNeedsContract': 'A resource belongs to a contract, but contract_id is empty.',
  'inventory.error.unknownService': 'Unknown service "{value}" (not in the catalog).',
  'inventory.error.identifierNotOfService': 'The service "{service}" has no identifier "{key}".',
  'inventory.error.unknownComponent': 'Unknown component "{value}" (not in the catalog).',
  'inventory.error.customerDiffers': 'Customer "{id}" appears on line {line} with another name or kind.',
  'inventory.error.contactDiffers': 'Contact "{id}" appears on line {line} with other details.',
  'inventory.error.contractDiffers':
    'Contract "{id}" appears on line {line} with another customer, service or identifier.',
  'inventory.error.duplicateResource': '"{id}" already appears on line {line}.',
  'inventory.cli.line': 'line {line}',
  'inventory.cli.progress': '{done} of {total} changes written',
  'inventory.cli.counts':
    'customers {customers}, contacts {contacts}, contracts {contracts}, resources {resources} (created/updated/deleted)',
  'inventory.cli.dryRun': 'Dry run, {rows} rows: {counts}; nothing was written.',
  'inventory.cli.imported': 'Imported, {rows} rows: {counts}.',
  'inventory.cli.unchanged': 'No changes: the inventory already matches this file ({rows} rows).',
  'inventory.cli.skipped': 'Skipped for errors: {count} rows.',
  'inventory.cli.refused': 'refused, problems: {count}; nothing was imported.',
  'inventory.cli.refusedHint': 'With --skip-bad-rows the rows without errors are imported.',
};
