import { describe, expect, it } from 'vitest';
import { type CatalogDocument, validateCatalog } from './catalog.ts';
import { diffCatalog, formatChange } from './catalog-diff.ts';

const minimal = () => ({
  sites: [{ id: 'fra', name: { de: 'Rechenzentrum Frankfurt', en: 'Frankfurt data centre' } }],
  groups: [{ id: 'voice', name: { de: 'Telefonie', en: 'Voice' } }],
  services: [
    {
      id: 'cloud',
      name: 'Cloud-Telefonanlage',
      reporters: ['customer', 'partner'],
      identifiers: [{ key: 'cloudName', label: { de: 'Name der Cloud', en: 'Cloud name' } }],
    },
  ],
  components: [
    { id: 'sbc-fra', name: 'SBC Frankfurt', group: 'voice', site: 'fra', services: ['cloud'] },
    { id: 'pbx-cloud', name: 'PBX-Cluster', group: 'voice', services: ['cloud'], dependsOn: ['sbc-fra'] },
  ],
  hotlines: [{ id: 'de', label: 'Aus Deutschland', phone: '+49 30 1234567 0' }],
});

function valid(raw: unknown): CatalogDocument {
  const r = validateCatalog(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

function errorsOf(raw: unknown) {
  const r = validateCatalog(raw);
  return r.ok ? [] : r.errors.map((e) => ({ path: e.path, key: e.key, params: e.params }));
}

describe('validateCatalog', () => {
  it('normalises a valid document: plain names for both languages, defaults, canonical order', () => {
    const doc = valid(minimal());
    expect(doc.services[0]).toEqual({
      id: 'cloud',
      name: { de: 'Cloud-Telefonanlage', en: 'Cloud-Telefonanlage' },
      description: { de: '', en: '' },
      reporters: ['partner', 'customer'],
      identifiers: [
        {
          key: 'cloudName',
          label: { de: 'Name der Cloud', en: 'Cloud name' },
          hint: null,
          required: true,
          oneOf: null,
        },
      ],
      queue: 'default',
    });
    expect(doc.components[1]).toMatchObject({ group: 'voice', site: null, dependsOn: ['sbc-fra'] });
    expect(doc.hotlines[0]?.phone).toBe('+49 30 1234567 0');
  });

  it('accepts an empty catalog given as empty lists, and missing sections as empty', () => {
    expect(valid({ components: [] })).toEqual({
      sites: [],
      groups: [],
      services: [],
      components: [],
      hotlines: [],
      monitors: [],
      peers: [],
      detectors: [],
    });
  });

  it('names unknown references with their path', () => {
    const raw = minimal();
    raw.components.push({ id: 'fax', name: 'Fax', dependsOn: ['media-cottbus'] } as never);
    raw.components[0]!.group = 'access';
    (raw.components[0] as { site: string }).site = 'cottbus';
    raw.components[1]!.services = ['cloud', 'dsl'];
    expect(errorsOf(raw)).toEqual([
      { path: 'components[0].group', key: 'catalog.error.unknownGroup', params: { id: 'access' } },
      { path: 'components[0].site', key: 'catalog.error.unknownSite', params: { id: 'cottbus' } },
      { path: 'components[1].services', key: 'catalog.error.unknownService', params: { id: 'dsl' } },
      {
        path: 'components[2].dependsOn',
        key: 'catalog.error.unknownComponent',
        params: { id: 'media-cottbus' },
      },
    ]);
  });

  it('checks keys, types, required fields, id format and duplicates', () => {
    const errors = errorsOf({
      sites: [
        { id: 'FRA', name: 'x' },
        { id: 'ok', name: 7 },
      ],
      groups: [{ id: 'voice', nmae: 'Telefonie' }],
      services: [{ id: 'cloud', name: 'C', reporters: ['admin'], queue: 'Cloud Team' }],
      components: [
        { id: 'a', name: { de: 'A' } },
        { id: 'a', name: 'A2', services: 'cloud' },
      ],
      hotlines: 'none',
      extra: true,
    });
    expect(errors).toEqual([
      {
        path: 'extra',
        key: 'catalog.error.unknownKey',
        params: { allowed: expect.stringContaining('components') },
      },
      { path: 'sites[0].id', key: 'catalog.error.invalidId', params: { value: 'FRA' } },
      { path: 'sites[1].name', key: 'catalog.error.expectedText', params: undefined },
      { path: 'groups[0].nmae', key: 'catalog.error.unknownKey', params: { allowed: 'id, name' } },
      { path: 'groups[0].name', key: 'error.required', params: undefined },
      { path: 'services[0].reporters[0]', key: 'catalog.error.invalidReporter', params: { value: 'admin' } },
      { path: 'services[0].queue', key: 'catalog.error.invalidQueue', params: { value: 'Cloud Team' } },
      { path: 'components[0].name.en', key: 'error.required', params: undefined },
      {
        path: 'components[1].id',
        key: 'catalog.error.duplicateId',
        params: { id: 'a', first: 'components[0]' },
      },
      { path: 'components[1].services', key: 'catalog.error.expectedList', params: undefined },
      { path: 'hotlines', key: 'catalog.error.expectedList', params: undefined },
    ]);
  });

  it('refuses a document that is not a mapping and an unknown format version', () => {
    expect(errorsOf(['sites'])).toEqual([
      { path: '', key: 'catalog.error.expectedMapping', params: undefined },
    ]);
    expect(errorsOf({ version: 2 })).toEqual([
      { path: 'version', key: 'catalog.error.unsupportedVersion', params: { value: '2' } },
    ]);
  });

  it('names dependency cycles, self-dependencies and duplicate entries', () => {
    const comp = (id: string, dependsOn: string[]) => ({ id, name: id, dependsOn });
    expect(
      errorsOf({
        components: [comp('a', ['b']), comp('b', ['c']), comp('c', ['a']), comp('d', ['d', 'a', 'a'])],
      }),
    ).toEqual([
      { path: 'components[3].dependsOn[2]', key: 'catalog.error.duplicateEntry', params: { value: 'a' } },
      { path: 'components[3].dependsOn[0]', key: 'catalog.error.selfDependency', params: { id: 'd' } },
      {
        path: 'components[2].dependsOn',
        key: 'catalog.error.dependencyCycle',
        params: { cycle: 'a → b → c → a' },
      },
    ]);
  });

  it('checks hotline phone numbers (E.164 with single spaces)', () => {
    const hot = (phone: unknown) => errorsOf({ hotlines: [{ id: 'h', label: 'H', phone }] });
    expect(hot('+43 1 2345678')).toEqual([]);
    expect(hot('+41   44 123 45 67')).toEqual([]);
    for (const bad of [
      '030 1234567',
      '+49-30-1234567',
      '+0 30 1234567',
      '+49 30',
      '+49 30 1234567 0 12345 6',
    ]) {
      expect(hot(bad)).toEqual([
        { path: 'hotlines[0].phone', key: 'catalog.error.invalidPhone', params: { value: bad } },
      ]);
    }
    expect(hot(4930123)).toEqual([
      { path: 'hotlines[0].phone', key: 'catalog.error.expectedText', params: undefined },
    ]);
  });

  it('checks identifiers: key format, required vs oneOf, duplicates', () => {
    const svc = (identifiers: unknown[]) => ({ services: [{ id: 's', name: 'S', identifiers }] });
    expect(
      valid(
        svc([
          { key: 'serverLicence', label: 'L', oneOf: 'line' },
          { key: 'dslOrder', label: 'D', oneOf: 'line' },
        ]),
      ).services[0]?.identifiers.map((i) => [i.key, i.required, i.oneOf]),
    ).toEqual([
      ['serverLicence', false, 'line'],
      ['dslOrder', false, 'line'],
    ]);
    expect(
      errorsOf(
        svc([
          { key: 'Cloud-Name', label: 'x' },
          { key: 'a', label: 'A', required: true, oneOf: 'g' },
          { key: 'b', label: 'B', required: 'yes' },
          { key: 'b', label: 'B2' },
        ]),
      ).map((e) => [e.path, e.key]),
    ).toEqual([
      ['services[0].identifiers[0].key', 'catalog.error.invalidIdentifierKey'],
      ['services[0].identifiers[1].required', 'catalog.error.requiredWithOneOf'],
      ['services[0].identifiers[2].required', 'catalog.error.expectedBoolean'],
      ['services[0].identifiers[3].key', 'catalog.error.duplicateEntry'],
    ]);
  });

  it('follows a dependency chain as long as a file can hold without overflowing the stack', () => {
    const n = 20_000;
    const chain = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      name: 'C',
      dependsOn: i ? [`c${i - 1}`] : [],
    }));
    expect(valid({ components: chain }).components).toHaveLength(n);
    chain[0]!.dependsOn = [`c${n - 1}`];
    const errors = errorsOf({ components: chain });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.key).toBe('catalog.error.dependencyCycle');
  });

  it('does not cascade: a component with an error still counts as a dependency target', () => {
    expect(
      errorsOf({
        components: [
          { id: 'a', name: '' },
          { id: 'b', name: 'B', dependsOn: ['a'] },
        ],
      }).map((e) => e.path),
    ).toEqual(['components[0].name']);
  });
});

