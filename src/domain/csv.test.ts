import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.ts';

const fieldsOf = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`${r.key} at ${r.line}`);
  return r.records.map((x) => x.fields);
};

describe('parseCsv', () => {
  it('reads plain fields with LF and CRLF line ends, with or without a final line break', () => {
    expect(fieldsOf('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fieldsOf('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(fieldsOf('a,,c\n\n,\n\r\nx,y\n')).toEqual([
      ['a', '', 'c'],
      ['', ''],
      ['x', 'y'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const r = parseCsv('name,note\n"Müller, Hans","sagt ""hallo""\r\nund tschüss"\nnext,""\n');
    expect(r).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { line: 1, fields: ['name', 'note'] },
        { line: 2, fields: ['Müller, Hans', 'sagt "hallo"\r\nund tschüss'] },
        { line: 4, fields: ['next', ''] },
      ],
    });
  });

  it('ignores a byte order mark and detects the semicolon of German spreadsheets', () => {
    expect(fieldsOf('\uFEFFa;b\n"1;2";3\n')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('a;b\n1,5;2')).toBe(';');
  });

  it('reports an unterminated quote at the line it opens and a stray quote where it is', () => {
    expect(parseCsv('a,b\nx,"open\nmore\n')).toEqual({ ok: false, line: 2, key: 'csv.unterminatedQuote' });
    expect(parseCsv('a,b\nx,ab"c"\n')).toEqual({ ok: false, line: 2, key: 'csv.strayQuote' });
    expect(parseCsv('a,b\n"x"y,1\n')).toEqual({ ok: false, line: 2, key: 'csv.strayQuote' });
  });

  it('reads an empty input as no records', () => {
    expect(fieldsOf('')).toEqual([]);
    expect(fieldsOf('\uFEFF')).toEqual([]);
  });
});
