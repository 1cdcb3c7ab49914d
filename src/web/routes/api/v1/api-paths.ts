/**
 * @module Between the API's shapes and the verbs' inputs. The verbs name fields as the console
 * forms do (`title_de`, `components[0].componentId`, `componentIds[2]`); the API documents
 * `title.de`, `components[0].component_id`, `component_ids[2]`. Field errors from a verb are
 * renamed on their way out.
 */
import { DialtoneError } from '#src/domain/errors.ts';

export function apiPath(path: string): string {
  const bilingual = /^(title|message)_(de|en)$/.exec(path);
  if (bilingual) return `${bilingual[1]}.${bilingual[2]}`;
  return path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Runs a verb and renames the paths of its field errors. */
export async function withApiPaths<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DialtoneError) || e.fields.length === 0) throw e;
    throw new DialtoneError(e.code, e.key, {
      params: e.params,
      fields: e.fields.map((f) => ({ ...f, path: apiPath(f.path) })),
    });
  }
}

/** An API text (either language may be left out) as the verbs take it. */
export const textOf = (t: { de?: string | undefined; en?: string | undefined } | undefined) => ({
  de: t?.de ?? '',
  en: t?.en ?? '',
});
