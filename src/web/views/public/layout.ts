/**
 * @module The frame of every public page: header with the page's name, navigation and language
 * switch; the page body in `<main>`; footer with feeds, the time zone dates are shown in, and
 * credits. One stylesheet, no script.
 */
import { html } from 'ghtml';
import { assetUrl } from '../../assets.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { renderDocument } from '../document.ts';
import { langSwitchHref } from '../links.ts';
import type { Reader } from './parts.ts';

export type PublicSection = 'status' | 'self-check' | 'history' | 'maintenance' | 'none';

const nav: { section: PublicSection; href: string; key: MessageKey }[] = [
  { section: 'status', href: '/', key: 'nav.status' },
  { section: 'self-check', href: '/self-check', key: 'nav.selfCheck' },
  { section: 'history', href: '/history', key: 'nav.history' },
  { section: 'maintenance', href: '/maintenance', key: 'nav.maintenance' },
];

/** Feed routes (served by the feeds module): linked in the head and the footer. */
const feeds: { href: string; type: string; key: MessageKey }[] = [
  { href: '/feed.atom', type: 'application/atom+xml', key: 'public.feeds.atom' },
  { href: '/feed.rss', type: 'application/rss+xml', key: 'public.feeds.rss' },
  { href: '/maintenance.ics', type: 'text/calendar', key: 'public.feeds.ical' },
];

export interface PublicPageOptions {
  /** The page's own title; the page name is appended. */
  title: string;
  section: PublicSection;
  /** Escaped HTML of the main content, starting with its `<h1>`. */
  body: string;
  /** The URL the language switch points back to (path and query of this page). */
  url: string;
}

export function renderPublicPage(r: Reader, o: PublicPageOptions): string {
  const t = r.t;
  const other = r.locale === 'de' ? 'en' : 'de';
  const links = nav.map(
    (n) =>
      html`<li><a href="${n.href}"!${n.section === o.section ? ' aria-current="page"' : ''}>${t(n.key)}</a></li>`,
  );
  const header = html`<header class="top"><div class="wrap bar"><a class="brand" href="/">${r.pageName}</a><nav aria-label="${t('public.nav.label')}"><ul>!${links.join('')}</ul></nav><a class="subscribe-link" href="/subscribe">${t('subscribers.link')}</a><a class="lang" href="${langSwitchHref(o.url, other)}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a></div></header>`;
  const feedLinks = feeds.map((f) => html`<li><a href="${f.href}" type="${f.type}">${t(f.key)}</a></li>`);
  const footer = html`<footer class="foot"><div class="wrap"><ul class="feeds" aria-label="${t('public.feeds.label')}">!${feedLinks.join('')}</ul><p>${t('footer.timeZone', { zone: r.timeZone })} · <a href="/partner">${t('footer.partnerArea')}</a> · ${t('footer.poweredBy')}</p></div></footer>`;
  const head = feeds
    .slice(0, 2)
    .map((f) => html`<link rel="alternate" type="${f.type}" href="${f.href}" title="${t(f.key)}">`)
    .join('');
  return renderDocument({
    locale: r.locale,
    title: `${o.title} · ${r.pageName}`,
    stylesheets: [assetUrl('style.css')],
    head,
    skipLinkText: t('nav.skip'),
    body: html`!${header}<main id="main" class="wrap">!${o.body}</main>!${footer}`,
  });
}
