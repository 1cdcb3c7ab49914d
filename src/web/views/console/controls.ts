/**
 * @module Labelled form controls for the account pages: same options and ids (`f-<name>`) as
 * `input` and `select` in forms.ts, which currently nest `html` results with `${}` and so print
 * their hint, error and aria attributes escaped. Replace these with forms.ts once it uses `!${}`.
 */
import { html } from 'ghtml';
import type { InputOptions, SelectOptions } from '../forms.ts';

export const controlId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function describedBy(id: string, hint: boolean, error: boolean): string {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

const notes = (id: string, hint: string | undefined, error: string | undefined) =>
  html`!${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}!${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}`;

export function textField(o: InputOptions): string {
  const id = controlId(o.name);
  const attrs = html`id="${id}" name="${o.name}"!${o.required ? ' required' : ''}!${describedBy(id, !!o.hint, !!o.error)}!${o.error ? ' aria-invalid="true"' : ''}!${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
  const control = o.multiline
    ? html`<textarea !${attrs} rows="${o.rows ?? 5}">${o.value ?? ''}</textarea>`
    : html`<input type="${o.type ?? 'text'}" !${attrs} value="${o.value ?? ''}">`;
  return html`<div class="field!${o.error ? ' has-error' : ''}"><label for="${id}">${o.label}</label>!${notes(id, o.hint, o.error)}!${control}</div>`;
}

export function selectField(o: SelectOptions): string {
  const id = controlId(o.name);
  const options = o.options.map(
    (opt) =>
      html`<option value="${opt.value}"!${opt.value === o.value ? ' selected' : ''}>${opt.label}</option>`,
  );
  return html`<div class="field!${o.error ? ' has-error' : ''}"><label for="${id}">${o.label}</label>!${notes(id, undefined, o.error)}<select id="${id}" name="${o.name}"!${o.required ? ' required' : ''}!${describedBy(id, false, !!o.error)}!${o.error ? ' aria-invalid="true"' : ''}>!${options.join('')}</select></div>`;
}
