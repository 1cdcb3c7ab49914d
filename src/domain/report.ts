/**
 * @module Rules of an outage report, without I/O: who may report a service, which fields a report
 * must carry (per the catalog's identifier definitions), phone numbers to E.164, the self-check
 * path, and the readable ticket number. Errors are field paths with message keys, as the form
 * names its fields, so that the web layer can show each one beside its field.
 */
import type { FieldError } from './errors.ts';

export type ReporterKind = 'partner' | 'customer';
export const reporterKinds: readonly ReporterKind[] = ['partner', 'customer'];
export const isReporterKind = (v: unknown): v is ReporterKind => v === 'partner' || v === 'customer';

/** The catalog's service "other" (if it has one) asks what exactly is meant. */
export const otherServiceId = 'other';

/** Cloud names are host names; `DIALTONE_REPORT_CLOUD_NAME_PATTERN` replaces this (docs/REPORTS.md). */
export const defaultCloudNamePattern = '^[a-z0-9-]+\\.[a-z0-9.-]+$';
/** The identifier key whose value is a cloud's host name. */
export const cloudNameKey = 'cloudName';

/** Personal fields are erased this long after a report is closed (stated on the consent). */
export const defaultRetentionDays = 180;

export const limits = {
  name: 100,
  company: 200,
  email: 254,
  phone: 40,
  identifier: 200,
  serviceOther: 200,
  descriptionMin: 10,
  description: 5000,
  pathSteps: 30,
} as const;

export interface IdentifierSpec {
  key: string;
  label_de: string;
  label_en: string;
  hint_de: string;
  hint_en: string;
  required: boolean;
  oneOf: string | null;
}

export interface ReportableService {
  id: string;
  reporters: string[];
  identifiers: IdentifierSpec[];
  queue: string;
}

/** What the form sends, as strings (anything else arrives as undefined). */
export interface RawReport {
  company?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  reporterKind?: string | undefined;
  serviceId?: string | undefined;
  serviceOther?: string | undefined;
  identifiers?: Record<string, string | undefined> | undefined;
  description?: string | undefined;
  consent?: boolean | undefined;
}

export interface CleanReport {
  company: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  reporterKind: ReporterKind;
  serviceId: string;
  serviceOther: string;
  /** Only the service's identifiers, in catalog order, blanks left out. */
  identifiers: Record<string, string>;
  description: string;
}

/** Reads the catalog's JSON identifier list, tolerating older rows without `required`/`oneOf`. */
export function identifierSpecs(raw: unknown[]): IdentifierSpec[] {
  return raw.flatMap((x) => {
    if (!x || typeof x !== 'object') return [];
    const o = x as Record<string, unknown>;
    if (typeof o.key !== 'string') return [];
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    const oneOf = typeof o.oneOf === 'string' && o.oneOf ? o.oneOf : null;
    return [
      {
        key: o.key,
        label_de: s(o.label_de) || o.key,
        label_en: s(o.label_en) || s(o.label_de) || o.key,
        hint_de: s(o.hint_de),
        hint_en: s(o.hint_en),
        required: oneOf === null && o.required !== false,
        oneOf,
      },
    ];
  });
}

/**
 * Normalises a phone number to E.164. `+49 355 123456`, `0049 355 123456` and (with the default
 * country code 49) `0355 123456` all become `+49355123456`. Null when it is not a number.
 */
