/**
 * @module Strings of the monitors area (German reference, English with the same keys).
 */
export const de = {
  'catalog.kind.monitor': 'Monitor',
  'monitors.catalog.invalidKind': 'Unbekannte Monitor-Art „{value}“. Erlaubt sind: {allowed}.',
  'monitors.catalog.invalidChoice': 'Ungültiger Wert „{value}“. Erlaubt sind: {allowed}.',
  'monitors.catalog.invalidDuration':
    'Ungültige Dauer „{value}“: eine Zahl in Sekunden oder mit Einheit, z. B. 15s, 500ms, 2m.',
  'monitors.catalog.durationRange': 'Die Dauer muss zwischen {min} und {max} liegen.',
  'monitors.catalog.integerRange': 'Erwartet: eine ganze Zahl von {min} bis {max}.',
  'monitors.catalog.timeoutNotBelowInterval': 'Das Zeitlimit muss kürzer sein als das Prüfintervall.',
  'monitors.catalog.heartbeatNoTarget':
    'Ein Heartbeat hat kein Ziel: der Job ruft dialtone auf, nicht umgekehrt. Bitte „target“ weglassen.',
  'monitors.catalog.invalidTarget.sip-options':
    'Ungültige SIP-URI „{value}“, erwartet z. B. sip:sbc.example.net:5060;transport=udp.',
  'monitors.catalog.invalidTarget.sip-register':
    'Ungültige SIP-URI „{value}“, erwartet z. B. sip:registrar.example.net;transport=tcp.',
  'monitors.catalog.invalidTarget.http': 'Ungültige URL „{value}“: http:// oder https:// ohne Zugangsdaten.',
  'monitors.catalog.invalidTarget.tcp':
    'Ungültiges Ziel „{value}“, erwartet Host:Port, z. B. db.example.net:5432.',
  'monitors.catalog.invalidTarget.dns': 'Ungültiger Name „{value}“, erwartet z. B. sip.example.net.',
  'monitors.catalog.invalidTarget.tls':
    'Ungültiges Ziel „{value}“, erwartet Host oder Host:Port, z. B. example.net:443.',
  'monitors.catalog.invalidTarget.heartbeat': 'Ein Heartbeat hat kein Ziel.',
  'monitors.catalog.invalidTransport': 'Unbekannter Transport „{value}“: erlaubt sind udp, tcp und tls.',
  'monitors.catalog.sipsOverUdp': 'sips: verlangt TLS und geht nicht über UDP.',
  'monitors.catalog.invalidCodeRanges':
    'Ungültige Statuscodes „{value}“: Codes oder Bereiche von 100 bis 699, z. B. 200-299,404.',
  'monitors.catalog.secretAsEnv':
    'Geheimnisse stehen nie im Katalog: bitte den Namen einer Umgebungsvariable angeben, z. B. env:SBC_PASSWORD.',
  'monitors.catalog.keywordWithHead': 'Ein Suchwort braucht den Antworttext: mit HEAD gibt es keinen.',
  'monitors.catalog.invalidDnsServer':
    'Ungültiger DNS-Server „{value}“: eine IP-Adresse, optional mit Port, z. B. 192.0.2.53:53.',
  'monitors.catalog.warnBelowMin': 'Die Warnschwelle muss mindestens so groß sein wie minDaysLeft.',
  'monitors.error.unknownHeartbeat': 'Unter dieser Adresse gibt es keinen Heartbeat.',
  'monitors.error.notHeartbeat': 'Diesen Heartbeat-Monitor gibt es nicht.',
  'monitors.error.alreadyPaused': 'Der Monitor ist bereits pausiert.',
  'monitors.error.notPaused': 'Der Monitor ist nicht pausiert.',
  'api.tag.heartbeat': 'Heartbeats',
  'api.op.pingHeartbeat': 'Heartbeat melden',
  'api.opDesc.pingHeartbeat':
    'Ein Job (Abrechnungslauf, Sicherung) ruft seine geheime Heartbeat-Adresse auf, wenn er gelaufen ist. Bleibt der Aufruf länger als Periode plus Karenz aus, gilt der Monitor als gestört. Unbekannte Adressen: 404.',
  'api.op.pingHeartbeatPost': 'Heartbeat melden (POST)',
  'api.opDesc.pingHeartbeatPost':
    'Wie GET, für Clients, die nur POST senden können (ohne Inhalt oder mit JSON).',
  'api.param.heartbeatToken': 'Das geheime Token aus der Heartbeat-Adresse (in der Konsole erzeugt)',
} as const;