describe('diffCatalog', () => {
  const base = () => valid(minimal());

  it('finds nothing to do between equal documents', () => {
    expect(diffCatalog(base(), base())).toEqual([]);
  });

  it('lists creations, field updates and deletions per kind', () => {
    const after = base();
    after.sites.push({ id: 'cottbus', name: { de: 'Cottbus', en: 'Cottbus' } });
    after.components[0]!.name = { de: 'SBC Frankfurt', en: 'SBC Frankfurt (primary)' };
    after.components[1]!.dependsOn = [];
    after.hotlines = [];
    const lines = diffCatalog(base(), after).map(formatChange);
    expect(lines).toEqual([
      '+ site cottbus',
      '~ component sbc-fra: name_en',
      '~ component pbx-cloud: dependsOn',
      '- hotline de',
    ]);
  });

  it('reports only the moved item when order changes, not everything shifted', () => {
    const comp = (id: string) => ({ id, name: id });
    const before = valid({ components: ['a', 'b', 'c', 'd'].map(comp) });
    const after = valid({ components: ['d', 'a', 'b', 'c', 'e'].map(comp) });
    expect(diffCatalog(before, after).map(formatChange)).toEqual([
      '~ component d: position',
      '+ component e',
    ]);
  });

  it('reports a reversed list as all but one moved', () => {
    const comp = (id: string) => ({ id, name: id });
    const ids = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const before = valid({ components: ids.map(comp) });
    const after = valid({ components: [...ids].reverse().map(comp) });
    const changes = diffCatalog(before, after);
    expect(changes).toHaveLength(ids.length - 1);
    expect(changes.every((c) => c.fields.join() === 'position')).toBe(true);
  });

  it('compares identifiers regardless of how their objects were built', () => {
    const before = base();
    const after = base();
    const id = after.services[0]!.identifiers[0]!;
    after.services[0]!.identifiers = [
      { oneOf: id.oneOf, required: id.required, hint: id.hint, label: id.label, key: id.key },
    ];
    expect(diffCatalog(before, after)).toEqual([]);
    after.services[0]!.identifiers[0]!.required = false;
    expect(diffCatalog(before, after).map(formatChange)).toEqual(['~ service cloud: identifiers']);
  });
});
