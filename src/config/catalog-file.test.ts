import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffCatalog } from '#src/domain/catalog-diff.ts';
import { parseCatalogFile, pathKeys, stringifyCatalog } from './catalog-file.ts';

const demo = readFileSync(new URL('../../catalog/demo.yaml', import.meta.url), 'utf8');

function errorsOf(text: string) {
  const r = parseCatalogFile(text);
  return r.ok ? [] : r.errors;
}

describe('parseCatalogFile', () => {
  it('reads the demo catalog', () => {
    const r = parseCatalogFile(demo);
    if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
    expect(r.document.services.map((s) => s.id)).toEqual([
      'cloud',
      'connect',
      'dsl',
      'local-numbers',
      'fax',
      'callthrough',
      'partner-portal',
      'customer-center',
      'push',
    ]);
    expect(r.document.components.length).toBeGreaterThanOrEqual(15);
    expect(r.document.hotlines.map((h) => h.phone.slice(0, 3))).toEqual(['+49', '+43', '+41']);
  });

  it('gives YAML syntax errors with line and column', () => {
    expect(errorsOf('sites:\n  - id: fra\n    name: [Frankfurt\n')).toEqual([
      expect.objectContaining({ path: '', key: 'catalog.error.yamlSyntax', line: 4, column: 1 }),
    ]);
    expect(errorsOf('sites:\n\t- id: fra\n')[0]).toMatchObject({ key: 'catalog.error.yamlTab', line: 2 });
    expect(errorsOf('sites: []\nsites: []\n')[0]).toMatchObject({
      key: 'catalog.error.yamlDuplicateKey',
      line: 2,
    });
    expect(errorsOf('sites: []\n---\ngroups: []\n')[0]).toMatchObject({
      key: 'catalog.error.yamlMultipleDocs',
    });
  });

  it('pins validation errors to the line of the offending node', () => {
    const text = [
      'components:', // 1
      '  - id: a', // 2
      '    name: A', // 3
      '  - id: b', // 4
      '    name: B', // 5
      '    colour: red', // 6
      '    dependsOn: [a, media-cottbus]', // 7
      '  - id: c', // 8
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        path: 'components[1].colour',
        key: 'catalog.error.unknownKey',
        line: 6,
        column: 5,
      }),
      // A missing field points at the item that lacks it.
      expect.objectContaining({ path: 'components[2].name', key: 'error.required', line: 8, column: 5 }),
      expect.objectContaining({
        path: 'components[1].dependsOn',
        key: 'catalog.error.unknownComponent',
        params: { id: 'media-cottbus' },
        line: 7,
        column: 16,
      }),
    ]);
  });

  it('refuses an empty file rather than reading it as "delete everything"', () => {
    expect(errorsOf('# only a comment\n')).toEqual([{ path: '', key: 'catalog.error.emptyFile' }]);
    expect(parseCatalogFile('components: []\n').ok).toBe(true);
  });

  it('refuses alias bombs and oversized files', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(errorsOf(bomb.join('\n'))[0]?.key).toMatch(/^catalog\.error\.yaml/);
    expect(errorsOf(`# ${'x'.repeat(1024 * 1024)}\n`)[0]?.key).toBe('catalog.error.fileTooLarge');
  });

  it('tells to quote a phone number YAML would read as a number', () => {
    expect(errorsOf('hotlines:\n  - id: de\n    label: DE\n    phone: +4930123456\n')).toEqual([
      expect.objectContaining({
        path: 'hotlines[0].phone',
        key: 'catalog.error.expectedText',
        line: 4,
        column: 12,
      }),
    ]);
  });
});

describe('stringifyCatalog', () => {
  it('writes text that reads back to the same document (export → apply is a no-op)', () => {
    const r = parseCatalogFile(demo);
    if (!r.ok) throw new Error('demo invalid');
    const text = stringifyCatalog(r.document);
    const again = parseCatalogFile(text);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.document).toEqual(r.document);
    expect(diffCatalog(r.document, again.document)).toEqual([]);
    expect(text).toContain('name: {de: Telefonie, en: Voice}');
  });

  it('keeps texts that look like other YAML types as text', () => {
    const r = parseCatalogFile(
      'sites:\n  - id: s1\n    name: {de: "true", en: "0355"}\nhotlines:\n  - id: h\n    label: "123"\n    phone: "+4930123456"\n',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const again = parseCatalogFile(stringifyCatalog(r.document));
    expect(again).toEqual(r);
  });
});

describe('pathKeys', () => {
  it('splits a path into keys and indexes', () => {
    expect(pathKeys('components[3].dependsOn[1]')).toEqual(['components', 3, 'dependsOn', 1]);
    expect(pathKeys('')).toEqual([]);
  });
});
