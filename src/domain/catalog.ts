/**
 * @module The catalog as a document (sites, groups, services, components, hotlines): validation of
 * an untyped document (as parsed from YAML) into a typed one with path-precise errors, and the
 * diff between the catalog as it is and as the document wants it. Pure: no I/O.
 *
 * @example
 * const r = validateCatalog({ components: [{ id: 'fax', name: 'Fax', dependsOn: ['media-cottbus'] }] });
 * // r.errors → [{ path: 'components[0].dependsOn[0]', key: 'catalog.error.unknownComponent', params: { id: 'media-cottbus' } }]
 */

import {
  checkDetectorReferences,
  type DetectorSpec,
  detectorKeys,
  readDetector,
} from './catalog-detectors.ts';
import {
  type AlertingSpec,
  checkMonitorReferences,
  type MonitorSpec,
  readAlerting,
  readMonitor,
} from './catalog-monitors.ts';
import { checkPeerReferences, type PeerSpec, peerKeys, readPeer } from './catalog-peers.ts';
import type { FieldError } from './errors.ts';

export interface Bilingual {
  de: string;
  en: string;
}
export type Reporter = 'partner' | 'customer';
export const reporterKinds: readonly Reporter[] = ['partner', 'customer'];

export interface SiteSpec {
  id: string;
  name: Bilingual;
}
export type GroupSpec = SiteSpec;
export interface IdentifierSpec {
  /** Field name in reports (`cloudName`, `serverLicence`). */
  key: string;
  label: Bilingual;
  hint: Bilingual | null;
  required: boolean;
  /** Identifiers sharing a `oneOf` name: a report must carry at least one of them. */
  oneOf: string | null;
}
export interface ServiceSpec {
  id: string;
  name: Bilingual;
  description: Bilingual;
  reporters: Reporter[];
  identifiers: IdentifierSpec[];
  queue: string;
}
export interface ComponentSpec {
  id: string;
  name: Bilingual;
  description: Bilingual;
  group: string | null;
  site: string | null;
  /** Sorted: the database keeps these as sets. */
  services: string[];
  dependsOn: string[];
  /** What alerts on this component do (catalog-monitors.ts). */
  alerting: AlertingSpec;
}
export interface HotlineSpec {
  id: string;
  label: Bilingual;
  phone: string;
}
/** A whole catalog; the order of each list is the display order. */
export interface CatalogDocument {
  sites: SiteSpec[];
  groups: GroupSpec[];
  services: ServiceSpec[];
  components: ComponentSpec[];
  hotlines: HotlineSpec[];
  monitors: MonitorSpec[];
  /** Telemetry peers (catalog-peers.ts). */
  peers: PeerSpec[];
  /** Detector rules (catalog-detectors.ts); peers without any get the defaults. */
  detectors: DetectorSpec[];
}
export const catalogSections = [
  'sites',
  'groups',
  'services',
  'components',
  'hotlines',
  'monitors',
  'peers',
  'detectors',
] as const;
export type CatalogSection = (typeof catalogSections)[number];

export const limits = { id: 64, name: 200, description: 2000, label: 200 } as const;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const identifierKeyPattern = /^[a-z][a-zA-Z0-9]{0,39}$/;
/** `+49 30 1234567 0`: a plus, a country code not starting with 0, 7–15 digits, single spaces. */
const phonePattern = /^\+[1-9](?: ?[0-9]){6,14}$/;

