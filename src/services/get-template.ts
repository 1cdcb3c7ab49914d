/**
 * @module getTemplate: one template by id, not found when it is gone (findTemplate answers
 * null instead, for a picker link that may be stale).
 */
import { notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';
import { findTemplate } from './find-template.ts';
import type { TemplateView } from './list-templates.ts';

export async function getTemplate(db: Tx, id: string): Promise<TemplateView> {
  const template = await findTemplate(db, id);
  if (!template) throw notFound('template', id);
  return template;
}
