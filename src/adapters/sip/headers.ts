/**
 * @module SIP header names and values (RFC 3261 §7.3, §20): case-insensitive lookup with the
 * compact forms (`v` = Via, `i` = Call-ID, …), comma-separated lists split outside quotes and
 * angle brackets, and `;name=value` parameters. Pure: no I/O.
 *
 * @example
 * const h = new SipHeaders([['v', 'SIP/2.0/UDP a;branch=z9hG4bK1'], ['Via', 'SIP/2.0/UDP b']]);
 * h.getAll('via'); // ['SIP/2.0/UDP a;branch=z9hG4bK1', 'SIP/2.0/UDP b']
 */

/** Compact form → canonical lowercase name (RFC 3261 §7.3.3 and later RFCs). */
const compactForms: Record<string, string> = {
  a: 'accept-contact',
  b: 'referred-by',
  c: 'content-type',
  d: 'request-disposition',
  e: 'content-encoding',
  f: 'from',
  i: 'call-id',
  j: 'reject-contact',
  k: 'supported',
  l: 'content-length',
  m: 'contact',
  n: 'identity-info',
  o: 'event',
  r: 'refer-to',
  s: 'subject',
  t: 'to',
  u: 'allow-events',
  v: 'via',
  x: 'session-expires',
  y: 'identity',
};

/** Lowercase canonical form of a header name: `V` and `VIA` both become `via`. */
export function canonicalHeaderName(name: string): string {
  const lower = name.trim().toLowerCase();
  return compactForms[lower] ?? lower;
}

/** Headers in their order of appearance; lookups ignore case and accept compact forms. */
export class SipHeaders {
  readonly #entries: ReadonlyArray<readonly [string, string]>;
  readonly #byName = new Map<string, string[]>();

  constructor(entries: ReadonlyArray<readonly [string, string]>) {
    this.#entries = entries;
    for (const [name, value] of entries) {
      const key = canonicalHeaderName(name);
      const list = this.#byName.get(key);
      if (list) list.push(value);
      else this.#byName.set(key, [value]);
    }
  }

  /** First value of the header, or undefined. */
  get(name: string): string | undefined {
    return this.#byName.get(canonicalHeaderName(name))?.[0];
  }

  /** Every value of every header line with this name, lists within a line not split. */
  getAll(name: string): string[] {
    return [...(this.#byName.get(canonicalHeaderName(name)) ?? [])];
  }

  /** Every element of a list header (Via, Contact, …) across lines, split at top-level commas. */
  getList(name: string): string[] {
    return this.getAll(name).flatMap(splitHeaderList);
  }

  has(name: string): boolean {
    return this.#byName.has(canonicalHeaderName(name));
  }

  /** Header lines as received (names in their original spelling). */
  entries(): Array<readonly [string, string]> {
    return [...this.#entries];
  }
}

/** Splits `a, "b, c" <sip:x>, d` at commas outside quotes and angle brackets. */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

/**
 * Header parameters (`;tag=…`, `;branch=…`) of one value. For name-addr values (`"Bob"
 * <sip:b@x;transport=udp>;tag=1`) only the parameters after `>` count: those inside belong to the
 * URI. Names are lowercased; a parameter without `=` maps to ''.
 */
export function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const close = value.lastIndexOf('>');
  const open = value.indexOf('<');
  let rest: string;
  if (open >= 0 && close > open) rest = value.slice(close + 1);
  else {
    const semi = value.indexOf(';');
    rest = semi >= 0 ? value.slice(semi) : '';
  }
  for (const part of rest.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const name = (eq >= 0 ? trimmed.slice(0, eq) : trimmed).trim().toLowerCase();
    const raw = eq >= 0 ? trimmed.slice(eq + 1).trim() : '';
    params.set(name, raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw);
  }
  return params;
}
