/**
 * @module The texts the Statuspage-compatible API puts in `status.description`, in both
 * languages. Statuspage's own English wording is kept so that clients that show it read as usual.
 */
import type { Locale } from '#src/web/i18n/index.ts';

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export const statusDescriptions: Record<Locale, Record<Indicator, string>> = {
  de: {
    none: 'Alle Systeme betriebsbereit',
    minor: 'Geringfügige Störung',
    major: 'Teilweiser Systemausfall',
    critical: 'Schwerer Systemausfall',
    maintenance: 'Wartungsarbeiten laufen',
  },
  en: {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major System Outage',
    maintenance: 'Service Under Maintenance',
  },
};
