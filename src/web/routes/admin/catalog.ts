/**
 * @module Console: catalog (admins only). The catalog as YAML in a textarea: "Preview changes" is a
 * dry run (the changes, or every problem with its path and line, above the form with the input
 * kept); "Apply" writes and redirects back with a notice. Below, a read-only table of components.
 * `GET /console/catalog/export.yaml` downloads the current catalog as a file.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { type CatalogFileError, parseCatalogFile } from '#src/config/catalog-file.ts';
import type { CatalogChange } from '#src/domain/catalog-diff.ts';
import { isDialtoneError } from '#src/domain/errors.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { exportCatalog } from '#src/services/export-catalog.ts';
import { type Catalog, loadCatalog } from '#src/services/load-catalog.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { type MessageKey, type Translate, translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';
import { pick } from '#src/web/views/format.ts';
import { csrfField } from '#src/web/views/forms.ts';

/** Notices after a redirect: only these codes, never text from the query. */
const notices: Readonly<Record<string, MessageKey>> = {
  applied: 'catalog.notice.applied',
  unchanged: 'catalog.notice.unchanged',
};

interface PageState {
  /** The YAML in the textarea: the export, or what the admin sent. */
  yaml: string;
  errors?: readonly CatalogFileError[];
  /** Set after "Preview changes". */
  preview?: readonly CatalogChange[];
  notice?: string;
}

export async function consoleCatalogRoutes(app: FastifyInstance, deps: AppDeps) {
  const admin = { preHandler: requireRole('admin') };

  const page = async (request: FastifyRequest, reply: FastifyReply, state: PageState) => {
    const catalog = await loadCatalog(deps.store.db);
    return reply.type('text/html; charset=utf-8').send(
      renderConsolePage(request, reply, {
        title: request.t('catalog.title'),
        section: 'catalog',
        body: catalogBody(request, reply, catalog, state),
        ...(state.notice ? { notice: state.notice } : {}),
      }),
    );
  };

  app.get('/console/catalog', admin, async (request, reply) => {
    const code = (request.query as Record<string, unknown>).notice;
    const notice =
      typeof code === 'string' && Object.hasOwn(notices, code) ? request.t(notices[code]!) : undefined;
    return page(request, reply, { yaml: await exportCatalog(deps.store.db), ...(notice ? { notice } : {}) });
  });

  app.get('/console/catalog/export.yaml', admin, async (_request, reply) =>
    reply
      .type('application/yaml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="catalog.yaml"')
      .header('cache-control', 'no-store')
      .send(await exportCatalog(deps.store.db)),
  );

  app.post('/console/catalog', admin, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const yaml = typeof body.yaml === 'string' ? body.yaml : '';
    const dryRun = body.action !== 'apply';
    const parsed = parseCatalogFile(yaml);
    if (!parsed.ok) return page(request, reply.code(400), { yaml, errors: parsed.errors });
    const ctx = serviceContext(deps, staffActor(request));
    try {
      const { changes } = await applyCatalog({ ctx, input: { document: parsed.document, dryRun } });
      if (dryRun) return page(request, reply, { yaml, preview: changes });
      return reply.redirect(`/console/catalog?notice=${changes.length > 0 ? 'applied' : 'unchanged'}`, 303);
    } catch (e) {
      // Refusals that need the database (a component still in an open incident) come back here.
      if (isDialtoneError(e) && e.code === 'validation_failed') {
        return page(request, reply.code(400), { yaml, errors: e.fields });
      }
      throw e;
    }
  });
}

