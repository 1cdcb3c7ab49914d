/**
 * @module One template by id: `findTemplate` answers null when it is gone (a picker link may be
 * stale), `getTemplate` treats that as not found.
 */
import { notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';
import { type TemplateView, toTemplateView } from './list-templates.ts';

export async function findTemplate(db: Tx, id: string): Promise<TemplateView | null> {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplateView(row) : null;
}

export async function getTemplate(db: Tx, id: string): Promise<TemplateView> {
  const template = await findTemplate(db, id);
  if (!template) throw notFound('template', id);
  return template;
}
