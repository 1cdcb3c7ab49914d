/**
 * @module Deletes a template. Texts already posted from it stay as they were (they were copied).
 */
import { notFound } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function deleteTemplate({ ctx, input }: { ctx: ServiceContext; input: { templateId: string } }) {
  return ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('templates')
      .where('id', '=', input.templateId)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!deleted) throw notFound('template', input.templateId);
    await writeAudit(trx, ctx, {
      action: 'template.delete',
      subjectType: 'template',
      subjectId: deleted.id,
      detail: { name: deleted.name },
    });
    return { id: deleted.id };
  });
}
