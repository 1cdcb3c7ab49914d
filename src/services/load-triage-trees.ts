/**
 * @module Reads the self-check trees (`catalog/triage/*.yaml`, one tree per file), checks each and
 * returns them in file-name order. A broken tree refuses the whole set with every problem as
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

export function loadTriageTrees(dir: string = defaultTriageDir): TriageTrees {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const problems: TriageFileError[] = [];
  const byId = new Map<string, TriageTree>();
  for (const file of files) {
    const { tree, problems: fileProblems } = parseTriageFile(file, readFileSync(join(dir, file), 'utf8'));
    problems.push(...fileProblems);
    if (!tree) continue;
    if (byId.has(tree.id))
      problems.push({ file, path: 'id', key: 'triage.error.duplicateTree', params: { id: tree.id } });
    else byId.set(tree.id, tree);
  }
  if (problems.length > 0) throw new TriageLoadError(problems);
  return { trees: [...byId.values()], byId };
}
