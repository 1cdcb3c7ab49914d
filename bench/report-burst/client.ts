/**
 * @module The burst's HTTP client: one request on a fresh connection from a chosen loopback source
 * address (127.0.x.y are all this machine), timed from connect to the last byte.
 */
import { request } from 'node:http';

export interface Answer {
  status: number;
  location: string;
  cookies: string[];
  body: string;
  ms: number;
}

export function send(
  url: string,
  options: { method?: string; from: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        localAddress: options.from,
        agent: false,
        headers: {
          ...options.headers,
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: String(res.headers.location ?? ''),
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The i-th loopback source address: 127.0.1.1, 127.0.1.2, … (250 per third octet). */
export const loopback = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
