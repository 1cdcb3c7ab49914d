/**
 * @module checkTriageSource: checks a self-check tree's YAML on its own and against the catalog,
 * every problem with its path in the tree's own terms. Saving (saveTriageTree) and applying a
 * bundle (applyTriageTrees) write nothing unless it passes.
 */
import type { FieldError } from '#src/domain/errors.ts';
import type { TriageTree } from '#src/domain/triage.ts';
import type { Tx } from './context.ts';
import { parseTriageFile } from './load-triage-trees.ts';

/** Largest tree text accepted (characters); the biggest shipped tree is about a tenth of it. */
export const maxTriageSource = 100_000;

/** Checks a tree's text on its own and against the catalog: every problem, with its path. */
export async function checkTriageSource(
  db: Tx,
  source: string,
  editedId: string | undefined,
): Promise<{ tree?: TriageTree; errors: FieldError[] }> {
  if (source.length > maxTriageSource)
    return { errors: [{ path: '', key: 'reportData.tree.error.tooLong', params: { max: maxTriageSource } }] };
  const { tree, problems } = parseTriageFile(editedId ?? 'new', source);
  const errors: FieldError[] = problems.map(({ file: _file, ...e }) => e);
  if (!tree) return { errors };
  if (editedId !== undefined && tree.id !== editedId)
    errors.push({ path: 'id', key: 'reportData.tree.error.idChanged', params: { id: editedId } });
  const service = await db
    .selectFrom('services')
    .select('id')
    .where('id', '=', tree.service)
    .executeTakeFirst();
  if (!service)
    errors.push({
      path: 'service',
      key: 'reportData.tree.error.unknownService',
      params: { id: tree.service },
    });
  return errors.length > 0 ? { errors } : { tree, errors };
}
