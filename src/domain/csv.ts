/**
 * @module A small RFC 4180 CSV reader: fields separated by a delimiter (comma by default; the
 * semicolon that German spreadsheet programs write is detected from the header), optionally
 * quoted with `"`, a quote inside a quoted field written twice, line breaks CRLF or LF (also
 * inside quoted fields), a leading UTF-8 byte order mark ignored. Blank lines are skipped.
 * Each record keeps the line it starts on, so errors can point at the file.
 *
 * @example
 * parseCsv('a,b\r\n"x ""y""",2\n') // → { ok: true, records: [{ line: 1, fields: ['a','b'] }, { line: 2, fields: ['x "y"','2'] }] }
 */

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[]; delimiter: string }
  | { ok: false; line: number; key: 'csv.unterminatedQuote' | 'csv.strayQuote' };

/** Comma unless the first line has semicolons and no commas (outside quotes it is a guess; fine for headers). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}

export function parseCsv(input: string, delimiter = detectDelimiter(stripBom(input))): CsvResult {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // A field is "started" once it has any content or quotes: tells a blank line from an empty field.
  let started = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || started) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (field !== '') return { ok: false, line, key: 'csv.strayQuote' };
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: quoteLine, key: 'csv.unterminatedQuote' };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      started = true;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return { ok: false, line, key: 'csv.strayQuote' };
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      started = true;
      i++;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') i++;
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    started = true;
    i++;
  }
  if (started || fields.length > 0) endRecord();
  return { ok: true, records, delimiter };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
