/**
 * @module Static assets (one stylesheet for public pages, one for the console, tiny scripts)
 * served from memory with a content hash in the URL, so browsers may cache them for a year.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const dir = join(import.meta.dirname, 'assets');
const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

const assets = new Map<string, Asset>();
for (const name of readdirSync(dir)) {
  const type = types[extname(name)];
  if (!type) continue;
  const body = readFileSync(join(dir, name));
  assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 10) });
}

/** URL of an asset with its content hash (`/assets/style.css?v=3f2a…`). */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  return a ? `/assets/${name}?v=${a.hash}` : `/assets/${name}`;
}

export function assetBody(name: string): Buffer | undefined {
  return assets.get(name)?.body;
}

export async function assetRoutes(app: FastifyInstance) {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const a = assets.get(request.params.name);
    if (!a) return reply.callNotFound();
    const etag = `"${a.hash}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').type(a.type);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(a.body);
  });
}