export function toE164(raw: string, defaultCallingCode = '49'): string | null {
  const compact = raw.trim().replace(/[\s./()-]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = defaultCallingCode + compact.slice(1);
  else return null;
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

type Check = (path: string, value: string | undefined, max: number, required?: boolean) => string;

/** Validates a report against its service. Returns the clean report or all field errors. */
export function validateReport(
  raw: RawReport,
  service: ReportableService | undefined,
  options: { cloudNamePattern: RegExp; hasOtherService: boolean },
): { ok: true; report: CleanReport } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text: Check = (path, value, max, required = true) => {
    const v = (value ?? '').trim();
    if (!v && required) errors.push({ path, key: 'error.required' });
    else if (v.length > max) errors.push({ path, key: 'error.tooLong', params: { max } });
    return v;
  };
  const company = text('company', raw.company, limits.company);
  const firstName = text('firstName', raw.firstName, limits.name);
  const lastName = text('lastName', raw.lastName, limits.name);
  const email = text('email', raw.email, limits.email);
  if (email && email.length <= limits.email && !emailPattern.test(email)) {
    errors.push({ path: 'email', key: 'error.invalidEmail' });
  }
  const phoneRaw = text('phone', raw.phone, limits.phone);
  const phone = phoneRaw ? toE164(phoneRaw) : null;
  if (phoneRaw && phoneRaw.length <= limits.phone && !phone) {
    errors.push({ path: 'phone', key: 'report.error.phone' });
  }
  const kind = raw.reporterKind;
  if (!kind) errors.push({ path: 'reporterKind', key: 'error.required' });
  else if (!isReporterKind(kind)) errors.push({ path: 'reporterKind', key: 'report.error.reporterKind' });

  let serviceOther = '';
  let identifiers: Record<string, string> = {};
  if (!raw.serviceId) errors.push({ path: 'service', key: 'error.required' });
  else if (!service) errors.push({ path: 'service', key: 'report.error.unknownService' });
  else {
    if (service.reporters.length === 0) errors.push({ path: 'service', key: 'report.error.notReportable' });
    else if (isReporterKind(kind) && !service.reporters.includes(kind)) {
      errors.push({ path: 'reporterKind', key: 'report.error.partnersOnly' });
    }
    const needsOther = service.id === otherServiceId && options.hasOtherService;
    serviceOther = text('serviceOther', raw.serviceOther, limits.serviceOther, needsOther);
    identifiers = checkIdentifiers(service.identifiers, raw.identifiers ?? {}, options, text, errors);
  }
  const description = text('description', raw.description, limits.description);
  if (description && description.length < limits.descriptionMin) {
    errors.push({ path: 'description', key: 'error.tooShort', params: { min: limits.descriptionMin } });
  }
  if (raw.consent !== true) errors.push({ path: 'consent', key: 'report.error.consent' });
  if (errors.length > 0 || !service || !phone || !isReporterKind(kind)) return { ok: false, errors };
  return {
    ok: true,
    report: {
      company,
      firstName,
      lastName,
      email,
      phone,
      reporterKind: kind,
      serviceId: service.id,
      serviceOther,
      identifiers,
      description,
    },
  };
}

function checkIdentifiers(
  specs: IdentifierSpec[],
  raw: Record<string, string | undefined>,
  options: { cloudNamePattern: RegExp },
  text: Check,
  errors: FieldError[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const path = `identifiers.${spec.key}`;
    let v = text(path, raw[spec.key], limits.identifier, spec.required);
    if (spec.key === cloudNameKey && v) {
      // Host names are case-insensitive; people paste them with a scheme or a trailing slash.
      v = v
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
      if (!options.cloudNamePattern.test(v)) errors.push({ path, key: 'report.error.cloudName' });
    }
    if (v) out[spec.key] = v;
  }
  const groups = new Set(specs.flatMap((s) => (s.oneOf ? [s.oneOf] : [])));
  for (const group of groups) {
    const members = specs.filter((s) => s.oneOf === group);
    if (members.some((m) => out[m.key])) continue;
    for (const m of members) errors.push({ path: `identifiers.${m.key}`, key: 'report.error.oneOf' });
  }
  return out;
}

/** One step of the self-check: the question (node) and the answer chosen. */
export interface TriageStep {
  node: string;
  answer: string;
}

const stepPart = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The self-check's path as it arrives in the report link (`node:answer,node:answer`), plus the
 * symptom it started from. Informational only: malformed steps are dropped, never refused.
 */
export function parseTriagePath(symptom: string | undefined, path: string | undefined): TriageStep[] {
  const steps: TriageStep[] = [];
  if (symptom && stepPart.test(symptom)) steps.push({ node: 'symptom', answer: symptom });
  for (const part of (path ?? '').split(',')) {
    const [node = '', answer = '', ...rest] = part.split(':');
    if (rest.length === 0 && stepPart.test(node) && stepPart.test(answer)) steps.push({ node, answer });
  }
  return steps.slice(0, limits.pathSteps);
}

/** Steps as stored: at most `pathSteps` of them, each part cut to 200 characters. */
export const clampTriageSteps = (steps: readonly TriageStep[]): TriageStep[] =>
  steps
    .slice(0, limits.pathSteps)
    .map((s) => ({ node: s.node.slice(0, 200), answer: s.answer.slice(0, 200) }));

/** `ST-2026-000123`: prefix, year, a sequence per year. */
export const formatTicket = (year: number, sequence: number) =>
  `ST-${year}-${String(sequence).padStart(6, '0')}`;

export const ticketPattern = /^ST-(\d{4})-(\d{6})$/;

/** The sequence number of a ticket, or null for anything that is not one. */
export function ticketSequence(ticket: string): number | null {
  const m = ticketPattern.exec(ticket);
  return m ? Number(m[2]) : null;
}
