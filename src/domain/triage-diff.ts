/**
 * @module What a tree edit changes, node by node, for the console's check before saving: nodes
 * added, removed and changed (anything in them: question, answers, texts, outcome), and changes
 * to the tree's own title, service or first question. Pure.
 *
 * @example
 * diffTriageTrees(stored, edited) // [{ op: 'update', id: 'firewall' }, { op: 'create', id: 'nat' }]
 */
import type { TriageTree } from './triage.ts';

export interface TriageChange {
  op: 'create' | 'update' | 'delete';
  /** A node id, or `title`, `service`, `start` for the tree's own fields. */
  id: string;
  /** True for the tree's own fields. */
  tree?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffTriageTrees(before: TriageTree, after: TriageTree): TriageChange[] {
  const changes: TriageChange[] = [];
  for (const field of ['title', 'service', 'start'] as const)
    if (!same(before[field], after[field])) changes.push({ op: 'update', id: field, tree: true });
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const next = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was) changes.push({ op: 'create', id: n.id });
    else if (!same(was, n)) changes.push({ op: 'update', id: n.id });
  }
  for (const n of before.nodes) if (!next.has(n.id)) changes.push({ op: 'delete', id: n.id });
  return changes;
}
