import { describe, expect, it } from 'vitest';
import { outcomePaths, parseAnswerPath, parseTriageTree, type TriageTree, walkTriage } from './triage.ts';

const t = (de: string) => ({ de, en: `${de} (en)` });

/** A small valid tree: q1 → (fix | q2 → (report | not reportable)). */
function raw(): Record<string, unknown> {
  return {
    id: 'no-calls',
    service: 'connect',
    title: t('Keine Gespräche'),
    start: 'q1',
    nodes: [
      {
        id: 'q1',
        question: t('Registriert?'),
        help: t('Siehe [Anleitung](https://example.net/a)'),
        answers: [
          { label: t('Ja'), next: 'q2' },
          { label: t('Nein'), next: 'fix' },
        ],
      },
      {
        id: 'q2',
        question: t('Eigene VM?'),
        answers: [
          { label: t('Nein'), next: 'report' },
          { label: t('Ja'), next: 'vm' },
        ],
      },
      { id: 'fix', outcome: 'fix_yourself', title: t('Selbst'), text: t('Zugangsdaten prüfen') },
      { id: 'vm', outcome: 'not_reportable', reason: 'customer_vm', title: t('VM'), text: t('Partner') },
      { id: 'report', outcome: 'report', service: 'cloud', title: t('Melden'), text: t('Bitte melden') },
    ],
  };
}

function valid(): TriageTree {
  const r = parseTriageTree(raw());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.tree;
}

