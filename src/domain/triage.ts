/**
 * @module Self-check (triage) trees as data: a tree is a list of nodes, each either a question
 * (with help text and answers leading to other nodes) or an outcome (fix it yourself, another
 * carrier's line, not reportable here, report). `parseTriageTree` turns raw data (read from
 * YAML) into a checked tree or every problem with its path; `walkTriage` follows a path of
 * answer indices. Pure: no I/O.
 *
 * @example
 * const r = parseTriageTree(yaml.parse(text));
 * if (r.ok) walkTriage(r.tree, [0, 1]); // → { ok: true, node, steps }
 */
import type { FieldError } from './errors.ts';

export interface Bilingual {
  de: string;
  en: string;
}

export const outcomeKinds = ['fix_yourself', 'other_carrier', 'not_reportable', 'report'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Why something cannot be reported here (the hotline guide's list). */
export const notReportableReasons = [
  'configuration',
  'installation',
  'update',
  'modification',
  'other_carrier_line',
  'hardware',
  'customer_vm',
  'general_support',
] as const;
export type NotReportableReason = (typeof notReportableReasons)[number];

export interface TriageAnswer {
  label: Bilingual;
  next: string;
}

export interface TriageQuestion {
  id: string;
  type: 'question';
  question: Bilingual;
  help: Bilingual | null;
  answers: TriageAnswer[];
}

export interface TriageOutcome {
  id: string;
  type: 'outcome';
  kind: OutcomeKind;
  title: Bilingual;
  /** The instruction, whom to contact, or where to go instead (markdown, may hold links). */
  text: Bilingual;
  /** Only for `not_reportable`. */
  reason: NotReportableReason | null;
  /** Only for `report`: the service the form is prefilled with (defaults to the tree's). */
  service: string | null;
}

export type TriageNode = TriageQuestion | TriageOutcome;

export interface TriageTree {
  id: string;
  /** The catalog service this symptom belongs to. */
  service: string;
  /** The symptom as a customer would say it. */
  title: Bilingual;
  start: string;
  nodes: TriageNode[];
}

export type ParseResult = { ok: true; tree: TriageTree } | { ok: false; errors: FieldError[] };

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Enough for any hotline's tree; a path longer than this cannot be a real walk. */
export const maxNodes = 200;
export const maxAnswers = 12;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  readonly errors: FieldError[] = [];
  add(path: string, key: string, params?: Record<string, string | number>) {
    this.errors.push(params ? { path, key, params } : { path, key });
  }
  /** Unknown keys are refused: a misspelt `anwsers` must not silently drop the answers. */
  keys(obj: Raw, path: string, allowed: readonly string[]) {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k))
        this.add(path ? `${path}.${k}` : k, 'triage.error.unknownKey', { allowed: allowed.join(', ') });
    }
  }
  id(v: unknown, path: string): string {
    if (typeof v !== 'string' || !idPattern.test(v) || v.length > 64) {
      this.add(path, 'triage.error.invalidId', { value: String(v ?? '') });
      return '';
    }
    return v;
  }
  /** Both languages are required: a German-only question leaves English readers stuck. */
  text(v: unknown, path: string, optional = false): Bilingual | null {
    if (v === undefined && optional) return null;
    if (!isObject(v)) {
      this.add(path, 'triage.error.bilingual');
      return null;
    }
    this.keys(v, path, ['de', 'en']);
    const out = { de: '', en: '' };
    for (const lang of ['de', 'en'] as const) {
      const s = v[lang];
      if (typeof s !== 'string' || s.trim() === '')
        this.add(`${path}.${lang}`, 'triage.error.missingLanguage');
      else out[lang] = s.trim();
    }
    return out;
  }
}

const empty: Bilingual = { de: '', en: '' };

function parseAnswer(c: Collector, raw: unknown, path: string): TriageAnswer {
  if (!isObject(raw)) {
    c.add(path, 'triage.error.notAMapping');
    return { label: empty, next: '' };
  }
  c.keys(raw, path, ['label', 'next']);
  return { label: c.text(raw.label, `${path}.label`) ?? empty, next: c.id(raw.next, `${path}.next`) };
}

function parseNode(c: Collector, raw: unknown, path: string): TriageNode | null {
  if (!isObject(raw)) {
    c.add(path, 'triage.error.notAMapping');
    return null;
  }
  const id = c.id(raw.id, `${path}.id`);
  if ('question' in raw) {
    c.keys(raw, path, ['id', 'question', 'help', 'answers']);
    const answers = Array.isArray(raw.answers) ? raw.answers : [];
    if (answers.length < 2 || answers.length > maxAnswers)
      c.add(`${path}.answers`, 'triage.error.answerCount', { max: maxAnswers });
    return {
      id,
      type: 'question',
      question: c.text(raw.question, `${path}.question`) ?? empty,
      help: c.text(raw.help, `${path}.help`, true),
      answers: answers.map((a, i) => parseAnswer(c, a, `${path}.answers[${i}]`)),
    };
  }
  c.keys(raw, path, ['id', 'outcome', 'title', 'text', 'reason', 'service']);
  const kind = raw.outcome as OutcomeKind;
  if (!outcomeKinds.includes(kind)) {
    c.add(`${path}.outcome`, 'triage.error.outcomeKind', { allowed: outcomeKinds.join(', ') });
    return null;
  }
  const reason = raw.reason as NotReportableReason | undefined;
  if (kind === 'not_reportable' && !notReportableReasons.includes(reason as NotReportableReason))
    c.add(`${path}.reason`, 'triage.error.reason', { allowed: notReportableReasons.join(', ') });
  if (kind !== 'not_reportable' && reason !== undefined) c.add(`${path}.reason`, 'triage.error.reasonOnly');
  if (kind !== 'report' && raw.service !== undefined) c.add(`${path}.service`, 'triage.error.serviceOnly');
  return {
    id,
    type: 'outcome',
    kind,
    title: c.text(raw.title, `${path}.title`) ?? empty,
    text: c.text(raw.text, `${path}.text`) ?? empty,
    reason: kind === 'not_reportable' ? (reason ?? null) : null,
    service: kind === 'report' && raw.service !== undefined ? c.id(raw.service, `${path}.service`) : null,
  };
}

