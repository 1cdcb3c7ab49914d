/**
 * @module The catalog file: YAML text → validated catalog document, or every problem with its path
 * and its line and column in the file; and a document → YAML text that reads back to the same
 * document (so export → apply changes nothing).
 *
 * @example
 * const r = parseCatalogFile(readFileSync('catalog/demo.yaml', 'utf8'));
 * if (!r.ok) for (const e of r.errors) console.error(`${e.line}:${e.column} ${e.path} ${e.key}`);
 */
import {
  Document,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { type Bilingual, type CatalogDocument, validateCatalog } from '#src/domain/catalog.ts';
import { detectorToPlain } from '#src/domain/catalog-detectors.ts';
import { alertingToPlain, monitorToPlain } from '#src/domain/catalog-monitors.ts';
import { peerToPlain } from '#src/domain/catalog-peers.ts';
import type { FieldError } from '#src/domain/errors.ts';

export interface CatalogFileError extends FieldError {
  /** 1-based position in the file, when the problem can be pinned to one. */
  line?: number;
  column?: number;
}

export type CatalogFileResult =
  | { ok: true; document: CatalogDocument }
  | { ok: false; errors: CatalogFileError[] };

/** Largest catalog file accepted (bytes); a catalog of a few hundred components is ~100 KiB. */
export const maxCatalogBytes = 1024 * 1024;
/** Aliases allowed while expanding (`*name`): enough for sharing texts, not for a "billion laughs". */
const maxAliasCount = 200;

const yamlErrorKeys: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'catalog.error.yamlDuplicateKey',
  TAB_AS_INDENT: 'catalog.error.yamlTab',
  MULTIPLE_DOCS: 'catalog.error.yamlMultipleDocs',
  RESOURCE_EXHAUSTION: 'catalog.error.yamlAliases',
};

export function parseCatalogFile(text: string): CatalogFileResult {
  if (new TextEncoder().encode(text).length > maxCatalogBytes) {
    return fail([{ path: '', key: 'catalog.error.fileTooLarge', params: { max: maxCatalogBytes / 1024 } }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // Warnings (unknown tags, odd directives) are refused too: the file must mean one thing.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) return fail(problems.map((e) => yamlProblem(e, lineCounter)));
  if (doc.contents === null) return fail([{ path: '', key: 'catalog.error.emptyFile' }]);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount });
  } catch {
    return fail([{ path: '', key: 'catalog.error.yamlAliases' }]);
  }
  const result = validateCatalog(raw);
  if (result.ok) return result;
  return fail(
    result.errors.map((e) => ({
      ...e,
      ...positionOf(doc, lineCounter, e.path, e.key === 'catalog.error.unknownKey'),
    })),
  );
}

const fail = (errors: CatalogFileError[]): CatalogFileResult => ({ ok: false, errors });

function yamlProblem(e: YAMLError, lineCounter: LineCounter): CatalogFileError {
  const { line, col } = lineCounter.linePos(e.pos[0]);
  const key = yamlErrorKeys[e.code];
  const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  return key
    ? { path: '', key, line, column: col }
    : { path: '', key: 'catalog.error.yamlSyntax', params: { detail }, line, column: col };
}

/** `components[3].dependsOn[1]` → `['components', 3, 'dependsOn', 1]`. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    keys.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return keys;
}

/**
 * Line and column of the node at `path` (of its key, for unknown keys), or of its nearest
 * ancestor when the node is missing (a required field left out).
 */
function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: string,
  atKey: boolean,
): { line?: number; column?: number } {
  const keys = pathKeys(path);
  for (let n = keys.length; n >= 0; n--) {
    let node = (n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true)) as Node | null | undefined;
    const parent = n > 0 && atKey ? doc.getIn(keys.slice(0, n - 1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[n - 1]);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const offset = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return {};
}

const header = ` dialtone catalog (format: docs/CATALOG.md)
 Apply with: npm run dialtone -- catalog apply FILE  (--dry-run shows the changes only).
 Whatever this file leaves out is deleted from the catalog; the order of each list is the display order.`;

export function stringifyCatalog(doc: CatalogDocument): string {
  const text = (b: Bilingual) => (b.de === b.en ? b.de : { de: b.de, en: b.en });
  const optional = (b: Bilingual) => (b.de || b.en ? text(b) : undefined);
  const plain = {
    version: 1,
    sites: doc.sites.map((s) => ({ id: s.id, name: text(s.name) })),
    groups: doc.groups.map((g) => ({ id: g.id, name: text(g.name) })),
    services: doc.services.map((s) => ({
      id: s.id,
      name: text(s.name),
      description: optional(s.description),
      reporters: s.reporters,
      queue: s.queue,
      identifiers: s.identifiers.map((i) => ({
        key: i.key,
        label: text(i.label),
        hint: i.hint ? text(i.hint) : undefined,
        // Absent means required, or "one of the group" when oneOf is given.
        required: i.required === (i.oneOf === null) ? undefined : i.required,
        oneOf: i.oneOf ?? undefined,
      })),
    })),
    components: doc.components.map((c) => ({
      id: c.id,
      name: text(c.name),
      description: optional(c.description),
      group: c.group ?? undefined,
      site: c.site ?? undefined,
      services: c.services,
      dependsOn: c.dependsOn.length > 0 ? c.dependsOn : undefined,
      alerting: alertingToPlain(c.alerting),
    })),
    hotlines: doc.hotlines.map((h) => ({ id: h.id, label: text(h.label), phone: h.phone })),
    monitors: doc.monitors.length > 0 ? doc.monitors.map((m) => monitorToPlain(m, text)) : undefined,
    peers: doc.peers.length > 0 ? doc.peers.map((p) => peerToPlain(p, text)) : undefined,
    detectors: doc.detectors.length > 0 ? doc.detectors.map(detectorToPlain) : undefined,
  };
  const out = new Document(plain);
  out.commentBefore = header;
  // Short things on one line: `name: { de: Telefonie, en: Voice }`, `services: [ cloud, connect ]`.
  visit(out, {
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? p.key.value : null));
      if (keys.length === 2 && keys[0] === 'de' && keys[1] === 'en') node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  // A blank line before each section, for the reader's eye.
  if (isMap(out.contents)) {
    for (const pair of out.contents.items) {
      if (isScalar(pair.key) && pair.key.value !== 'version') pair.key.spaceBefore = true;
    }
  }
  return out.toString({ lineWidth: 100, flowCollectionPadding: false });
}