function catalogBody(request: FastifyRequest, reply: FastifyReply, catalog: Catalog, s: PageState): string {
  const t = request.t;
  const counts = t('catalog.counts', {
    sites: catalog.sites.length,
    groups: catalog.groups.length,
    services: catalog.services.length,
    components: catalog.components.length,
    hotlines: catalog.hotlines.length,
  });
  const invalid = (s.errors?.length ?? 0) > 0;
  return html`<p>${t('catalog.intro')}</p><p>${counts}</p>
<section aria-labelledby="catalog-edit"><h2 id="catalog-edit">${t('catalog.editor.heading')}</h2>
!${s.errors ? errorBlock(t, s.errors) : ''}!${s.preview ? previewBlock(t, s.preview) : ''}
<form method="post" action="/console/catalog" class="catalog-form">!${csrfField(request.csrfToken(reply))}
<div class="field${invalid ? ' has-error' : ''}"><label for="catalog-yaml">${t('catalog.editor.label')}</label>
<p class="hint" id="catalog-yaml-hint">${t('catalog.editor.hint')}</p>
<textarea id="catalog-yaml" name="yaml" rows="30" cols="100" spellcheck="false" autocomplete="off" wrap="off" aria-describedby="catalog-yaml-hint${invalid ? ' catalog-errors' : ''}"!${invalid ? ' aria-invalid="true"' : ''}>${s.yaml}</textarea></div>
<p class="actions"><button type="submit" name="action" value="preview">${t('catalog.editor.preview')}</button> <button type="submit" name="action" value="apply">${t('catalog.editor.apply')}</button></p>
</form>
<p><a href="/console/catalog/export.yaml" download="catalog.yaml">${t('catalog.editor.download')}</a></p></section>
!${overview(request, catalog)}`;
}

function errorBlock(t: Translate, errors: readonly CatalogFileError[]): string {
  const items = errors.map((e) => {
    const where = e.line ? t('catalog.errors.position', { line: e.line, column: e.column ?? 1 }) : '';
    return html`<li>${where ? `${where} · ` : ''}!${e.path ? html`<code>${e.path}</code>: ` : ''}${translateLoose(t, e.key, e.params)}</li>`;
  });
  return html`<div class="error-summary" id="catalog-errors" role="alert" tabindex="-1"><p>${t('catalog.errors.heading', { count: errors.length })}</p><ul>!${items.join('')}</ul></div>`;
}

function previewBlock(t: Translate, changes: readonly CatalogChange[]): string {
  if (changes.length === 0)
    return html`<div class="notice" role="status"><p>${t('catalog.preview.none')}</p></div>`;
  const items = changes.map((c) => {
    const params = { kind: t(`catalog.kind.${c.kind}`), id: c.id, fields: c.fields.join(', ') };
    return html`<li class="change-${c.op}">${t(`catalog.change.${c.op}`, params)}</li>`;
  });
  return html`<div class="catalog-preview" role="status"><h3>${t('catalog.preview.heading', { count: changes.length })}</h3><ul>!${items.join('')}</ul><p>${t('catalog.preview.notApplied')}</p></div>`;
}

function overview(request: FastifyRequest, catalog: Catalog): string {
  const t = request.t;
  const name = (list: readonly { id: string; name: { de: string; en: string } }[], id: string | null) => {
    const found = list.find((x) => x.id === id);
    return found ? pick(found.name, request.locale) : (id ?? t('catalog.overview.none'));
  };
  const names = (
    list: readonly { id: string; name: { de: string; en: string } }[],
    ids: readonly string[],
  ) => (ids.length > 0 ? ids.map((id) => name(list, id)).join(', ') : t('catalog.overview.none'));
  const rows = catalog.components.map(
    (c) =>
      html`<tr><th scope="row">${pick(c.name, request.locale)} <code>${c.id}</code></th><td>${name(catalog.groups, c.groupId)}</td><td>${name(catalog.sites, c.siteId)}</td><td>${names(catalog.services, c.services)}</td><td>${names(catalog.components, c.dependsOn)}</td></tr>`,
  );
  const table =
    rows.length > 0
      ? html`<table tabindex="0" aria-labelledby="catalog-overview"><thead><tr><th scope="col">${t('catalog.overview.component')}</th><th scope="col">${t('catalog.overview.group')}</th><th scope="col">${t('catalog.overview.site')}</th><th scope="col">${t('catalog.overview.services')}</th><th scope="col">${t('catalog.overview.dependsOn')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`
      : html`<p>${t('catalog.overview.empty')}</p>`;
  return html`<section aria-labelledby="catalog-overview"><h2 id="catalog-overview">${t('catalog.overview.heading')}</h2>!${table}</section>`;
}
