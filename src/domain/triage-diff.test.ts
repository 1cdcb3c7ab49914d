import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { smallTree } from '../../test/support/triage-trees.ts';
import { parseTriageTree, type TriageTree } from './triage.ts';
import { diffTriageTrees } from './triage-diff.ts';

const tree = (text: string): TriageTree => {
  const r = parseTriageTree(parse(text));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.tree;
};

describe('diffTriageTrees', () => {
  it('names added, changed and removed nodes and the tree fields that changed', () => {
    const before = tree(smallTree());
    expect(diffTriageTrees(before, tree(smallTree()))).toEqual([]);
    const after = tree(
      smallTree('test-tree', 'Läutet es?')
        .replace('title: {de: Test, en: Test}', 'title: {de: Neu, en: New}')
        .replace('next: ok', 'next: fine')
        .replace('  - id: ok\n', '  - id: fine\n'),
    );
    expect(diffTriageTrees(before, after)).toEqual([
      { op: 'update', id: 'title', tree: true },
      { op: 'update', id: 'q' },
      { op: 'create', id: 'fine' },
      { op: 'delete', id: 'ok' },
    ]);
  });
});
