/**
 * @module Console views of the self-check trees: the list (live trees, then deleted ones), the
 * YAML editor with the check result beside it, and the delete confirmation.
 */
import type { FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { TriageTree } from '#src/domain/triage.ts';
import type { TriageChange } from '#src/domain/triage-diff.ts';
import type { TriageTreeEntry } from '#src/services/list-triage-trees.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { formatDateTime, pick } from '#src/web/views/format.ts';
import { csrfField } from '#src/web/views/forms.ts';

type Names = ReadonlyMap<string, { de: string; en: string }>;

const href = (id: string) => `/console/self-check/${encodeURIComponent(id)}`;

export function renderTreeList(
  r: FastifyRequest,
  entries: readonly TriageTreeEntry[],
  services: Names,
): string {
  const t = r.t;
  const live = entries.filter((e) => !e.deleted);
  const deleted = entries.filter((e) => e.deleted);
  const service = (id: string) => {
    const name = services.get(id);
    return name ? pick(name, r.locale) : t('reportData.trees.unknownService', { id });
  };
  const changed = (e: TriageTreeEntry) =>
    e.updatedAt && e.updatedBy && e.updatedBy !== 'system'
      ? t('reportData.trees.updatedBy', {
          at: formatDateTime(e.updatedAt, r.locale, r.timeZone),
          by: e.updatedBy,
        })
      : t('reportData.trees.shippedUnchanged');
  const origin = (e: TriageTreeEntry) =>
    t(e.shipped ? 'reportData.trees.originShipped' : 'reportData.trees.originOwn');
  const head = html`<thead><tr><th scope="col">${t('reportData.trees.id')}</th><th scope="col">${t('reportData.trees.service')}</th><th scope="col">${t('reportData.trees.origin')}</th><th scope="col">${t('reportData.trees.updated')}</th></tr></thead>`;
  const rows = live.map(
    (e) =>
      html`<tr><th scope="row"><a href="${href(e.id)}"><code>${e.id}</code></a></th><td>${service(e.serviceId)}</td><td>${origin(e)}</td><td>${changed(e)}</td></tr>`,
  );
  const table =
    rows.length > 0
      ? html`<table>!${head}<tbody>!${rows.join('')}</tbody></table>`
      : html`<p>${t('reportData.trees.empty')}</p>`;
  const gone = deleted.map(
    (e) =>
      html`<tr><th scope="row"><a href="${href(e.id)}"><code>${e.id}</code></a></th><td>${service(e.serviceId)}</td><td>${origin(e)}</td><td>${formatDateTime(e.updatedAt ?? '', r.locale, r.timeZone)}</td></tr>`,
  );
  const deletedSection =
    gone.length > 0
      ? html`<section aria-labelledby="trees-deleted"><h2 id="trees-deleted">${t('reportData.trees.deletedHeading')}</h2><p>${t('reportData.trees.deletedIntro')}</p><table>!${head}<tbody>!${gone.join('')}</tbody></table></section>`
      : '';
  return html`<p>${t('reportData.trees.intro')}</p><p><a class="button" href="/console/self-check/new">${t('reportData.trees.add')}</a></p>!${table}!${deletedSection}`;
}

export interface EditorState {
  /** The tree edited; undefined for a new one. */
  entry?: TriageTreeEntry | undefined;
  source: string;
  /** The version the editor started from (hidden field). */
  version?: number | undefined;
  errors?: readonly FieldError[];
  /** Set after a successful check. */
  checked?: TriageTree;
  /** After a check of an existing tree: what saving would change. */
  changes?: readonly TriageChange[];
  csrf: string;
}

export function renderTreeEditor(r: FastifyRequest, s: EditorState): string {
  const t = r.t;
  const invalid = (s.errors?.length ?? 0) > 0;
  // A deleted tree is added back as a new one; a live one is edited from the version shown.
  const live = s.entry && !s.entry.deleted ? s.entry : undefined;
  const action = live ? href(live.id) : '/console/self-check/new';
  const version = live ? (s.version ?? live.version) : undefined;
  const side = invalid ? errorList(r, s.errors ?? []) : s.checked ? validNote(r, s.checked, s.changes) : '';
  const form = html`<form method="post" action="${action}" class="tree-form">!${csrfField(s.csrf)}!${version !== undefined ? html`<input type="hidden" name="version" value="${version}">` : ''}<div class="field${invalid ? ' has-error' : ''}"><label for="tree-yaml">${t('reportData.editor.label')}</label><p class="hint" id="tree-yaml-hint">${t('reportData.editor.hint')}</p><textarea id="tree-yaml" name="yaml" rows="32" cols="90" spellcheck="false" autocomplete="off" wrap="off" aria-describedby="tree-yaml-hint${invalid ? ' tree-errors' : ''}"!${invalid ? ' aria-invalid="true"' : ''}>${s.source}</textarea></div><p class="actions"><button type="submit" name="action" value="check">${t('reportData.editor.check')}</button> <button type="submit" name="action" value="save">${t('reportData.editor.save')}</button></p></form>`;
  const editor = html`<div class="tree-editor"><div class="tree-editor-main">!${form}</div><aside class="tree-editor-side" aria-live="polite">!${side}</aside></div>`;
  return html`<p><a href="/console/self-check">${t('reportData.editor.back')}</a>!${s.entry && !s.entry.deleted ? html` · <a href="/self-check/${encodeURIComponent(s.entry.id)}">${t('reportData.editor.open')}</a>` : ''}</p>!${editor}!${s.entry ? manage(r, s.entry, s.csrf) : ''}`;
}

function errorList(r: FastifyRequest, errors: readonly FieldError[]): string {
  const items = errors.map(
    (e) =>
      html`<li>!${e.path ? html`<code>${e.path}</code>: ` : ''}${translateLoose(r.t, e.key, e.params)}</li>`,
  );
  return html`<div class="error-summary" id="tree-errors" role="alert" tabindex="-1"><p>${r.t('reportData.editor.errorsHeading', { count: errors.length })}</p><ul>!${items.join('')}</ul></div>`;
}

function validNote(
  r: FastifyRequest,
  tree: TriageTree,
  changes: readonly TriageChange[] | undefined,
): string {
  const questions = tree.nodes.filter((n) => n.type === 'question').length;
  const text = r.t('reportData.editor.valid', { questions, outcomes: tree.nodes.length - questions });
  const items = (changes ?? []).map(
    (c) =>
      html`<li class="change-${c.op}">${c.tree ? r.t(`reportData.diff.${c.id as 'title' | 'service' | 'start'}`) : r.t(`reportData.diff.${c.op}`, { id: c.id })}</li>`,
  );
  const diff = !changes
    ? ''
    : items.length === 0
      ? html`<p>${r.t('reportData.diff.none')}</p>`
      : html`<p>${r.t('reportData.diff.heading')}</p><ul>!${items.join('')}</ul>`;
  return html`<div class="notice catalog-preview" role="status"><p>${text}</p><p>${pick(tree.title, r.locale)}</p>!${diff}</div>`;
}

/** Reset (shipped trees) and delete (live trees) below the editor. */
function manage(r: FastifyRequest, entry: TriageTreeEntry, csrf: string): string {
  const t = r.t;
  const reset = entry.shipped
    ? html`<section aria-labelledby="tree-reset"><h2 id="tree-reset">${t('reportData.editor.resetHeading')}</h2><p>${t('reportData.editor.resetText')}</p><form method="post" action="${href(entry.id)}/reset">!${csrfField(csrf)}<button type="submit">${t('reportData.editor.reset')}</button></form></section>`
    : '';
  const remove = entry.deleted
    ? ''
    : html`<section aria-labelledby="tree-delete"><h2 id="tree-delete">${t('reportData.editor.deleteHeading')}</h2><p>${t('reportData.editor.deleteText')}</p><p><a href="${href(entry.id)}/delete">${t('reportData.editor.delete')}</a></p></section>`;
  return reset + remove;
}

export function renderDeleteConfirm(r: FastifyRequest, id: string, csrf: string): string {
  const t = r.t;
  return html`<p>${t('reportData.delete.text')}</p><form method="post" action="${href(id)}/delete">!${csrfField(csrf)}<input type="hidden" name="confirm" value="yes"><p class="actions"><button type="submit" class="danger">${t('reportData.delete.confirm')}</button> <a href="${href(id)}">${t('reportData.delete.cancel')}</a></p></form>`;
}
