/**
 * @module Which route a crawled path belongs to, so that the browser pass opens one page per
 * route and not forty incident pages. The route patterns are read from the route modules'
 * source (`'/console/incidents/:id'`): a path matching a pattern with parameters belongs to it
 * unless the same path is also registered as it stands (`/console/incidents/new`). A path the
 * source does not name (a prefix added at registration) is its own route.
 */
import { readdirSync, readFileSync } from 'node:fs';

const routesDir = new URL('../../src/web/routes/', import.meta.url);

function routeSources(): string[] {
  return readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(new URL(f, routesDir), 'utf8'));
}

const sources = routeSources();
const literals = new Set(
  sources.flatMap((source) => [...source.matchAll(/['`](\/[\w./:-]*)['`]/g)].map((m) => m[1] ?? '')),
);
const parameterised = [...literals]
  .filter((path) => path.includes('/:'))
  .map((path) => ({
    path,
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`),
  }));

export function routePattern(pathname: string): string {
  if (literals.has(pathname)) return pathname;
  return parameterised.find((r) => r.pattern.test(pathname))?.path ?? pathname;
}

/**
 * POST routes declared `csrfExempt` (their URL carries its own secret, e.g. one-click
 * unsubscribe): a form posting there rightly has no `_csrf` field.
 */
const csrfExempt = new Set(
  sources.flatMap((source) =>
    [
      ...source.matchAll(
        /\.post(?:<[^>]*>)?\(\s*['`](\/[\w./:-]*)['`]\s*,\s*\{[^;]{0,200}?csrfExempt:\s*true/g,
      ),
    ].map((m) => m[1] ?? ''),
  ),
);

export function isCsrfExempt(pathname: string): boolean {
  return csrfExempt.has(routePattern(pathname));
}
