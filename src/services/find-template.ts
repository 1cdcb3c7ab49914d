/**
 * @module findTemplate: one template by id, or null when it is gone (a picker link may be
 * stale); getTemplate treats that as not found.
 */
import type { Tx } from './context.ts';
import { type TemplateView, toTemplateView } from './list-templates.ts';

export async function findTemplate(db: Tx, id: string): Promise<TemplateView | null> {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplateView(row) : null;
}
