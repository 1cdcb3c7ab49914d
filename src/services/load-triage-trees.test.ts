import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { outcomePaths, walkTriage } from '#src/domain/triage.ts';
import { loadTriageTrees, TriageLoadError } from './load-triage-trees.ts';

const demo = parseCatalogFile(readFileSync(new URL('../../catalog/demo.yaml', import.meta.url), 'utf8'));
const demoServices = new Set(demo.ok ? demo.document.services.map((s) => s.id) : []);

describe('the default self-check trees', () => {
  const { trees } = loadTriageTrees();

  it('cover every symptom of the hotline guide', () => {
    expect(trees.map((t) => t.id).sort()).toEqual([
      'cloud-not-responding',
      'cloud-web-unreachable',
      'customer-center-unreachable',
      'dsl-no-internet',
      'dsl-no-lights',
      'no-calls',
      'partner-portal-unreachable',
      'phones-unregistered',
      'push-iphone',
      'trunk-health',
    ]);
  });

  it('name services of the demo catalog, also in report outcomes', () => {
    expect(demoServices.size).toBeGreaterThan(0);
    for (const tree of trees) {
      expect(demoServices.has(tree.service), tree.id).toBe(true);
      for (const n of tree.nodes) {
        if (n.type === 'outcome' && n.service)
          expect(demoServices.has(n.service), `${tree.id}/${n.id}`).toBe(true);
      }
    }
  });

  it('reach every outcome by a walk that ends there', () => {
    for (const tree of trees) {
      const outcomes = tree.nodes.filter((n) => n.type === 'outcome').map((n) => n.id);
      const paths = outcomePaths(tree);
      expect([...paths.keys()].sort(), tree.id).toEqual(outcomes.sort());
      for (const [id, path] of paths) {
        const walk = walkTriage(tree, path);
        expect(walk.ok && walk.node.id, `${tree.id} ${path.join('.')}`).toBe(id);
      }
    }
  });

  it('send every tree to a report, and use each kind of outcome somewhere', () => {
    const kinds = new Set(
      trees.flatMap((t) => t.nodes.flatMap((n) => (n.type === 'outcome' ? [n.kind] : []))),
    );
    expect([...kinds].sort()).toEqual(['fix_yourself', 'not_reportable', 'other_carrier', 'report']);
    for (const tree of trees.filter((t) => t.id !== 'dsl-no-lights')) {
      expect(
        tree.nodes.some((n) => n.type === 'outcome' && n.kind === 'report'),
        tree.id,
      ).toBe(true);
    }
  });

  it('carry the NAT timeout advice for UNREACHABLE/LAGGED phones', () => {
    const tree = trees.find((t) => t.id === 'phones-unregistered');
    const walk = tree && walkTriage(tree, [0]);
    expect(walk?.ok && walk.node.type === 'outcome' && walk.node.kind).toBe('fix_yourself');
    expect(walk?.ok && walk.node.type === 'outcome' && walk.node.text.de).toContain('61 Minuten');
  });
});

describe('loadTriageTrees on a directory', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tree = (id: string, next = 'done') =>
    [
      `id: ${id}`,
      'service: dsl',
      'title: {de: Kein Internet, en: No internet}',
      'start: q',
      'nodes:',
      '  - id: q',
      '    question: {de: Leuchtet die LED?, en: Is the light on?}',
      '    answers:',
      `      - {label: {de: Ja, en: "Yes"}, next: ${next}}`,
      '      - {label: {de: Nein, en: "No"}, next: done}',
      '  - {id: done, outcome: report, title: {de: Melden, en: Report}, text: {de: Bitte melden, en: Please report}}',
    ].join('\n');

  it('refuses a broken tree loudly with file and path, and a tree id used twice', () => {
    dir = mkdtempSync(join(tmpdir(), 'triage-'));
    writeFileSync(join(dir, 'a.yaml'), tree('dsl-a'));
    writeFileSync(join(dir, 'b.yaml'), tree('dsl-a'));
    writeFileSync(join(dir, 'c.yaml'), tree('dsl-c', 'gone'));
    writeFileSync(join(dir, 'd.yaml'), 'id: [unclosed');
    let error: unknown;
    try {
      loadTriageTrees(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TriageLoadError);
    const problems = (error as TriageLoadError).problems.map((p) => `${p.file} ${p.path} ${p.key}`);
    expect(problems).toEqual([
      'b.yaml id triage.error.duplicateTree',
      'c.yaml nodes[0].answers[0].next triage.error.unknownNode',
      'd.yaml  triage.error.yaml',
    ]);
    expect((error as Error).message).toContain('c.yaml: nodes[0].answers[0].next: triage.error.unknownNode');
  });

  it('loads valid trees in file-name order', () => {
    dir = mkdtempSync(join(tmpdir(), 'triage-'));
    writeFileSync(join(dir, 'b.yaml'), tree('dsl-b'));
    writeFileSync(join(dir, 'a.yml'), tree('dsl-a'));
    writeFileSync(join(dir, 'README.md'), 'not a tree');
    const loaded = loadTriageTrees(dir);
    expect(loaded.trees.map((t) => t.id)).toEqual(['dsl-a', 'dsl-b']);
    expect(loaded.byId.get('dsl-b')?.service).toBe('dsl');
  });
});
