/**
 * @module Form building blocks shared by the console and public forms: a CSRF field, labelled
 * inputs that keep what the user typed and show the field's error next to it (linked with
 * aria-describedby), and an error summary at the top of the form.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { type Translate, translateLoose } from '../i18n/index.ts';
import { csrfFieldName } from '../plugins/csrf.ts';

export const csrfField = (token: string) =>
  html`<input type="hidden" name="${csrfFieldName}" value="${token}">`;

/** The translated message for a field path, or ''. */
export function fieldError(t: Translate, errors: readonly FieldError[], path: string): string {
  const e = errors.find((x) => x.path === path);
  return e ? translateLoose(t, e.key, e.params) : '';
}

/** The id of a field's control (`f-<name>`), for labels and error links. */
export const controlId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface InputOptions {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'password' | 'datetime-local' | 'number' | 'tel' | 'url' | 'search';
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  /** Translated error message ('' for none). */
  error?: string;
  multiline?: boolean;
  rows?: number;
}

export function input(o: InputOptions): string {
  const id = controlId(o.name);
  const describedBy = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${o.name}"!${o.required ? ' required' : ''}!${describedBy ? html` aria-describedby="${describedBy}"` : ''}!${o.error ? ' aria-invalid="true"' : ''}!${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
  const control = o.multiline
    ? html`<textarea !${common} rows="${o.rows ?? 5}">${o.value ?? ''}</textarea>`
    : html`<input type="${o.type ?? 'text'}" !${common} value="${o.value ?? ''}">`;
  return html`<div class="field${o.error ? ' has-error' : ''}"><label for="${id}">${o.label}</label>!${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}!${o.error ? html`<p class="error" id="${id}-error">${o.error}</p>` : ''}!${control}</div>`;
}

export interface SelectOptions {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string;
  error?: string;
  required?: boolean;
}

export function select(o: SelectOptions): string {
  const id = controlId(o.name);
  return html`<div class="field${o.error ? ' has-error' : ''}"><label for="${id}">${o.label}</label>!${o.error ? html`<p class="error" id="${id}-error">${o.error}</p>` : ''}<select id="${id}" name="${o.name}"!${o.required ? ' required' : ''}!${o.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>!${o.options.map((opt) => html`<option value="${opt.value}"!${opt.value === o.value ? ' selected' : ''}>${opt.label}</option>`).join('')}</select></div>`;
}

/** A summary of all errors at the top of a form (role="alert" so screen readers announce it). */
export function errorSummary(
  t: Translate,
  errors: readonly FieldError[],
  headingKey = 'error.validationFailed',
): string {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert"><p>${translateLoose(t, headingKey)}</p><ul>!${errors.map((e) => html`<li>${e.path ? `${e.path}: ` : ''}${translateLoose(t, e.key, e.params)}</li>`).join('')}</ul></div>`;
}
