/**
 * @module The outage the end-to-end test plays through, on the demo catalog: what fails, what it
 * takes down with it, and what the operator writes at each step (German and English).
 */
import type { Declaration, Update } from './console-steps.ts';

/**
 * The failed component and one it takes down with it (SIP trunks run through the SBC). Both sit
 * at the top of the component list, so the README screenshot shows the outage spreading.
 */
export const sbc = 'sbc-fra';
export const sipTrunk = 'sip-trunk';
/** The partly failed component and the one depending on it (DSL access needs RADIUS). */
export const radius = 'dsl-radius';
export const dslAccess = 'dsl-access';
/** Depends on nothing that fails here: stays operational throughout. */
export const bystander = 'number-porting';

export const declaration: Declaration = {
  // "&" on purpose: it must arrive as text in HTML, Atom and JSON alike.
  title: { de: 'Störung SBC Frankfurt & DSL-Anmeldung', en: 'Frankfurt SBC & DSL login disrupted' },
  message: {
    de: 'Anrufe über Cloud-Telefonanlagen und SIP-Trunks brechen ab; DSL-Anmeldungen schlagen teilweise fehl.',
    en: 'Calls through hosted PBX clouds and SIP trunks drop; some DSL logins fail.',
  },
  components: { [sbc]: 'major_outage', [radius]: 'partial_outage' },
};

export const identified: Update = {
  status: 'identified',
  visibility: 'public',
  message: {
    de: 'Ursache gefunden: ein defektes Netzteil im Session Border Controller. Ersatz ist unterwegs.',
    en: 'Cause found: a failed power supply in the session border controller. A replacement is on its way.',
  },
};

export const internalNote: Update = {
  status: 'identified',
  visibility: 'internal',
  message: { de: 'Intern: Techniker Meier, Ticket 4711.', en: 'Internal: technician Meier, ticket 4711.' },
};

export const monitoring: Update = {
  status: 'monitoring',
  visibility: 'public',
  message: { de: 'Netzteil getauscht, wir beobachten.', en: 'Power supply replaced, we are monitoring.' },
};

export const resolution = {
  de: 'Alle Dienste laufen wieder. Entschuldigen Sie die Unterbrechung.',
  en: 'All services are back. We apologise for the interruption.',
};
