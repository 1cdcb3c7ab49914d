/**
 * @module Per-request context: the reader's language (`?lang=` → cookie → Accept-Language), time
 * zone (`?tz=` → cookie → configured default), translator, and who is asking (API token or
 * session cookie). The choice of language and zone is remembered in a cookie for a year.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidTimeZone } from '#src/domain/zoned-time.ts';
import { authenticateApiToken } from '#src/services/authenticate-api-token.ts';
import { authenticateSession, type SessionInfo } from '#src/services/authenticate-session.ts';
import type { Actor } from '#src/services/context.ts';
import type { AppDeps } from '../deps.ts';
import { isLocale, type Locale, localeFromHeader, type Translate, translator } from '../i18n/index.ts';
import { securityHeaders } from './security-headers.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    timeZone: string;
    t: Translate;
    /** Who is acting: a signed-in user or an API token; null for the public. */
    actor: Actor | null;
    session: SessionInfo | null;
    /** True when the request came over TLS (directly or via a trusted proxy). */
    secure: boolean;
  }
}

export const cookieNames = { lang: 'dt_lang', tz: 'dt_tz', session: 'dt_session', csrf: 'dt_csrf' } as const;
const yearSeconds = 365 * 24 * 3600;

export async function requestContext(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('locale', 'de');
  app.decorateRequest('timeZone', deps.config.defaultTimeZone);
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('secure', false);

  app.addHook('onRequest', async (request, reply) => {
    request.secure = request.protocol === 'https';
    securityHeaders(request, reply);
    const query = request.query as Record<string, unknown>;
    const cookies = request.cookies;

    // Who: an API token in Authorization, else a console session cookie.
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.actor = await authenticateApiToken(deps.store.db, auth.slice(7).trim(), deps.clock());
    } else if (cookies[cookieNames.session]) {
      request.session = await authenticateSession(deps.store.db, cookies[cookieNames.session]!, deps.clock());
      request.actor = request.session?.actor ?? null;
    }

    // Language: ?lang= (remembered) → in the console, the signed-in user's own preference →
    // the language cookie → Accept-Language.
    let locale: Locale | null = null;
    if (isLocale(query.lang)) {
      locale = query.lang;
      setPreference(reply, request, cookieNames.lang, locale);
    } else if (request.session && isLocale(request.session.locale) && request.url.startsWith('/console')) {
      locale = request.session.locale;
    } else if (isLocale(cookies[cookieNames.lang])) {
      locale = cookies[cookieNames.lang] as Locale;
    }
    request.locale = locale ?? localeFromHeader(request.headers['accept-language']);

    const tz = typeof query.tz === 'string' ? query.tz : cookies[cookieNames.tz];
    if (tz && isValidTimeZone(tz)) {
      request.timeZone = tz;
      if (typeof query.tz === 'string') setPreference(reply, request, cookieNames.tz, tz);
    }
    request.t = translators[request.locale];
  });
}

const translators: Record<Locale, Translate> = { de: translator('de'), en: translator('en') };

/** Machine-readable answers (APIs, feeds, calendar) are shared by caches: they never set cookies. */
const machinePaths = /^\/(api\/|feed\.|maintenance\.ics)/;

function setPreference(reply: FastifyReply, request: FastifyRequest, name: string, value: string) {
  if (machinePaths.test(request.url)) return;
  reply.setCookie(name, value, {
    path: '/',
    maxAge: yearSeconds,
    sameSite: 'lax',
    httpOnly: true,
    secure: request.protocol === 'https',
  });
}
