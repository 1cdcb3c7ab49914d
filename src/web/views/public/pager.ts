/**
 * @module Previous/next links for paginated lists (newest first, so "previous" is newer).
 */
import { html } from 'ghtml';
import type { Reader } from './parts.ts';

export function renderPager(r: Reader, path: string, page: number, pages: number): string {
  if (pages <= 1) return '';
  const href = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  const newer = page > 1 ? html`<a rel="prev" href="${href(page - 1)}">${r.t('public.pager.newer')}</a>` : '';
  const older =
    page < pages ? html`<a rel="next" href="${href(page + 1)}">${r.t('public.pager.older')}</a>` : '';
  return html`<nav class="pager" aria-label="${r.t('public.pager.label')}">!${newer}<span>${r.t('public.pager.position', { page, pages })}</span>!${older}</nav>`;
}
