/**
 * @module Message templates in name order, optionally only those for some statuses (the incident
 * forms offer incident templates, the maintenance form maintenance templates).
 */
import type { Tx } from './context.ts';

export interface TemplateView {
  id: string;
  name: string;
  status: string;
  title: { de: string; en: string };
  body: { de: string; en: string };
  createdAt: string;
}

export function toTemplateView(r: {
  id: string;
  name: string;
  status: string;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
  created_at: string;
}): TemplateView {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    title: { de: r.title_de, en: r.title_en },
    body: { de: r.body_de, en: r.body_en },
    createdAt: r.created_at,
  };
}

export async function listTemplates(
  db: Tx,
  options: { statuses?: readonly string[] } = {},
): Promise<TemplateView[]> {
  const statuses = options.statuses;
  if (statuses && statuses.length === 0) return [];
  const rows = await db
    .selectFrom('templates')
    .selectAll()
    .$if(statuses !== undefined, (q) => q.where('status', 'in', statuses!))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toTemplateView);
}