/** Raw data (from YAML or JSON) → a checked tree, or all problems with their paths. */
export function parseTriageTree(raw: unknown): ParseResult {
  const c = new Collector();
  if (!isObject(raw)) return { ok: false, errors: [{ path: '', key: 'triage.error.notAMapping' }] };
  c.keys(raw, '', ['id', 'service', 'title', 'start', 'nodes']);
  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  if (rawNodes.length === 0 || rawNodes.length > maxNodes)
    c.add('nodes', 'triage.error.nodeCount', { max: maxNodes });
  const tree: TriageTree = {
    id: c.id(raw.id, 'id'),
    service: c.id(raw.service, 'service'),
    title: c.text(raw.title, 'title') ?? empty,
    start: c.id(raw.start, 'start'),
    nodes: rawNodes.map((n, i) => parseNode(c, n, `nodes[${i}]`)).filter((n) => n !== null),
  };
  if (c.errors.length === 0) checkGraph(c, tree);
  return c.errors.length === 0 ? { ok: true, tree } : { ok: false, errors: c.errors };
}

/** Duplicate ids, unknown references, cycles and unreachable nodes, each at its path. */
function checkGraph(c: Collector, tree: TriageTree) {
  const index = new Map<string, number>();
  tree.nodes.forEach((n, i) => {
    const first = index.get(n.id);
    if (first !== undefined) c.add(`nodes[${i}].id`, 'triage.error.duplicateId', { id: n.id, first });
    else index.set(n.id, i);
  });
  if (!index.has(tree.start)) c.add('start', 'triage.error.unknownNode', { id: tree.start });
  tree.nodes.forEach((n, i) => {
    if (n.type !== 'question') return;
    n.answers.forEach((a, j) => {
      if (!index.has(a.next))
        c.add(`nodes[${i}].answers[${j}].next`, 'triage.error.unknownNode', { id: a.next });
    });
  });
  if (c.errors.length > 0) return;
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  // Depth-first from the start: a node met again while still on the stack closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    state.set(id, 'open');
    const node = byId.get(id);
    if (node?.type === 'question') {
      node.answers.forEach((a, j) => {
        const s = state.get(a.next);
        if (s === 'open') {
          const onStack = [...trail, id];
          const cycle = [...onStack.slice(onStack.indexOf(a.next)), a.next].join(' → ');
          c.add(`nodes[${index.get(id)}].answers[${j}].next`, 'triage.error.cycle', { cycle });
        } else if (s === undefined) visit(a.next, [...trail, id]);
      });
    }
    state.set(id, 'done');
  };
  visit(tree.start, []);
  tree.nodes.forEach((n, i) => {
    if (!state.has(n.id)) c.add(`nodes[${i}]`, 'triage.error.unreachable', { id: n.id });
  });
}

export interface TriageStep {
  question: TriageQuestion;
  answerIndex: number;
}

export type WalkResult =
  | { ok: true; node: TriageNode; steps: TriageStep[] }
  | {
      ok: false;
      key: 'triage.error.pathSyntax' | 'triage.error.pathAnswer' | 'triage.error.pathPastOutcome';
      at: number;
    };

/** `"1.2.0"` → `[1, 2, 0]`; `""` → `[]`; null when it is not a dot-separated list of small numbers. */
export function parseAnswerPath(text: string): number[] | null {
  if (text === '') return [];
  if (text.length > maxNodes * 3 || !/^\d{1,2}(\.\d{1,2})*$/.test(text)) return null;
  return text.split('.').map(Number);
}

export const formatAnswerPath = (path: readonly number[]) => path.join('.');

/** Follows the answers from the start; refuses an answer that does not exist or goes past an outcome. */
export function walkTriage(tree: TriageTree, path: readonly number[]): WalkResult {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let node = byId.get(tree.start) as TriageNode;
  const steps: TriageStep[] = [];
  for (const [at, answerIndex] of path.entries()) {
    if (node.type !== 'question') return { ok: false, key: 'triage.error.pathPastOutcome', at };
    const answer = node.answers[answerIndex];
    if (!answer) return { ok: false, key: 'triage.error.pathAnswer', at };
    steps.push({ question: node, answerIndex });
    node = byId.get(answer.next) as TriageNode;
  }
  return { ok: true, node, steps };
}

/** Every outcome id together with one path of answers that reaches it (for tests and docs). */
export function outcomePaths(tree: TriageTree): Map<string, number[]> {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const found = new Map<string, number[]>();
  const queue: { id: string; path: number[] }[] = [{ id: tree.start, path: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { id, path } = queue.shift() as { id: string; path: number[] };
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node?.type === 'outcome') found.set(id, path);
    else
      node?.answers.forEach((a, j) => {
        queue.push({ id: a.next, path: [...path, j] });
      });
  }
  return found;
}