const errorsOf = (data: unknown) => {
  const r = parseTriageTree(data);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.key}`);
};

describe('parseTriageTree', () => {
  it('reads a valid tree with questions and each kind of outcome', () => {
    const tree = valid();
    expect(tree.nodes.map((n) => n.id)).toEqual(['q1', 'q2', 'fix', 'vm', 'report']);
    expect(tree.nodes[3]).toMatchObject({ type: 'outcome', kind: 'not_reportable', reason: 'customer_vm' });
    expect(tree.nodes[4]).toMatchObject({ kind: 'report', service: 'cloud', reason: null });
    expect(tree.nodes[1]).toMatchObject({ type: 'question', help: null });
  });

  it('names the unknown node a reference points to, at the answer', () => {
    const data = raw();
    (data.nodes as { answers?: { next: string }[] }[])[1]!.answers![1]!.next = 'nowhere';
    expect(errorsOf(data)).toContain('nodes[1].answers[1].next triage.error.unknownNode');
    const r = parseTriageTree(data);
    expect(!r.ok && r.errors.find((e) => e.key === 'triage.error.unknownNode')?.params).toEqual({
      id: 'nowhere',
    });
  });

  it('refuses an unknown start node', () => {
    expect(errorsOf({ ...raw(), start: 'q9' })).toEqual(['start triage.error.unknownNode']);
  });

  it('finds nodes that cannot be reached from the start', () => {
    const data = raw();
    (data.nodes as unknown[]).push({ id: 'orphan', outcome: 'fix_yourself', title: t('x'), text: t('y') });
    expect(errorsOf(data)).toEqual(['nodes[5] triage.error.unreachable']);
  });

  it('finds a cycle and spells it out', () => {
    const data = raw();
    (data.nodes as { answers?: { next: string }[] }[])[1]!.answers![0]!.next = 'q1';
    const r = parseTriageTree(data);
    expect(r.ok).toBe(false);
    const cycle = !r.ok && r.errors.find((e) => e.key === 'triage.error.cycle');
    expect(cycle).toMatchObject({ path: 'nodes[1].answers[0].next', params: { cycle: 'q1 → q2 → q1' } });
  });

  it('finds a question answering itself', () => {
    const data = raw();
    (data.nodes as { answers?: { next: string }[] }[])[0]!.answers![1]!.next = 'q1';
    const r = parseTriageTree(data);
    expect(!r.ok && r.errors.find((e) => e.key === 'triage.error.cycle')?.params).toEqual({
      cycle: 'q1 → q1',
    });
  });

  it('requires both languages everywhere, with the path of the missing text', () => {
    const data = raw();
    (data.nodes as Record<string, unknown>[])[0]!.question = { de: 'Registriert?' };
    (data.nodes as Record<string, unknown>[])[2]!.text = { de: ' ', en: 'x' };
    (data as Record<string, unknown>).title = 'nur deutsch';
    expect(errorsOf(data)).toEqual([
      'title triage.error.bilingual',
      'nodes[0].question.en triage.error.missingLanguage',
      'nodes[2].text.de triage.error.missingLanguage',
    ]);
  });

  it('refuses duplicate ids, naming the first', () => {
    const data = raw();
    (data.nodes as Record<string, unknown>[])[4]!.id = 'fix';
    const r = parseTriageTree(data);
    expect(!r.ok && r.errors[0]).toMatchObject({
      path: 'nodes[4].id',
      key: 'triage.error.duplicateId',
      params: { id: 'fix', first: 2 },
    });
  });

  it('refuses unknown keys, outcome kinds and reasons, and invalid ids', () => {
    const data = raw();
    const nodes = data.nodes as Record<string, unknown>[];
    nodes[0]!.anwsers = [];
    nodes[2]!.reason = 'hardware';
    nodes[3]!.reason = 'bad-luck';
    nodes[4]!.outcome = 'escalate';
    data.service = 'Connect Trunk';
    expect(errorsOf(data)).toEqual([
      'service triage.error.invalidId',
      'nodes[0].anwsers triage.error.unknownKey',
      'nodes[2].reason triage.error.reasonOnly',
      'nodes[3].reason triage.error.reason',
      'nodes[4].outcome triage.error.outcomeKind',
    ]);
  });

  it('needs at least two answers per question and a non-empty tree', () => {
    const data = raw();
    (data.nodes as { answers?: unknown[] }[])[1]!.answers!.pop();
    expect(errorsOf(data)).toContain('nodes[1].answers triage.error.answerCount');
    expect(errorsOf({ ...raw(), nodes: [] })).toContain('nodes triage.error.nodeCount');
    expect(errorsOf('text')).toEqual([' triage.error.notAMapping']);
  });
});

describe('walkTriage', () => {
  const tree = valid();

  it('starts at the first question', () => {
    const w = walkTriage(tree, []);
    expect(w.ok && w.node.id).toBe('q1');
    expect(w.ok && w.steps).toEqual([]);
  });

  it('follows answers to an outcome and records the steps', () => {
    const w = walkTriage(tree, [0, 1]);
    expect(w.ok && w.node.id).toBe('vm');
    expect(w.ok && w.steps.map((s) => [s.question.id, s.answerIndex])).toEqual([
      ['q1', 0],
      ['q2', 1],
    ]);
  });

  it('refuses an answer that does not exist and a step past an outcome, naming the position', () => {
    expect(walkTriage(tree, [0, 2])).toEqual({ ok: false, key: 'triage.error.pathAnswer', at: 1 });
    expect(walkTriage(tree, [1, 0])).toEqual({ ok: false, key: 'triage.error.pathPastOutcome', at: 1 });
  });

  it('lists one path to every outcome', () => {
    expect(Object.fromEntries(outcomePaths(tree))).toEqual({ fix: [1], report: [0, 0], vm: [0, 1] });
  });
});

describe('parseAnswerPath', () => {
  it('reads dot-separated answer numbers', () => {
    expect(parseAnswerPath('')).toEqual([]);
    expect(parseAnswerPath('1.2.0')).toEqual([1, 2, 0]);
    expect(parseAnswerPath('10')).toEqual([10]);
  });

  it.each(['x', '1..2', '.1', '1.', '-1', '1,2', '123', '1.2.'])('refuses %j', (text) => {
    expect(parseAnswerPath(text)).toBeNull();
  });
});
