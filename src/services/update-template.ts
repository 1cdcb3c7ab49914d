/**
 * @module Changes a template's name, status and texts. The audit row records which fields changed.
 */
import { notFound, validationError } from '#src/domain/errors.ts';
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

export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TemplateInput & { templateId: string };
}) {
  const errors = checkTemplate(input);
  const values = templateValues(input);
  if (errors.length === 0 && (await nameTaken(ctx.db, values.name, input.templateId))) {
    errors.push({ path: 'name', key: nameTakenKey, params: { name: values.name } });
  }
  if (errors.length > 0) throw validationError(errors);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('templates')
        .selectAll()
        .where('id', '=', input.templateId)
        .executeTakeFirst();
      if (!before) throw notFound('template', input.templateId);
      await trx.updateTable('templates').set(values).where('id', '=', input.templateId).execute();
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]);
      await writeAudit(trx, ctx, {
        action: 'template.update',
        subjectType: 'template',
        subjectId: input.templateId,
        detail: { name: values.name, changed },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw validationError([{ path: 'name', key: nameTakenKey, params: { name: values.name } }]);
    }
    throw e;
  }
  return { id: input.templateId };
}
