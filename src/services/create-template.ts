/**
 * @module Creates a message template: a named, bilingual title and body for one incident or
 * maintenance status, which the console offers when an operator writes an update. Names are
 * unique; two operators creating the same name at once get a field error, not a 500.
 */
import { type FieldError, validationError } from '#src/domain/errors.ts';
import {
  type BilingualText,
  checkBilingual,
  incidentStatuses,
  maxMessageLength,
  maxTitleLength,
} from '#src/domain/incident.ts';
import { maintenanceStatuses } from '#src/domain/maintenance.ts';
import type { ServiceContext, Tx } from './context.ts';
import { writeAudit } from './write-audit.ts';

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

/** The unique index fired: a concurrent request took the name between our check and the write. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err) return false;
  if (err.code === '23505') return true; // PostgreSQL unique_violation
  return typeof err.message === 'string' && err.message.includes('UNIQUE constraint failed');
}

export async function createTemplate({ ctx, input }: { ctx: ServiceContext; input: TemplateInput }) {
  const errors = checkTemplate(input);
  const values = templateValues(input);
  if (errors.length === 0 && (await nameTaken(ctx.db, values.name))) {
    errors.push({ path: 'name', key: nameTakenKey, params: { name: values.name } });
  }
  if (errors.length > 0) throw validationError(errors);
  const id = ctx.newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('templates')
        .values({ id, ...values, created_at: ctx.clock().toISOString() })
        .execute();
      await writeAudit(trx, ctx, {
        action: 'template.create',
        subjectType: 'template',
        subjectId: id,
        detail: { name: values.name, status: values.status },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw validationError([{ path: 'name', key: nameTakenKey, params: { name: values.name } }]);
    }
    throw e;
  }
  return { id };
}
