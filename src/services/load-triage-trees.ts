/**
 * @module Reads self-check trees from YAML files (`catalog/triage/*.yaml`, one tree per file: the
 * shipped defaults, seeded into the database; or a directory given to `dialtone triage apply`),
 * checks each and returns them in file-name order. A broken tree refuses the whole set with every problem as
 * `FILE: PATH: message-key {params}`, so that a start with a bad tree fails loudly instead of
 * showing customers half a self-check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FieldError } from '#src/domain/errors.ts';
import { parseTriageTree, type TriageTree } from '#src/domain/triage.ts';

/** The default trees shipped with dialtone (the hotline guide's checks). */
export const defaultTriageDir = fileURLToPath(new URL('../../catalog/triage/', import.meta.url));

export interface TriageTrees {
  /** In file-name order. */
  trees: TriageTree[];
  byId: Map<string, TriageTree>;
}

export interface TriageFileError extends FieldError {
  file: string;
}

export class TriageLoadError extends Error {
  readonly problems: TriageFileError[];
  constructor(problems: TriageFileError[]) {
    const lines = problems.map(
      (p) => `${p.file}: ${p.path || '(file)'}: ${p.key}${p.params ? ` ${JSON.stringify(p.params)}` : ''}`,
    );
    super(`Self-check trees refused:\n  ${lines.join('\n  ')}`);
    this.name = 'TriageLoadError';
    this.problems = problems;
  }
}

/** Parses one file's text; YAML syntax errors become a problem at the file's root. */
export function parseTriageFile(
  file: string,
  text: string,
): { tree?: TriageTree; problems: TriageFileError[] } {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [{ file, path: '', key: 'triage.error.yaml', params: { message: message ?? '' } }] };
  }
  const result = parseTriageTree(raw);
  if (!result.ok) return { problems: result.errors.map((e) => ({ file, ...e })) };
  return { tree: result.tree, problems: [] };
}

/** One tree with the YAML it was read from (what the database stores and the console edits). */
export interface TriageSource {
  id: string;
  file: string;
  source: string;
  tree: TriageTree;
}

/** Every tree of a directory with its text, in file-name order; refuses the set on any problem. */
export function readTriageSources(dir: string = defaultTriageDir): TriageSource[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const problems: TriageFileError[] = [];
  const byId = new Map<string, TriageSource>();
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    const { tree, problems: fileProblems } = parseTriageFile(file, source);
    problems.push(...fileProblems);
    if (!tree) continue;
    if (byId.has(tree.id))
      problems.push({ file, path: 'id', key: 'triage.error.duplicateTree', params: { id: tree.id } });
    else byId.set(tree.id, { id: tree.id, file, source, tree });
  }
  if (problems.length > 0) throw new TriageLoadError(problems);
  return [...byId.values()];
}

/** The trees as data, from YAML files (the shipped defaults unless told otherwise). */
export function loadTriageTrees(dir: string = defaultTriageDir): TriageTrees {
  return triageTreesOf(readTriageSources(dir).map((s) => s.tree));
}

export function triageTreesOf(trees: readonly TriageTree[]): TriageTrees {
  return { trees: [...trees], byId: new Map(trees.map((t) => [t.id, t])) };
}
