/**
 * @module The console's page frame: header with navigation (admin-only entries hidden from
 * operators), the signed-in user with links to their account, a language switch and a sign-out
 * form, then the page body. For a signed-in user the language switch is a form that stores the
 * preference on the account, so that it holds on every page and device.
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
  | 'reports'
  | 'alerts'
  | 'maintenance'
  | 'templates'
  | 'catalog'
  | 'self-check'
  | 'reporter-data'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'channels'
  | 'subscribers'
  | 'notifications'
  | 'telemetry'
  | 'monitors'
  | 'account'
  | 'none';

const nav: { section: ConsoleSection; href: string; key: MessageKey; adminOnly: boolean }[] = [
  { section: 'dashboard', href: '/console', key: 'console.nav.dashboard', adminOnly: false },
  { section: 'incidents', href: '/console/incidents', key: 'console.nav.incidents', adminOnly: false },
  { section: 'reports', href: '/console/reports', key: 'console.nav.reports', adminOnly: false },
  { section: 'alerts', href: '/console/alerts', key: 'console.nav.alerts', adminOnly: false },
  { section: 'maintenance', href: '/console/maintenance', key: 'console.nav.maintenance', adminOnly: false },
  { section: 'templates', href: '/console/templates', key: 'console.nav.templates', adminOnly: false },
  { section: 'catalog', href: '/console/catalog', key: 'console.nav.catalog', adminOnly: true },
  { section: 'self-check', href: '/console/self-check', key: 'reportData.nav.selfCheck', adminOnly: true },
  {
    section: 'reporter-data',
    href: '/console/reporter-data',
    key: 'reportData.nav.reporterData',
    adminOnly: true,
  },
  { section: 'users', href: '/console/users', key: 'console.nav.users', adminOnly: true },
  { section: 'tokens', href: '/console/tokens', key: 'console.nav.tokens', adminOnly: true },
  { section: 'subscribers', href: '/console/subscribers', key: 'subscribers.console.title', adminOnly: false },
  { section: 'channels', href: '/console/channels', key: 'subscribers.channels.title', adminOnly: true },
  { section: 'telemetry', href: '/console/telemetry', key: 'console.nav.telemetry', adminOnly: false },
  { section: 'monitors', href: '/console/monitors', key: 'console.nav.monitors', adminOnly: false },
  {
    section: 'notifications',
    href: '/console/notifications',
    key: 'notifications.nav',
    adminOnly: false,
  },
  { section: 'audit', href: '/console/audit', key: 'console.nav.audit', adminOnly: false },
];

export interface ConsolePageOptions {
  title: string;
  section: ConsoleSection;
  /** Escaped HTML of the page's main content. */
  body: string;
  /** A one-line notice after a redirect (e.g. "Incident declared"), already translated. */
  notice?: string | undefined;
}

const current = (yes: boolean) => (yes ? ' aria-current="page"' : '');

function signedInHeader(request: FastifyRequest, reply: FastifyReply, section: ConsoleSection): string {
  const t = request.t;
  const actor = request.actor!;
  const isAdmin = (actor.type === 'user' || actor.type === 'api_token') && actor.role === 'admin';
  const other = request.locale === 'de' ? 'en' : 'de';
  const csrf = csrfField(request.csrfToken(reply));
  const items = nav
    .filter((n) => !n.adminOnly || isAdmin)
    .map((n) => html`<li><a href="${n.href}"!${current(n.section === section)}>${t(n.key)}</a></li>`)
    .join('');
  const language = request.session
    ? html`<form method="post" action="/console/account/language" class="inline">!${csrf}<input type="hidden" name="locale" value="${other}"><input type="hidden" name="next" value="${request.url}"><button type="submit" class="link" lang="${other}">${t('lang.switch')}</button></form>`
    : html`<a href="${langSwitchHref(request.url, other)}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a>`;
  return html`<header class="console-header"><a class="brand" href="/console">${t('app.name')}</a><nav aria-label="${t('console.nav.main')}"><ul>!${items}</ul></nav><div class="who"><a href="/console/account"!${current(section === 'account')} title="${t('console.signedInAs', { email: actor.label })}">${actor.label}</a>!${language}<a href="/">${t('nav.status')}</a><form method="post" action="/console/logout" class="inline">!${csrf}<button type="submit" class="link">${t('console.signOut')}</button></form></div></header>`;
}

function anonymousHeader(request: FastifyRequest): string {
  const t = request.t;
  const other = request.locale === 'de' ? 'en' : 'de';
  return html`<header class="console-header"><a class="brand" href="/">${t('app.name')}</a><div class="who"><a href="${langSwitchHref(request.url, other)}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a><a href="/">${t('nav.status')}</a></div></header>`;
}

export function renderConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  o: ConsolePageOptions,
): string {
  const t = request.t;
  const header = request.actor ? signedInHeader(request, reply, o.section) : anonymousHeader(request);
  return renderDocument({
    locale: request.locale,
    title: `${o.title} · ${t('nav.console')} · ${t('app.name')}`,
    // As `head`, not `stylesheets`: renderDocument escapes that list; move back once it does not.
    stylesheets: [],
    head: html`<link rel="stylesheet" href="${assetUrl('console.css')}">`,
    skipLinkText: t('nav.skip'),
    bodyClass: 'console',
    body: html`!${header}<main id="main" class="console-main">!${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}<h1>${o.title}</h1>!${o.body}</main>`,
  });
}
