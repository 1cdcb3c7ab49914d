import { beforeEach, expect, it } from 'vitest';
import { openStore } from '#src/adapters/store/open-store.ts';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { smallTree } from '../../test/support/triage-trees.ts';
import { applyTriageTrees } from './apply-triage-trees.ts';
import { deleteTriageTree } from './delete-triage-tree.ts';
import { getTriageMark } from './get-triage-mark.ts';
import { getTriageTrees } from './get-triage-trees.ts';
import { listTriageTrees } from './list-triage-trees.ts';
import { parseTriageFile, readTriageSources, type TriageSource } from './load-triage-trees.ts';
import { resetTriageTree } from './reset-triage-tree.ts';
import { saveTriageTree } from './save-triage-tree.ts';
import { seedTriageTrees } from './seed-triage-trees.ts';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as DialtoneError,
  );

const shipped = readTriageSources();

describeEachStore('self-check trees in the database', (getStore, kind) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('triage_trees').execute();
    await getStore().db.deleteFrom('audit_log').execute();
    await seedReportCatalog(getStore());
  });
  // One context per test: one id generator, so audit ids sort in the order of the actions.
  let shared: ReturnType<typeof testContext>;
  beforeEach(() => {
    shared = testContext(getStore(), testClock());
  });
  const ctx = () => shared;
  const audit = () =>
    getStore().db.selectFrom('audit_log').select(['action', 'subject_id']).orderBy('id').execute();

  it('before the seed the shipped trees are served; the seed stores each once, also when run twice', async () => {
    const db = getStore().db;
    expect((await getTriageTrees(db)).trees.map((t) => t.id)).toEqual(shipped.map((s) => s.id));
    expect(await seedTriageTrees({ ctx: ctx() })).toBe(shipped.length);
    expect(await seedTriageTrees({ ctx: ctx() })).toBe(0);
    expect(await getTriageMark(db)).toBe(`${shipped.length}:${shipped.length}`);
    expect((await getTriageTrees(db)).trees.map((t) => t.id)).toEqual(shipped.map((s) => s.id));
  });

  it('adds a tree (seeding the shipped ones first), serves it at once and writes an audit row', async () => {
    const db = getStore().db;
    const before = await getTriageTrees(db);
    await saveTriageTree({ ctx: ctx(), input: { source: smallTree() } });
    const after = await getTriageTrees(db);
    expect(after).not.toBe(before);
    expect(after.byId.get('test-tree')?.service).toBe('connect');
    expect(after.trees).toHaveLength(shipped.length + 1);
    expect(await audit()).toEqual([{ action: 'triage.create', subject_id: 'test-tree' }]);
  });

  it('refuses an invalid tree with path-precise errors and writes nothing', async () => {
    const broken = smallTree()
      .replace('next: rep', 'next: nowhere')
      .replace('service: connect', 'service: fax');
    const e = await refusal(saveTriageTree({ ctx: ctx(), input: { source: broken } }));
    expect(e?.code).toBe('validation_failed');
    expect(e?.fields).toContainEqual({
      path: 'nodes[0].answers[1].next',
      key: 'triage.error.unknownNode',
      params: { id: 'nowhere' },
    });
    const unknownService = await refusal(
      saveTriageTree({
        ctx: ctx(),
        input: { source: smallTree().replace('service: connect', 'service: fax') },
      }),
    );
    expect(unknownService?.fields).toEqual([
      { path: 'service', key: 'reportData.tree.error.unknownService', params: { id: 'fax' } },
    ]);
    const yaml = await refusal(saveTriageTree({ ctx: ctx(), input: { source: 'id: [unclosed' } }));
    expect(yaml?.fields[0]?.key).toBe('triage.error.yaml');
    expect(await getStore().db.selectFrom('triage_trees').select('id').execute()).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('edits only from the current version and keeps the id; a second edit from the old version is refused', async () => {
    await saveTriageTree({ ctx: ctx(), input: { source: smallTree() } });
    const [entry] = (await listTriageTrees(getStore().db)).filter((e) => e.id === 'test-tree');
    expect(entry?.version).toBe(1);
    await saveTriageTree({
      ctx: ctx(),
      input: { id: 'test-tree', version: 1, source: smallTree('test-tree', 'Läutet es?') },
    });
    const stale = await refusal(
      saveTriageTree({
        ctx: ctx(),
        input: { id: 'test-tree', version: 1, source: smallTree('test-tree', 'Nochmal?') },
      }),
    );
    expect(stale?.code).toBe('conflict');
    const renamed = await refusal(
      saveTriageTree({ ctx: ctx(), input: { id: 'test-tree', version: 2, source: smallTree('other-id') } }),
    );
    expect(renamed?.fields).toEqual([
      { path: 'id', key: 'reportData.tree.error.idChanged', params: { id: 'test-tree' } },
    ]);
    const tree = (await getTriageTrees(getStore().db)).byId.get('test-tree');
    expect(tree?.nodes[0]?.type === 'question' && tree.nodes[0].question.de).toBe('Läutet es?');
    const duplicate = await refusal(saveTriageTree({ ctx: ctx(), input: { source: smallTree() } }));
    expect(duplicate?.fields[0]?.key).toBe('triage.error.duplicateTree');
  });

  it('deletes a tree for good (not seeded again), adds it back, and resets a shipped tree to its text', async () => {
    const db = getStore().db;
    const id = shipped[0]!.id;
    await deleteTriageTree({ ctx: ctx(), input: { id } });
    expect((await getTriageTrees(db)).byId.has(id)).toBe(false);
    expect(await seedTriageTrees({ ctx: ctx() })).toBe(0);
    expect((await refusal(deleteTriageTree({ ctx: ctx(), input: { id } })))?.code).toBe('not_found');
    await resetTriageTree({ ctx: ctx(), input: { id } });
    const row = await db
      .selectFrom('triage_trees')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ deleted_at: null, source: shipped[0]!.source, version: 3 });
    expect((await getTriageTrees(db)).byId.has(id)).toBe(true);
    expect((await refusal(resetTriageTree({ ctx: ctx(), input: { id: 'test-tree' } })))?.code).toBe(
      'not_found',
    );
    expect((await audit()).map((a) => a.action)).toEqual(['triage.delete', 'triage.reset']);
  });

  it("applies a directory's set in one go: adds, replaces, deletes the rest; refuses the whole set on one bad tree", async () => {
    const source = (id: string, text: string): TriageSource => {
      const { tree } = parseTriageFile(`${id}.yaml`, text);
      if (!tree) throw new Error(`bad test tree ${id}`);
      return { id, file: `${id}.yaml`, source: text, tree };
    };
    const first = shipped[0]!;
    const set = [source(first.id, first.source), source('test-tree', smallTree())];
    const dry = await applyTriageTrees({ ctx: ctx(), input: { sources: set, dryRun: true } });
    expect(dry.changes).toEqual([
      '+ test-tree',
      ...shipped
        .slice(1)
        .map((s) => `- ${s.id}`)
        .sort(),
    ]);
    expect(await getStore().db.selectFrom('triage_trees').select('id').execute()).toEqual([]);
    const bad = source('other', smallTree('other').replace('service: connect', 'service: cloud'));
    bad.source = bad.source.replace('{de: Ja, en: Yes}', '{de: Ja}');
    const refused = await applyTriageTrees({ ctx: ctx(), input: { sources: [...set, bad] } }).catch(
      (e: DialtoneError) => e,
    );
    expect((refused as DialtoneError).fields).toEqual([
      {
        file: 'other.yaml',
        path: 'nodes[0].answers[0].label.en',
        key: 'triage.error.missingLanguage',
      },
    ]);
    expect(await applyTriageTrees({ ctx: ctx(), input: { sources: set } })).toEqual(dry);
    expect((await getTriageTrees(getStore().db)).trees.map((t) => t.id)).toEqual([first.id, 'test-tree']);
    expect((await applyTriageTrees({ ctx: ctx(), input: { sources: set } })).changes).toEqual([]);
    expect((await audit()).map((a) => a.action)).toEqual(['triage.apply']);
  });

  // Another dialtone process on the same PostgreSQL: its own connection pool and its own cache.
  it.skipIf(kind !== 'postgres')(
    'a change made by one process is served by another at its next request',
    async () => {
      const other = await openStore({ databaseUrl: getStore().location });
      try {
        expect((await getTriageTrees(other.db)).byId.has('test-tree')).toBe(false);
        await saveTriageTree({ ctx: ctx(), input: { source: smallTree() } });
        expect((await getTriageTrees(other.db)).byId.has('test-tree')).toBe(true);
        await saveTriageTree({
          ctx: ctx(),
          input: { id: 'test-tree', version: 1, source: smallTree('test-tree', 'Neu?') },
        });
        const q = (await getTriageTrees(other.db)).byId.get('test-tree')?.nodes[0];
        expect(q?.type === 'question' && q.question.de).toBe('Neu?');
        await deleteTriageTree({ ctx: ctx(), input: { id: 'test-tree' } });
        expect((await getTriageTrees(other.db)).byId.has('test-tree')).toBe(false);
      } finally {
        await other.close();
      }
    },
  );
});
