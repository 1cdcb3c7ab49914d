/**
 * @module A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every mail it
 * accepts, parsed: headers, decoded subject, plain text and HTML parts. Tests of everything that
 * sends mail use it; nothing is mocked between nodemailer and this server.
 *
 * @example
 * const sink = await startSmtpSink();
 * // DIALTONE_SMTP_URL = sink.url
 * await sink.waitFor(1);
 * expect(sink.mails[0]?.subject).toBe('Störung: …');
 * await sink.close();
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope. */
  from: string;
  to: string[];
  raw: string;
  /** Lower-case header names, unfolded values (first occurrence). */
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export interface SmtpSinkOptions {
  /** Keep only counts and Message-IDs (benchmarks); default false. */
  countOnly?: boolean;
  /** An SMTP reply code to refuse a mail with (e.g. 550 or 451), or undefined to accept it. */
  refuse?: (to: string[]) => number | undefined;
  /**
   * Called after the mail's data arrived and before the server answers (crash tests hold here).
   * Resolving to false answers 451 instead of 250: the mail is not accepted and not kept.
   */
  beforeAccept?: (raw: string) => Promise<boolean>;
}

export interface SmtpSink {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Every accepted mail's Message-ID in arrival order (also with countOnly). */
  messageIds: string[];
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const messageIds: string[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const code = options.refuse?.(to);
        if (code !== undefined) {
          const err = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), {
            responseCode: code,
          });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        if (options.beforeAccept && !(await options.beforeAccept(raw))) {
          callback(Object.assign(new Error('not accepted'), { responseCode: 451 }));
          return;
        }
        const headers = parseHeaders(raw);
        messageIds.push(headers.get('message-id') ?? '');
        if (!options.countOnly) {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          mails.push({ ...parseMail(raw, headers), from, to, raw });
        }
        callback();
        for (const w of waiters) w();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    messageIds,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messageIds.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: ${messageIds.length} of ${count} mails after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Header block of a message (or MIME part): lower-case names, folded lines joined. */
export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(i + 1).trim());
  }
  return headers;
}

function parseMail(raw: string, headers: Map<string, string>) {
  const parts = { text: '', html: '' };
  collectParts(raw, parts);
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    ...parts,
  };
}

function collectParts(entity: string, out: { text: string; html: string }): void {
  const headers = parseHeaders(entity);
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  const split = entity.search(/\r?\n\r?\n/);
  const body = split === -1 ? '' : entity.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const pieces = body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      collectParts(piece.replace(/^\r?\n/, ''), out);
    }
    return;
  }
  const decoded = decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase());
  if (type.startsWith('text/html')) out.html ||= decoded;
  else if (type.startsWith('text/plain')) out.text ||= decoded;
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) as nodemailer writes them. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' ')),
    );
}
