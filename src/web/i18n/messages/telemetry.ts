/**
 * @module Strings of the telemetry area (German reference, English with the same keys).
 */
export const de = {
  'catalog.kind.peer': 'Gegenstelle',
  'catalog.error.invalidPeerMatch':
    '„{value}“ ist keine IPv4-/IPv6-Adresse und kein Netz (z. B. 192.0.2.0/24).',
  'catalog.error.invalidPort': '„{value}“ ist kein Port (eine ganze Zahl von 1 bis 65535).',
  'catalog.error.duplicatePeerMatch':
    'Adresse und Port „{value}“ gehören schon zur Gegenstelle unter {first}.',
} as const;

export const en: Record<keyof typeof de, string> = {
  'catalog.kind.peer': 'peer',
  'catalog.error.invalidPeerMatch': '"{value}" is not an IPv4/IPv6 address or network (e.g. 192.0.2.0/24).',
  'catalog.error.invalidPort': '"{value}" is not a port (a whole number from 1 to 65535).',
  'catalog.error.duplicatePeerMatch': 'Address and port "{value}" already belong to the peer at {first}.',
};
