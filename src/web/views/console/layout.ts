/**
 * @module The console's page frame: header with navigation (admin-only entries hidden from
 * operators), the signed-in user with a sign-out form, language switch, then the page body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { assetUrl } from '../../assets.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { renderDocument } from '../document.ts';
import { csrfField } from '../forms.ts';
import { langSwitchHref } from '../links.ts';

export type ConsoleSection =
  | 'dashboard'
  | 'incidents'
  | 'maintenance'
  | 'templates'
  | 'catalog'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'account'
  | 'none';

const nav: { section: ConsoleSection; href: string; key: MessageKey; adminOnly: boolean }[] = [
  { section: 'dashboard', href: '/console', key: 'console.nav.dashboard' as MessageKey, adminOnly: false },
  {
    section: 'incidents',
    href: '/console/incidents',
    key: 'console.nav.incidents' as MessageKey,
    adminOnly: false,
  },
  {
    section: 'maintenance',
    href: '/console/maintenance',
    key: 'console.nav.maintenance' as MessageKey,
    adminOnly: false,
  },
  {
    section: 'templates',
    href: '/console/templates',
    key: 'console.nav.templates' as MessageKey,
    adminOnly: false,
  },
  { section: 'catalog', href: '/console/catalog', key: 'console.nav.catalog' as MessageKey, adminOnly: true },
  { section: 'users', href: '/console/users', key: 'console.nav.users' as MessageKey, adminOnly: true },
  { section: 'tokens', href: '/console/tokens', key: 'console.nav.tokens' as MessageKey, adminOnly: true },
  { section: 'audit', href: '/console/audit', key: 'console.nav.audit' as MessageKey, adminOnly: false },
];

export interface ConsolePageOptions {
  title: string;
  section: ConsoleSection;
  /** Escaped HTML of the page's main content. */
  body: string;
  /** A one-line notice after a redirect (e.g. "Incident declared"), already translated. */
  notice?: string;
}

export function renderConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  o: ConsolePageOptions,
): string {
  const t = request.t;
  const actor = request.actor;
  const isAdmin = actor?.type === 'user' && actor.role === 'admin';
  const other = request.locale === 'de' ? 'en' : 'de';
  const langHref = langSwitchHref(request.url, other);
  const header = actor
    ? html`<header class="console-header"><a class="brand" href="/console">${t('app.name')}</a><nav aria-label="${t('nav.console')}"><ul>!${nav
        .filter((n) => !n.adminOnly || isAdmin)
        .map(
          (n) =>
            html`<li><a href="${n.href}"${n.section === o.section ? ' aria-current="page"' : ''}>${t(n.key)}</a></li>`,
        )
        .join(
          '',
        )}</ul></nav><div class="who"><a href="/console/account">${actor.label}</a><form method="post" action="/console/logout">!${csrfField(request.csrfToken(reply))}<button type="submit" class="link">${t('console.signOut' as MessageKey)}</button></form><a href="${langHref}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a><a href="/">${t('nav.status')}</a></div></header>`
    : html`<header class="console-header"><a class="brand" href="/">${t('app.name')}</a><div class="who"><a href="${langHref}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a></div></header>`;
  return renderDocument({
    locale: request.locale,
    title: `${o.title} · ${t('nav.console')} · ${t('app.name')}`,
    stylesheets: [assetUrl('console.css')],
    skipLinkText: t('nav.skip'),
    bodyClass: 'console',
    body: html`!${header}<main id="main" class="console-main">${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}<h1>${o.title}</h1>!${o.body}</main>`,
  });
}
