/**
 * @module What every template verb shares: which statuses a message template may be for, the
 * checks of its name, title and body, the stored values, and whether a name is taken (names are
 * unique).
 */
import type { FieldError } from '#src/domain/errors.ts';
import {
  type BilingualText,
  checkBilingual,
  incidentStatuses,
  maxMessageLength,
  maxTitleLength,
} from '#src/domain/incident.ts';
import { maintenanceStatuses } from '#src/domain/maintenance.ts';
import type { Tx } from './context.ts';

/** A template fits one incident status or one maintenance status (the two sets do not overlap). */
export const templateStatuses = [...incidentStatuses, ...maintenanceStatuses] as const;
export type TemplateStatus = (typeof templateStatuses)[number];
export const isTemplateStatus = (v: unknown): v is TemplateStatus =>
  typeof v === 'string' && (templateStatuses as readonly string[]).includes(v);

export const maxTemplateNameLength = 100;

export interface TemplateInput {
  name: string;
  status: string;
  /** Optional: updates have no title; declarations and announcements use it. */
  title: BilingualText;
  body: BilingualText;
}

export const nameTakenKey = 'console.templates.error.nameTaken';

export function checkTemplate(input: TemplateInput): FieldError[] {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ path: 'name', key: 'error.required' });
  if (name.length > maxTemplateNameLength)
    errors.push({ path: 'name', key: 'error.tooLong', params: { max: maxTemplateNameLength } });
  if (!isTemplateStatus(input.status))
    errors.push({ path: 'status', key: 'error.invalidValue', params: { value: input.status } });
  errors.push(...checkBilingual('title', input.title, maxTitleLength, false));
  errors.push(...checkBilingual('body', input.body, maxMessageLength));
  return errors;
}

/** Trimmed values as stored; empty languages stay empty (the verbs fill them on use). */
export function templateValues(input: TemplateInput) {
  return {
    name: input.name.trim(),
    status: input.status,
    title_de: input.title.de.trim(),
    title_en: input.title.en.trim(),
    body_de: input.body.de.trim(),
    body_en: input.body.en.trim(),
  };
}

export async function nameTaken(db: Tx, name: string, exceptId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('templates')
    .select('id')
    .where('name', '=', name)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}
