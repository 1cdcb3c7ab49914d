/**
 * @module The page a person sees for 404 and unexpected errors: short, translated, with a way back.
 */

import type { FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { assetUrl } from '../assets.ts';
import { renderDocument } from './document.ts';

export function renderErrorPage(
  request: FastifyRequest,
  kind: 'notFound' | 'error',
  detail?: string,
): string {
  const t = request.t;
  const title = kind === 'notFound' ? t('page.notFound') : t('page.error');
  const text = detail ?? (kind === 'notFound' ? t('page.notFoundText') : t('page.errorText'));
  return renderDocument({
    locale: request.locale,
    title: `${title} · ${t('app.name')}`,
    stylesheets: [assetUrl('style.css')],
    skipLinkText: t('nav.skip'),
    body: html`<main id="main" class="wrap error-page"><h1>${title}</h1><p>${text}</p><p><a href="/">${t('page.back')}</a></p></main>`,
  });
}
