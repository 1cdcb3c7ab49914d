/**
 * @module The incident's life: `investigating` → `identified` → `monitoring` → `resolved`.
 * Any open status may follow any open status (a fix may fail and send the NOC back to
 * investigating); `resolved` is final. Validation of a declaration is pure and path-precise.
 */
import { DialtoneError, type FieldError } from './errors.ts';
import { type ComponentStatus, isComponentStatus } from './status.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const openIncidentStatuses = ['investigating', 'identified', 'monitoring'] as const;

export const incidentImpacts = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof incidentImpacts)[number];

export const updateVisibilities = ['public', 'internal'] as const;
export type UpdateVisibility = (typeof updateVisibilities)[number];

export const isIncidentStatus = (v: unknown): v is IncidentStatus =>
  typeof v === 'string' && (incidentStatuses as readonly string[]).includes(v);
export const isIncidentImpact = (v: unknown): v is IncidentImpact =>
  typeof v === 'string' && (incidentImpacts as readonly string[]).includes(v);

export function assertIncidentTransition(from: string, to: IncidentStatus): void {
  if (from === 'resolved') {
    throw new DialtoneError('invalid_transition', 'error.incidentAlreadyResolved', { params: { from, to } });
  }
}

export interface AffectedComponentInput {
  componentId: string;
  status: ComponentStatus;
}

/** Messages are bilingual; one language may be left empty and falls back to the other. */
export interface BilingualText {
  de: string;
  en: string;
}

export const maxTitleLength = 200;
export const maxMessageLength = 20_000;

export function checkBilingual(
  path: string,
  text: BilingualText,
  max: number,
  required = true,
): FieldError[] {
  const errors: FieldError[] = [];
  const de = text.de.trim();
  const en = text.en.trim();
  if (required && !de && !en) errors.push({ path: `${path}_de`, key: 'error.requiredOneLanguage' });
  if (de.length > max) errors.push({ path: `${path}_de`, key: 'error.tooLong', params: { max } });
  if (en.length > max) errors.push({ path: `${path}_en`, key: 'error.tooLong', params: { max } });
  return errors;
}

/** Fills an empty language from the other, so every reader sees something. */
export function fillBilingual(text: BilingualText): BilingualText {
  const de = text.de.trim();
  const en = text.en.trim();
  return { de: de || en, en: en || de };
}

export function checkAffectedComponents(
  list: readonly { componentId: string; status: string }[],
  known: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (!known.has(c.componentId)) {
      errors.push({
        path: `components[${i}].componentId`,
        key: 'error.unknownComponent',
        params: { id: c.componentId },
      });
    } else if (seen.has(c.componentId)) {
      errors.push({
        path: `components[${i}].componentId`,
        key: 'error.duplicateComponent',
        params: { id: c.componentId },
      });
    }
    seen.add(c.componentId);
    if (!isComponentStatus(c.status) || c.status === 'operational' || c.status === 'under_maintenance') {
      errors.push({
        path: `components[${i}].status`,
        key: 'error.invalidIncidentComponentStatus',
        params: { value: c.status },
      });
    }
  });
  return errors;
}

/** The impact an incident has when none is given: from the worst affected component. */
export function impactFromComponents(list: readonly { status: ComponentStatus }[]): IncidentImpact {
  if (list.some((c) => c.status === 'major_outage')) return 'critical';
  if (list.some((c) => c.status === 'partial_outage')) return 'major';
  if (list.some((c) => c.status === 'degraded_performance')) return 'minor';
  return 'none';
}