export type ValidationResult = { ok: true; document: CatalogDocument } | { ok: false; errors: FieldError[] };

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects errors while reading an untyped document; each read returns a usable value or null. */
export class Reader {
  readonly errors: FieldError[] = [];
  fail(path: string, key: string, params?: Record<string, string | number>) {
    this.errors.push(params ? { path, key, params } : { path, key });
    return null;
  }
  mapping(v: unknown, path: string, allowed: readonly string[]): Obj | null {
    if (!isObj(v)) return this.fail(path, 'catalog.error.expectedMapping');
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k))
        this.fail(join(path, k), 'catalog.error.unknownKey', { allowed: allowed.join(', ') });
    }
    return v;
  }
  list(o: Obj, key: string, path: string): unknown[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(join(path, key), 'catalog.error.expectedList') ?? [];
    return v;
  }
  /** Trimmed text; '' when absent and optional; null after an error. */
  text(v: unknown, path: string, max: number, required = true): string | null {
    const blank = v === undefined || v === null || (typeof v === 'string' && !v.trim());
    if (blank) return required ? this.fail(path, 'error.required') : '';
    if (typeof v !== 'string') return this.fail(path, 'catalog.error.expectedText');
    const s = v.trim();
    return s.length > max ? this.fail(path, 'error.tooLong', { max }) : s;
  }
  /** `{ de, en }` or one text for both languages. */
  bilingual(v: unknown, path: string, max: number, required = true): Bilingual | null {
    if (isObj(v)) {
      if (!this.mapping(v, path, ['de', 'en'])) return null;
      const de = this.text(v.de, `${path}.de`, max, required);
      const en = this.text(v.en, `${path}.en`, max, required);
      return de !== null && en !== null ? { de, en } : null;
    }
    const s = this.text(v, path, max, required);
    return s === null ? null : { de: s, en: s };
  }
  slug(v: unknown, path: string, key = 'catalog.error.invalidId'): string | null {
    const s = this.text(v, path, limits.id);
    if (s === null) return null;
    return slugPattern.test(s) ? s : this.fail(path, key, { value: s });
  }
  slugList(o: Obj, key: string, path: string): string[] {
    const out: string[] = [];
    this.list(o, key, path).forEach((v, i) => {
      const s = this.slug(v, `${join(path, key)}[${i}]`, 'catalog.error.invalidReference');
      if (s === null) return;
      if (out.includes(s))
        this.fail(`${join(path, key)}[${i}]`, 'catalog.error.duplicateEntry', { value: s });
      else out.push(s);
    });
    return out;
  }
  boolean(v: unknown, path: string, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    return typeof v === 'boolean' ? v : (this.fail(path, 'catalog.error.expectedBoolean') ?? fallback);
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function validateCatalog(raw: unknown): ValidationResult {
  const r = new Reader();
  const root = r.mapping(raw, '', ['version', ...catalogSections]);
  if (!root) return { ok: false, errors: r.errors };
  if (root.version !== undefined && root.version !== 1) {
    r.fail('version', 'catalog.error.unsupportedVersion', { value: String(root.version) });
  }
  const paths = {} as Paths;
  const section = <T>(name: CatalogSection, read: (o: Obj, path: string, id: string) => T | null) => {
    paths[name] = new Map();
    return readItems(r, root, name, paths[name], read);
  };
  const doc: CatalogDocument = {
    sites: section('sites', (o, p, id) => named(r, o, p, id)),
    groups: section('groups', (o, p, id) => named(r, o, p, id)),
    services: section('services', (o, p, id) => readService(r, o, p, id)),
    components: section('components', (o, p, id) => readComponent(r, o, p, id)),
    hotlines: section('hotlines', (o, p, id) => readHotline(r, o, p, id)),
    monitors: section('monitors', (o, p, id) => readMonitor(r, o, p, id)),
    peers: section('peers', (o, p, id) => readPeer(r, o, p, id)),
    detectors: section('detectors', (o, p, id) => readDetector(r, o, p, id)),
  };
  checkReferences(r, doc, paths);
  checkMonitorReferences(r, doc.monitors, paths.components, paths.monitors);
  checkPeerReferences(r, doc.peers, paths.components, paths.peers);
  checkDetectorReferences(r, doc.detectors, paths.components, paths.detectors, doc.peers);
  checkCycles(r, doc.components, paths.components);
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, document: doc };
}

const allowedKeys: Record<CatalogSection, readonly string[]> = {
  sites: ['id', 'name'],
  groups: ['id', 'name'],
  services: ['id', 'name', 'description', 'reporters', 'identifiers', 'queue'],
  components: ['id', 'name', 'description', 'group', 'site', 'services', 'dependsOn', 'alerting'],
  hotlines: ['id', 'label', 'phone'],
  monitors: [
    'id',
    'component',
    'kind',
    'name',
    'target',
    'settings',
    'interval',
    'timeout',
    'downAfter',
    'enabled',
  ],
  peers: peerKeys,
  detectors: detectorKeys,
};

