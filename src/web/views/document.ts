/**
 * @module The HTML document around every page: language, title, viewport, stylesheet, skip link.
 * Pages render their body with ghtml's `html` (escapes by default) and hand it over as HTML.
 */
import { html } from 'ghtml';
import type { Locale } from '../i18n/index.ts';

export interface DocumentOptions {
  locale: Locale;
  title: string;
  /** Already-escaped HTML of the page body. */
  body: string;
  /** Stylesheet URLs, e.g. `/assets/style.css?v=…`. */
  stylesheets: string[];
  /** Extra `<head>` elements (feeds, canonical, meta), already escaped. */
  head?: string;
  skipLinkText: string;
  bodyClass?: string;
}

export function renderDocument(o: DocumentOptions): string {
  return `<!doctype html>${html`<html lang="${o.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${o.title}</title>!${o.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">`).join('')}!${o.head ?? ''}</head><body class="${o.bodyClass ?? ''}"><a class="skip" href="#main">${o.skipLinkText}</a>!${o.body}</body></html>`}`;
}
