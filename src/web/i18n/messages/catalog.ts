/**
 * @module Strings of the catalog area: the console's catalog page and the messages for a catalog
 * file that is refused (also printed by `dialtone catalog apply`).
 */
export const de = {
  'catalog.title': 'Katalog',
  'catalog.intro':
    'Der Katalog beschreibt Standorte, Dienste, Komponentengruppen, Komponenten mit ihren Abhängigkeiten und die Störungshotlines. Er wird als YAML-Datei bearbeitet: was in der Datei fehlt, wird gelöscht.',
  'catalog.counts':
    'Standorte: {sites} · Gruppen: {groups} · Dienste: {services} · Komponenten: {components} · Hotlines: {hotlines}',
  'catalog.overview.heading': 'Komponenten',
  'catalog.overview.component': 'Komponente',
  'catalog.overview.group': 'Gruppe',
  'catalog.overview.site': 'Standort',
  'catalog.overview.services': 'Dienste',
  'catalog.overview.dependsOn': 'Hängt ab von',
  'catalog.overview.none': '–',
  'catalog.overview.empty': 'Der Katalog enthält noch keine Komponenten.',
  'catalog.editor.heading': 'Katalog bearbeiten',
  'catalog.editor.label': 'Katalog als YAML',
  'catalog.editor.hint':
    'Aufbau und alle Felder: docs/CATALOG.md. „Änderungen anzeigen“ prüft die Datei und schreibt nichts.',
  'catalog.editor.preview': 'Änderungen anzeigen',
  'catalog.editor.apply': 'Übernehmen',
  'catalog.editor.download': 'Aktuellen Katalog als Datei herunterladen',
  'catalog.preview.heading': 'Vorschau – Änderungen: {count}',
  'catalog.preview.none': 'Keine Änderungen: der Katalog entspricht bereits dieser Datei.',
  'catalog.preview.notApplied':
    'Noch nichts übernommen. Mit „Übernehmen“ werden diese Änderungen geschrieben.',
  'catalog.errors.heading': 'Die Datei wurde nicht übernommen. Gefundene Probleme: {count}',
  'catalog.errors.position': 'Zeile {line}, Spalte {column}',
  'catalog.notice.applied': 'Der Katalog wurde übernommen.',
  'catalog.notice.unchanged': 'Keine Änderungen: der Katalog war bereits auf diesem Stand.',
  'catalog.change.create': 'Neu: {kind} „{id}“',
  'catalog.change.update': 'Geändert: {kind} „{id}“ ({fields})',
  'catalog.change.delete': 'Gelöscht: {kind} „{id}“',
  'catalog.kind.site': 'Standort',
  'catalog.kind.group': 'Gruppe',
  'catalog.kind.service': 'Dienst',
  'catalog.kind.component': 'Komponente',
  'catalog.kind.hotline': 'Hotline',
  'catalog.cli.noSuchFile': 'Datei nicht gefunden.',
  'catalog.cli.unreadable': 'Datei nicht lesbar ({reason}).',
  'catalog.cli.refused': 'abgelehnt, Probleme: {count}; nichts wurde geändert.',
  'catalog.cli.counts': '{created} neu, {updated} geändert, {deleted} gelöscht',
  'catalog.cli.dryRun': 'Probelauf: {counts}; nichts wurde geschrieben.',
  'catalog.cli.applied': 'Übernommen: {counts}.',
  'catalog.cli.wrote': 'geschrieben: {file}',
  'catalog.error.emptyFile':
    'Die Datei ist leer. Soll der Katalog wirklich geleert werden, bitte leere Listen angeben (z. B. „components: []“).',
  'catalog.error.fileTooLarge': 'Die Datei ist zu groß (höchstens {max} KiB).',
  'catalog.error.yamlSyntax': 'YAML-Syntaxfehler: {detail}',
  'catalog.error.yamlDuplicateKey': 'Dieser Schlüssel kommt in derselben Zuordnung doppelt vor.',
  'catalog.error.yamlTab': 'Tabulator als Einrückung: YAML erlaubt nur Leerzeichen.',
  'catalog.error.yamlMultipleDocs': 'Mehrere YAML-Dokumente („---“): ein Katalog ist genau ein Dokument.',
  'catalog.error.yamlAliases': 'Zu viele Aliase (*name): die Datei ist so nicht verarbeitbar.',
  'catalog.error.expectedMapping': 'Erwartet: eine Zuordnung (Schlüssel: Wert).',
  'catalog.error.expectedList': 'Erwartet: eine Liste (Einträge beginnen mit „- “).',
  'catalog.error.expectedText':
    'Erwartet: Text. Zahlen, true/false und Rufnummern ohne Leerzeichen in Anführungszeichen setzen.',
  'catalog.error.expectedBoolean': 'Erwartet: true oder false.',
  'catalog.error.unknownKey': 'Unbekannter Schlüssel. Erlaubt sind: {allowed}.',
  'catalog.error.unsupportedVersion': 'Unbekannte Formatversion „{value}“; unterstützt wird 1.',
  'catalog.error.invalidId':
    'Ungültige ID „{value}“: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (z. B. media-cottbus).',
  'catalog.error.invalidReference':
    'Ungültiger Verweis „{value}“: IDs bestehen aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen.',
  'catalog.error.invalidQueue':
    'Ungültige Queue „{value}“: nur Kleinbuchstaben, Ziffern und einzelne Bindestriche.',
  'catalog.error.invalidIdentifierKey':
    'Ungültiger Schlüssel „{value}“: Buchstaben und Ziffern, beginnend mit einem Kleinbuchstaben (z. B. cloudName).',
  'catalog.error.duplicateId': 'Die ID „{id}“ kommt doppelt vor (zuerst bei {first}).',
  'catalog.error.duplicateEntry': '„{value}“ ist doppelt angegeben.',
  'catalog.error.invalidReporter': 'Unbekannte Meldergruppe „{value}“: erlaubt sind partner und customer.',
  'catalog.error.requiredWithOneOf':
    '„required“ und „oneOf“ schließen sich aus: oneOf bedeutet „mindestens eines aus dieser Gruppe“.',
  'catalog.error.selfDependency': 'Die Komponente „{id}“ kann nicht von sich selbst abhängen.',
  'catalog.error.unknownComponent': 'Unbekannte Komponente „{id}“.',
  'catalog.error.unknownGroup': 'Unbekannte Gruppe „{id}“.',
  'catalog.error.unknownSite': 'Unbekannter Standort „{id}“.',
  'catalog.error.unknownService': 'Unbekannter Dienst „{id}“.',
  'catalog.error.dependencyCycle': 'Abhängigkeiten im Kreis: {cycle}.',
  'catalog.error.invalidPhone':
    'Ungültige Rufnummer „{value}“: international mit + und Ländervorwahl, nur Ziffern und Leerzeichen (z. B. +49 30 1234567 0).',
  'catalog.error.componentInIncident':
    'Die Komponente „{id}“ kann nicht entfernt werden: die offene Störung „{titleDe}“ betrifft sie. Erst die Störung beheben oder die Komponente in der Datei lassen.',
  'catalog.error.componentInMaintenance':
    'Die Komponente „{id}“ kann nicht entfernt werden: die Wartung „{titleDe}“ ist noch nicht abgeschlossen und umfasst sie.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'catalog.title': 'Catalog',
  'catalog.intro':
    'The catalog describes sites, services, component groups, components with their dependencies, and the outage hotlines. It is edited as a YAML file: whatever the file leaves out is deleted.',
  'catalog.counts':
    'Sites: {sites} · groups: {groups} · services: {services} · components: {components} · hotlines: {hotlines}',
  'catalog.overview.heading': 'Components',
  'catalog.overview.component': 'Component',
  'catalog.overview.group': 'Group',
  'catalog.overview.site': 'Site',
  'catalog.overview.services': 'Services',
  'catalog.overview.dependsOn': 'Depends on',
  'catalog.overview.none': '–',
  'catalog.overview.empty': 'The catalog has no components yet.',
  'catalog.editor.heading': 'Edit the catalog',
  'catalog.editor.label': 'Catalog as YAML',
  'catalog.editor.hint':
    'Layout and every field: docs/CATALOG.md. "Preview changes" checks the file and writes nothing.',
  'catalog.editor.preview': 'Preview changes',
  'catalog.editor.apply': 'Apply',
  'catalog.editor.download': 'Download the current catalog as a file',
  'catalog.preview.heading': 'Preview – changes: {count}',
  'catalog.preview.none': 'No changes: the catalog already matches this file.',
  'catalog.preview.notApplied': 'Nothing applied yet. "Apply" writes these changes.',
  'catalog.errors.heading': 'The file was not applied. Problems found: {count}',
  'catalog.errors.position': 'line {line}, column {column}',
  'catalog.notice.applied': 'The catalog has been applied.',
  'catalog.notice.unchanged': 'No changes: the catalog was already in this state.',
  'catalog.change.create': 'New: {kind} "{id}"',
  'catalog.change.update': 'Changed: {kind} "{id}" ({fields})',
  'catalog.change.delete': 'Deleted: {kind} "{id}"',
  'catalog.kind.site': 'site',
  'catalog.kind.group': 'group',
  'catalog.kind.service': 'service',
  'catalog.kind.component': 'component',
  'catalog.kind.hotline': 'hotline',
  'catalog.cli.noSuchFile': 'No such file.',
  'catalog.cli.unreadable': 'Cannot read the file ({reason}).',
  'catalog.cli.refused': 'refused, problems: {count}; nothing was changed.',
  'catalog.cli.counts': '{created} created, {updated} updated, {deleted} deleted',
  'catalog.cli.dryRun': 'Dry run: {counts}; nothing was written.',
  'catalog.cli.applied': 'Applied: {counts}.',
  'catalog.cli.wrote': 'wrote {file}',
  'catalog.error.emptyFile':
    'The file is empty. To really empty the catalog, give empty lists (e.g. "components: []").',
  'catalog.error.fileTooLarge': 'The file is too large (at most {max} KiB).',
  'catalog.error.yamlSyntax': 'YAML syntax error: {detail}',
  'catalog.error.yamlDuplicateKey': 'This key appears twice in the same mapping.',
  'catalog.error.yamlTab': 'Tab used for indentation: YAML allows spaces only.',
  'catalog.error.yamlMultipleDocs': 'Several YAML documents ("---"): a catalog is exactly one document.',
  'catalog.error.yamlAliases': 'Too many aliases (*name): the file cannot be processed like this.',
  'catalog.error.expectedMapping': 'Expected a mapping (key: value).',
  'catalog.error.expectedList': 'Expected a list (entries start with "- ").',
  'catalog.error.expectedText':
    'Expected text. Put numbers, true/false and phone numbers without spaces in quotes.',
  'catalog.error.expectedBoolean': 'Expected true or false.',
  'catalog.error.unknownKey': 'Unknown key. Allowed are: {allowed}.',
  'catalog.error.unsupportedVersion': 'Unknown format version "{value}"; 1 is supported.',
  'catalog.error.invalidId':
    'Invalid id "{value}": lowercase letters a–z, digits and single hyphens only (e.g. media-cottbus).',
  'catalog.error.invalidReference':
    'Invalid reference "{value}": ids consist of lowercase letters, digits and single hyphens.',
  'catalog.error.invalidQueue': 'Invalid queue "{value}": lowercase letters, digits and single hyphens only.',
  'catalog.error.invalidIdentifierKey':
    'Invalid key "{value}": letters and digits, starting with a lowercase letter (e.g. cloudName).',
  'catalog.error.duplicateId': 'The id "{id}" appears twice (first at {first}).',
  'catalog.error.duplicateEntry': '"{value}" is given twice.',
  'catalog.error.invalidReporter': 'Unknown reporter kind "{value}": allowed are partner and customer.',
  'catalog.error.requiredWithOneOf':
    '"required" and "oneOf" exclude each other: oneOf means "at least one of this group".',
  'catalog.error.selfDependency': 'The component "{id}" cannot depend on itself.',
  'catalog.error.unknownComponent': 'Unknown component "{id}".',
  'catalog.error.unknownGroup': 'Unknown group "{id}".',
  'catalog.error.unknownSite': 'Unknown site "{id}".',
  'catalog.error.unknownService': 'Unknown service "{id}".',
  'catalog.error.dependencyCycle': 'Dependency cycle: {cycle}.',
  'catalog.error.invalidPhone':
    'Invalid phone number "{value}": international with + and country code, digits and spaces only (e.g. +49 30 1234567 0).',
  'catalog.error.componentInIncident':
    'The component "{id}" cannot be removed: the open incident "{titleEn}" affects it. Resolve the incident first or keep the component in the file.',
  'catalog.error.componentInMaintenance':
    'The component "{id}" cannot be removed: the maintenance "{titleEn}" is not finished yet and includes it.',
};