/** Where each id sits in the file (`components[3]`), including items that have other errors. */
type Paths = Record<CatalogSection, Map<string, string>>;

/** Reads one section: a list of mappings with unique ids; items with errors are left out. */
function readItems<T>(
  r: Reader,
  root: Obj,
  section: CatalogSection,
  firstPath: Map<string, string>,
  read: (o: Obj, path: string, id: string) => T | null,
): T[] {
  const out: T[] = [];
  r.list(root, section, '').forEach((item, i) => {
    const path = `${section}[${i}]`;
    const o = r.mapping(item, path, allowedKeys[section]);
    if (!o) return;
    const id = r.slug(o.id, `${path}.id`);
    const first = id === null ? undefined : firstPath.get(id);
    if (first) r.fail(`${path}.id`, 'catalog.error.duplicateId', { id: id!, first });
    else if (id !== null) firstPath.set(id, path);
    const value = read(o, path, id ?? '');
    if (value !== null && id !== null && !first) out.push(value);
  });
  return out;
}

function named(r: Reader, o: Obj, path: string, id: string): SiteSpec | null {
  const name = r.bilingual(o.name, `${path}.name`, limits.name);
  return name ? { id, name } : null;
}

const emptyText: Bilingual = { de: '', en: '' };

function readService(r: Reader, o: Obj, path: string, id: string): ServiceSpec | null {
  const name = r.bilingual(o.name, `${path}.name`, limits.name);
  const description = r.bilingual(o.description, `${path}.description`, limits.description, false);
  const reporters: Reporter[] = [];
  r.list(o, 'reporters', path).forEach((v, i) => {
    const p = `${path}.reporters[${i}]`;
    if (v !== 'partner' && v !== 'customer') r.fail(p, 'catalog.error.invalidReporter', { value: String(v) });
    else if (reporters.includes(v)) r.fail(p, 'catalog.error.duplicateEntry', { value: v });
    else reporters.push(v);
  });
  const identifiers = readIdentifiers(r, o, path);
  const queue =
    o.queue === undefined ? 'default' : r.slug(o.queue, `${path}.queue`, 'catalog.error.invalidQueue');
  if (!name || queue === null || !identifiers) return null;
  const ordered = reporterKinds.filter((k) => reporters.includes(k));
  return { id, name, description: description ?? emptyText, reporters: ordered, identifiers, queue };
}

function readIdentifiers(r: Reader, o: Obj, path: string): IdentifierSpec[] | null {
  const out: IdentifierSpec[] = [];
  const before = r.errors.length;
  r.list(o, 'identifiers', path).forEach((item, i) => {
    const p = `${path}.identifiers[${i}]`;
    const m = r.mapping(item, p, ['key', 'label', 'hint', 'required', 'oneOf']);
    if (!m) return;
    let key = r.text(m.key, `${p}.key`, 40);
    if (key !== null && !identifierKeyPattern.test(key)) {
      key = r.fail(`${p}.key`, 'catalog.error.invalidIdentifierKey', { value: key });
    }
    if (key !== null && out.some((x) => x.key === key))
      r.fail(`${p}.key`, 'catalog.error.duplicateEntry', { value: key });
    const label = r.bilingual(m.label, `${p}.label`, limits.label);
    const rawHint =
      m.hint === undefined || m.hint === null ? null : r.bilingual(m.hint, `${p}.hint`, limits.label, false);
    const hint = rawHint && (rawHint.de || rawHint.en) ? rawHint : null;
    const oneOf =
      m.oneOf === undefined ? null : r.slug(m.oneOf, `${p}.oneOf`, 'catalog.error.invalidReference');
    const required = r.boolean(m.required, `${p}.required`, m.oneOf === undefined);
    if (oneOf !== null && required) r.fail(`${p}.required`, 'catalog.error.requiredWithOneOf');
    if (key !== null && label) out.push({ key, label, hint, required, oneOf });
  });
  return r.errors.length === before ? out : null;
}