export const en: Record<keyof typeof de, string> = {
  'catalog.kind.monitor': 'monitor',
  'monitors.catalog.invalidKind': 'Unknown monitor kind "{value}". Allowed are: {allowed}.',
  'monitors.catalog.invalidChoice': 'Invalid value "{value}". Allowed are: {allowed}.',
  'monitors.catalog.invalidDuration':
    'Invalid duration "{value}": a number of seconds or a value with a unit, e.g. 15s, 500ms, 2m.',
  'monitors.catalog.durationRange': 'The duration must be between {min} and {max}.',
  'monitors.catalog.integerRange': 'Expected a whole number from {min} to {max}.',
  'monitors.catalog.timeoutNotBelowInterval': 'The timeout must be shorter than the interval.',
  'monitors.catalog.heartbeatNoTarget':
    'A heartbeat has no target: the job calls dialtone, not the other way round. Leave out "target".',
  'monitors.catalog.invalidTarget.sip-options':
    'Invalid SIP URI "{value}", expected e.g. sip:sbc.example.net:5060;transport=udp.',
  'monitors.catalog.invalidTarget.sip-register':
    'Invalid SIP URI "{value}", expected e.g. sip:registrar.example.net;transport=tcp.',
  'monitors.catalog.invalidTarget.http': 'Invalid URL "{value}": http:// or https:// without credentials.',
  'monitors.catalog.invalidTarget.tcp':
    'Invalid target "{value}", expected host:port, e.g. db.example.net:5432.',
  'monitors.catalog.invalidTarget.dns': 'Invalid name "{value}", expected e.g. sip.example.net.',
  'monitors.catalog.invalidTarget.tls':
    'Invalid target "{value}", expected host or host:port, e.g. example.net:443.',
  'monitors.catalog.invalidTarget.heartbeat': 'A heartbeat has no target.',
  'monitors.catalog.invalidTransport': 'Unknown transport "{value}": udp, tcp and tls are allowed.',
  'monitors.catalog.sipsOverUdp': 'sips: requires TLS and cannot use UDP.',
  'monitors.catalog.invalidCodeRanges':
    'Invalid status codes "{value}": codes or ranges from 100 to 699, e.g. 200-299,404.',
  'monitors.catalog.secretAsEnv':
    'Secrets never go into the catalog: name an environment variable instead, e.g. env:SBC_PASSWORD.',
  'monitors.catalog.keywordWithHead': 'A keyword needs the response body: HEAD has none.',
  'monitors.catalog.invalidDnsServer':
    'Invalid DNS server "{value}": an IP address, optionally with a port, e.g. 192.0.2.53:53.',
  'monitors.catalog.warnBelowMin': 'The warning threshold must be at least minDaysLeft.',
  'monitors.error.unknownHeartbeat': 'There is no heartbeat at this address.',
  'monitors.error.notHeartbeat': 'This heartbeat monitor does not exist.',
  'monitors.error.alreadyPaused': 'The monitor is already paused.',
  'monitors.error.notPaused': 'The monitor is not paused.',
  'api.tag.heartbeat': 'Heartbeats',
  'api.op.pingHeartbeat': 'Report a heartbeat',
  'api.opDesc.pingHeartbeat':
    'A job (billing run, backup) calls its secret heartbeat URL when it has run. When no call comes for longer than the period plus grace, the monitor counts as down. Unknown URLs: 404.',
  'api.op.pingHeartbeatPost': 'Report a heartbeat (POST)',
  'api.opDesc.pingHeartbeatPost': 'Like GET, for clients that can only POST (no body, or JSON).',
  'api.param.heartbeatToken': 'The secret token of the heartbeat URL (created in the console)',
};
