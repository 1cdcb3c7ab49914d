/**
 * @module Message templates in the order an outage runs, then by name; optionally only those for
 * some statuses (the incident forms offer incident templates, the maintenance form maintenance
 * templates).
 */
import type { Tx } from './context.ts';
import { templateStatuses } from './template-rules.ts';

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

const rank = (status: string) => {
  const i = (templateStatuses as readonly string[]).indexOf(status);
  return i === -1 ? templateStatuses.length : i;
};
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** In the order an outage runs (investigating … resolved, then maintenance), then by name. */
function byLifecycle(a: TemplateView, b: TemplateView): number {
  return rank(a.status) - rank(b.status) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
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
    .execute();
  return rows.map(toTemplateView).sort(byLifecycle);
}
