/**
 * @module createTemplate: creates a message template, a named, bilingual title and body for one
 * incident or maintenance status, which the console offers when an operator writes an update.
 * Names are unique; two operators creating the same name at once get a field error, not a 500.
 * The shared checks are in template-rules.ts.
 */
import { validationError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import {
  checkTemplate,
  nameTaken,
  nameTakenKey,
  type TemplateInput,
  templateValues,
} from './template-rules.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { writeAudit } from './write-audit.ts';

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