function readComponent(r: Reader, o: Obj, path: string, id: string): ComponentSpec | null {
  const name = r.bilingual(o.name, `${path}.name`, limits.name);
  const description = r.bilingual(o.description, `${path}.description`, limits.description, false);
  const ref = (key: string) =>
    o[key] === undefined || o[key] === null
      ? null
      : r.slug(o[key], join(path, key), 'catalog.error.invalidReference');
  const group = ref('group');
  const site = ref('site');
  const services = r.slugList(o, 'services', path).sort();
  const dependsOn = r.slugList(o, 'dependsOn', path);
  const alerting = readAlerting(r, o.alerting, `${path}.alerting`);
  const self = dependsOn.indexOf(id);
  if (id && self >= 0) r.fail(`${path}.dependsOn[${self}]`, 'catalog.error.selfDependency', { id });
  if (!name) return null;
  return {
    id,
    name,
    description: description ?? emptyText,
    group,
    site,
    services,
    dependsOn: dependsOn.sort(),
    alerting,
  };
}

function readHotline(r: Reader, o: Obj, path: string, id: string): HotlineSpec | null {
  const label = r.bilingual(o.label, `${path}.label`, limits.label);
  let phone = r.text(o.phone, `${path}.phone`, 40);
  if (phone !== null) phone = phone.replace(/\s+/g, ' ');
  if (phone !== null && !phonePattern.test(phone)) {
    phone = r.fail(`${path}.phone`, 'catalog.error.invalidPhone', { value: phone });
  }
  return label && phone !== null ? { id, label, phone } : null;
}

/**
 * Every group, site, service and dependency a component names must exist in the same document.
 * Ids of items that have other errors still count, so one mistake does not cascade into many.
 */
function checkReferences(r: Reader, doc: CatalogDocument, paths: Paths) {
  for (const c of doc.components) {
    const path = paths.components.get(c.id)!;
    if (c.group !== null && !paths.groups.has(c.group)) {
      r.fail(`${path}.group`, 'catalog.error.unknownGroup', { id: c.group });
    }
    if (c.site !== null && !paths.sites.has(c.site)) {
      r.fail(`${path}.site`, 'catalog.error.unknownSite', { id: c.site });
    }
    for (const s of c.services.filter((x) => !paths.services.has(x))) {
      r.fail(`${path}.services`, 'catalog.error.unknownService', { id: s });
    }
    for (const d of c.dependsOn.filter((x) => !paths.components.has(x))) {
      r.fail(`${path}.dependsOn`, 'catalog.error.unknownComponent', { id: d });
    }
  }
}

/**
 * Dependencies must not loop: a status propagating along a loop would never settle. Depth-first
 * search with an explicit stack (a long chain must not overflow the call stack); a back edge
 * closes a cycle, reported at the component whose dependsOn closes it.
 */
function checkCycles(r: Reader, components: readonly ComponentSpec[], paths: Map<string, string>) {
  const edges = new Map(components.map((c) => [c.id, c.dependsOn.filter((d) => d !== c.id)]));
  const state = new Map<string, 'active' | 'done'>();
  for (const start of components) {
    if (state.has(start.id)) continue;
    const stack = [{ id: start.id, next: 0 }];
    state.set(start.id, 'active');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const target = edges.get(top.id)?.[top.next++];
      if (target === undefined) {
        state.set(top.id, 'done');
        stack.pop();
      } else if (state.get(target) === 'active') {
        const ids = stack.map((f) => f.id);
        const cycle = [...ids.slice(ids.indexOf(target)), target].join(' → ');
        r.fail(`${paths.get(top.id)}.dependsOn`, 'catalog.error.dependencyCycle', { cycle });
      } else if (!state.has(target) && edges.has(target)) {
        state.set(target, 'active');
        stack.push({ id: target, next: 0 });
      }
    }
  }
}
