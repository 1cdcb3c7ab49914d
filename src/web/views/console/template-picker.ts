/**
 * @module The template picker without JavaScript: a small GET form (`?template=ID`) that reloads
 * the page with the form prefilled from the template. Values the page already knows (from a
 * re-rendered form or the query) ride along as hidden fields so that they are not lost.
 */
import { html } from 'ghtml';
import type { TemplateView } from '#src/services/list-templates.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { templateKind } from './template-list.ts';

export interface TemplatePickerOptions {
  t: Translate;
  locale: Locale;
  /** The page to reload (the form's own page). */
  action: string;
  templates: readonly TemplateView[];
  selected?: string | undefined;
  /** The chosen template no longer exists (stale link or deleted meanwhile). */
  missing?: boolean;
  carry?: Readonly<Record<string, string | readonly string[]>>;
}

export function templateLabel(t: Translate, locale: Locale, tpl: TemplateView): string {
  const title = pick(tpl.title, locale);
  return `${tpl.name} (${templateKind(t, tpl.status)})${title ? ` – ${title}` : ''}`;
}

export function templatePicker(o: TemplatePickerOptions): string {
  const t = o.t;
  const missing = o.missing
    ? html`<p class="error" role="alert">${t('console.templates.picker.missing')}</p>`
    : '';
  if (o.templates.length === 0) {
    return html`!${missing}<p class="template-picker hint">${t('console.templates.picker.noneYet')} <a href="/console/templates">${t('console.templates.title')}</a></p>`;
  }
  const hidden = Object.entries(o.carry ?? {})
    .flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : value.map((x) => [name, x])))
    .filter(([, value]) => value !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  const options = o.templates
    .map(
      (tpl) =>
        html`<option value="${tpl.id}"${tpl.id === o.selected ? ' selected' : ''}>${templateLabel(t, o.locale, tpl)}</option>`,
    )
    .join('');
  const id = `tpl-${o.action.replace(/[^a-z0-9]+/gi, '-')}`;
  return html`<form method="get" action="${o.action}" class="template-picker">!${hidden}<div class="field">!${missing}<label for="${id}">${t('console.templates.picker.label')}</label><p class="hint">${t('console.templates.picker.hint')}</p><select id="${id}" name="template"><option value="">${t('console.templates.picker.none')}</option>!${options}</select> <button type="submit">${t('console.templates.picker.apply')}</button></div></form>`;
}
