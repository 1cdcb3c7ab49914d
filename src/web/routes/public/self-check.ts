/**
 * @module The public self-check: `/self-check` lists the symptoms by service; `/self-check/<tree>`
 * shows what is already known on the tree's service, then one question per page with the answers
 * so far in `?a=1.2.0`, so that every page has its own URL and the back button just works. The
 * trees come from the database (edited in the console, checked before they are saved), re-read
 * only when they changed (services/get-triage-trees.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import { parseAnswerPath, type TriageTree, walkTriage } from '#src/domain/triage.ts';
import { getStatusSnapshot, type StatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { getTriageTrees } from '#src/services/get-triage-trees.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import type { TriageTrees } from '#src/services/load-triage-trees.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { pick } from '#src/web/views/format.ts';
import {
  type KnownIssues,
  renderKnownIssues,
  renderSelfCheckList,
} from '#src/web/views/public/self-check.ts';
import { renderBadPath, renderOutcome, renderQuestion } from '#src/web/views/public/self-check-step.ts';
import { renderedPage, sendPage } from './http-cache.ts';
import { readerOf } from './reader.ts';

/** Components whose trouble reaches the service: its own and, transitively, what they depend on. */
function serviceComponentIds(snapshot: StatusSnapshot, serviceId: string): Set<string> {
  const byId = new Map(snapshot.catalog.components.map((c) => [c.id, c]));
  const ids = new Set<string>();
  const queue = snapshot.catalog.components.filter((c) => c.services.includes(serviceId)).map((c) => c.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    queue.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return ids;
}

function knownIssues(snapshot: StatusSnapshot, tree: TriageTree): KnownIssues {
  const ids = serviceComponentIds(snapshot, tree.service);
  const service = snapshot.catalog.services.find((s) => s.id === tree.service);
  return {
    serviceName: service?.name ?? { de: tree.service, en: tree.service },
    incidents: snapshot.activeIncidents.filter((i) => i.components.some((c) => ids.has(c.componentId))),
    maintenances: snapshot.activeMaintenances.filter((m) => m.componentIds.some((id) => ids.has(id))),
  };
}

/**
 * `?a=` as a list of answer indices: undefined when absent (the tree's first page), otherwise the
 * path or the 1-based position of the first piece that is not an answer number.
 */
function answerPath(request: FastifyRequest): number[] | { badAt: number } | undefined {
  const raw = (request.query as Record<string, unknown>).a;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return { badAt: 1 };
  const path = parseAnswerPath(raw);
  if (path) return path;
  const bad = raw.split('.').findIndex((piece) => !/^\d{1,2}$/.test(piece));
  return { badAt: bad < 0 ? 1 : bad + 1 };
}

export async function selfCheckRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  options: { trees?: TriageTrees } = {},
) {
  const db = deps.store.db;
  const current = async () => options.trees ?? (await getTriageTrees(db));

  app.get('/self-check', async (request, reply) => {
    const [catalog, trees] = await Promise.all([loadCatalog(db), current()]);
    // Catalog order; a tree whose service the catalog no longer has is not offered.
    const groups = catalog.services
      .map((service) => ({ service, trees: trees.trees.filter((t) => t.service === service.id) }))
      .filter((g) => g.trees.length > 0);
    return sendPage(
      request,
      reply,
      renderedPage(renderSelfCheckList(readerOf(request, deps), groups, request.url)),
    );
  });

  app.get<{ Params: { tree: string } }>('/self-check/:tree', async (request, reply) => {
    const reader = readerOf(request, deps);
    const tree = (await current()).byId.get(request.params.tree);
    if (!tree)
      throw new DialtoneError('not_found', 'triage.notFound', { params: { id: request.params.tree } });
    const path = answerPath(request);
    const walk = Array.isArray(path) || path === undefined ? walkTriage(tree, path ?? []) : null;
    if (!walk?.ok) {
      const at = walk ? walk.at + 1 : (path as { badAt: number }).badAt;
      reply.code(400).type('text/html; charset=utf-8');
      return reply.send(renderBadPath(reader, tree, at, request.url));
    }
    const page = { tree, path: Array.isArray(path) ? path : [], steps: walk.steps, url: request.url };
    let note: string | undefined;
    if (path === undefined) {
      // Before the first question: what we already know on this service.
      const known = knownIssues(await getStatusSnapshot(db, deps.clock()), tree);
      if (known.incidents.length + known.maintenances.length > 0) {
        return sendPage(request, reply, renderedPage(renderKnownIssues(reader, tree, known, request.url)));
      }
      note = reader.t('triage.known.none', { service: pick(known.serviceName, reader.locale) });
    }
    const html =
      walk.node.type === 'question'
        ? renderQuestion(reader, walk.node, note ? { ...page, note } : page)
        : renderOutcome(reader, walk.node, page);
    return sendPage(request, reply, renderedPage(html));
  });
}
