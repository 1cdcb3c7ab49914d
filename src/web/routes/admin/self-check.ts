/**
 * @module Console: the self-check trees (admins only). A list; each tree's YAML in a textarea where
 * "Check" shows every problem with its path beside the editor (or that the tree is valid) and
 * "Save" stores it — nothing is saved while anything is wrong, and the input is kept. New trees,
 * delete (after a confirmation page) and reset to the shipped text. The public self-check shows
 * a change at its next request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, isDialtoneError } from '#src/domain/errors.ts';
import { diffTriageTrees } from '#src/domain/triage-diff.ts';
import { deleteTriageTree } from '#src/services/delete-triage-tree.ts';
import { listTriageTrees, type TriageTreeEntry } from '#src/services/list-triage-trees.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { parseTriageFile } from '#src/services/load-triage-trees.ts';
import { resetTriageTree } from '#src/services/reset-triage-tree.ts';
import { saveTriageTree } from '#src/services/save-triage-tree.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';
import {
  type EditorState,
  renderDeleteConfirm,
  renderTreeEditor,
  renderTreeList,
} from '#src/web/views/console/self-check-trees.ts';

/** Notices after a redirect: only these codes, never text from the query. */
const notices: Readonly<Record<string, MessageKey>> = {
  created: 'reportData.notice.created',
  saved: 'reportData.notice.saved',
  deleted: 'reportData.notice.deleted',
  reset: 'reportData.notice.reset',
};

/** What "new tree" starts from: the smallest valid shape, to be filled in. */
const skeleton = `id: my-symptom
service: connect
title: {de: Titel des Symptoms, en: Title of the symptom}
start: first
nodes:
  - id: first
    question: {de: Frage?, en: Question?}
    answers:
      - {label: {de: Ja, en: "Yes"}, next: fixed}
      - {label: {de: Nein, en: "No"}, next: report}
  - id: fixed
    outcome: fix_yourself
    title: {de: Behoben, en: Fixed}
    text: {de: Anleitung., en: Instruction.}
  - id: report
    outcome: report
    title: {de: Bitte melden, en: Please report}
    text: {de: Bitte melden Sie die Störung., en: Please report the outage.}
`;

type Params = { Params: { id: string } };

function noticeOf(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET') return undefined;
  const code = (request.query as Record<string, unknown>).notice;
  return typeof code === 'string' && Object.hasOwn(notices, code) ? request.t(notices[code]!) : undefined;
}

export async function consoleSelfCheckRoutes(app: FastifyInstance, deps: AppDeps) {
  const admin = { preHandler: requireRole('admin') };
  const db = deps.store.db;

  const send = (request: FastifyRequest, reply: FastifyReply, title: string, body: string, notice?: string) =>
    reply.type('text/html; charset=utf-8').send(
      renderConsolePage(request, reply, {
        title,
        section: 'self-check',
        body,
        ...(notice ? { notice } : {}),
      }),
    );

  const entryOf = async (id: string): Promise<TriageTreeEntry> => {
    const entry = (await listTriageTrees(db)).find((e) => e.id === id);
    if (!entry) throw new DialtoneError('not_found', 'reportData.tree.notFound', { params: { id } });
    return entry;
  };

  const editor = (request: FastifyRequest, reply: FastifyReply, s: Omit<EditorState, 'csrf'>) => {
    const title = s.entry
      ? request.t('reportData.editor.titleEdit', { id: s.entry.id })
      : request.t('reportData.editor.titleNew');
    const body = renderTreeEditor(request, { ...s, csrf: request.csrfToken(reply) });
    return send(request, reply, title, body, noticeOf(request));
  };

  app.get('/console/self-check', admin, async (request, reply) => {
    const [entries, catalog] = await Promise.all([listTriageTrees(db), loadCatalog(db)]);
    const names = new Map(catalog.services.map((s) => [s.id, s.name]));
    const body = renderTreeList(request, entries, names);
    return send(request, reply, request.t('reportData.trees.title'), body, noticeOf(request));
  });

  app.get('/console/self-check/new', admin, async (request, reply) =>
    editor(request, reply, { source: skeleton }),
  );
  app.get<Params>('/console/self-check/:id', admin, async (request, reply) => {
    const entry = await entryOf(request.params.id);
    return editor(request, reply, { entry, source: entry.source });
  });

  /** Check or save; problems come back beside the editor with the text as sent. */
  const submit = async (request: FastifyRequest, reply: FastifyReply, entry: TriageTreeEntry | undefined) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const source = typeof body.yaml === 'string' ? body.yaml : '';
    const version =
      typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : undefined;
    const live = entry && !entry.deleted ? entry : undefined;
    const state = { entry, source, version };
    try {
      const { tree, created } = await saveTriageTree({
        ctx: serviceContext(deps, staffActor(request)),
        input: { id: live?.id, source, version, dryRun: body.action !== 'save' },
      });
      if (body.action !== 'save') {
        const stored = live ? parseTriageFile(live.id, live.source).tree : undefined;
        const changes = stored ? diffTriageTrees(stored, tree) : undefined;
        return editor(request, reply, { ...state, checked: tree, ...(changes ? { changes } : {}) });
      }
      return reply.redirect(
        `/console/self-check/${encodeURIComponent(tree.id)}?notice=${created ? 'created' : 'saved'}`,
        303,
      );
    } catch (e) {
      if (isDialtoneError(e) && e.code === 'validation_failed')
        return editor(request, reply.code(400), { ...state, errors: e.fields });
      if (isDialtoneError(e) && e.code === 'conflict')
        return editor(request, reply.code(409), {
          ...state,
          errors: [{ path: '', key: e.key, params: e.params }],
        });
      throw e;
    }
  };

  app.post('/console/self-check/new', admin, async (request, reply) => submit(request, reply, undefined));
  app.post<Params>('/console/self-check/:id', admin, async (request, reply) =>
    submit(request, reply, await entryOf(request.params.id)),
  );

  app.get<Params>('/console/self-check/:id/delete', admin, async (request, reply) => {
    const entry = await entryOf(request.params.id);
    const body = renderDeleteConfirm(request, entry.id, request.csrfToken(reply));
    return send(request, reply, request.t('reportData.delete.title', { id: entry.id }), body);
  });
  app.post<Params>('/console/self-check/:id/delete', admin, async (request, reply) => {
    const id = request.params.id;
    // Without the confirmation page's field, show that page instead of deleting.
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'yes')
      return reply.redirect(`/console/self-check/${encodeURIComponent(id)}/delete`, 303);
    await deleteTriageTree({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
    return reply.redirect('/console/self-check?notice=deleted', 303);
  });
  app.post<Params>('/console/self-check/:id/reset', admin, async (request, reply) => {
    const id = request.params.id;
    await resetTriageTree({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
    return reply.redirect(`/console/self-check/${encodeURIComponent(id)}?notice=reset`, 303);
  });
}
