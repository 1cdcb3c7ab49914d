/**
 * @module Console: API tokens (admins only). Lists tokens, creates one and shows its secret on the
 * answer page exactly once (rendered, not redirected: the secret is stored nowhere to show it
 * again), revokes one. A refused form comes back with the name kept and the error beside it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import { type CreatedApiToken, createApiToken } from '#src/services/create-api-token.ts';
import { type ApiTokenView, listApiTokens } from '#src/services/list-api-tokens.ts';
import { revokeApiToken } from '#src/services/revoke-api-token.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';
import { formatDateTime } from '#src/web/views/format.ts';
import { csrfField, errorSummary, fieldError, input, select } from '#src/web/views/forms.ts';

interface PageState {
  values: { name: string; role: string };
  errors: FieldError[];
  created?: CreatedApiToken;
  alert?: string;
  notice?: string;
}

const admin = { preHandler: requireRole('admin') };
const fresh: PageState = { values: { name: '', role: 'operator' }, errors: [] };

/** A form field as text: repeated or missing fields count as empty. */
function formField(body: unknown, name: string): string {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
}

export async function consoleTokenRoutes(app: FastifyInstance, deps: AppDeps) {
  async function page(request: FastifyRequest, reply: FastifyReply, state: PageState) {
    const tokens = await listApiTokens(deps.store.db);
    // The page may carry a secret: no cache, proxy or back button may keep it.
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return renderConsolePage(request, reply, {
      title: request.t('api.tokens.title'),
      section: 'tokens',
      body: tokensBody(request, reply, tokens, state),
      ...(state.notice ? { notice: state.notice } : {}),
    });
  }

  app.get('/console/tokens', admin, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice = query.notice === 'revoked' ? request.t('api.tokens.revoked') : undefined;
    return page(request, reply, { ...fresh, ...(notice ? { notice } : {}) });
  });

  app.post('/console/tokens', admin, async (request, reply) => {
    const values = { name: formField(request.body, 'name'), role: formField(request.body, 'role') };
    try {
      const created = await createApiToken({ ctx: serviceContext(deps, staffActor(request)), input: values });
      reply.code(201);
      return page(request, reply, { ...fresh, created });
    } catch (e) {
      if (!(e instanceof DialtoneError && e.code === 'validation_failed')) throw e;
      reply.code(400);
      return page(request, reply, { values, errors: e.fields });
    }
  });

  app.post('/console/tokens/:id/revoke', admin, async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      await revokeApiToken({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
      return reply.redirect('/console/tokens?notice=revoked', 303);
    } catch (e) {
      // Revoked meanwhile (another tab, another admin): say so on the list rather than an error page.
      if (!(e instanceof DialtoneError && e.code === 'conflict')) throw e;
      reply.code(409);
      return page(request, reply, { ...fresh, alert: translateLoose(request.t, e.key, e.params) });
    }
  });
}

function tokensBody(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: readonly ApiTokenView[],
  state: PageState,
): string {
  const t = request.t;
  const alert = state.alert ? html`<div class="error-summary" role="alert"><p>${state.alert}</p></div>` : '';
  return html`!${state.created ? createdBox(request, state.created) : ''}!${alert}<p>${t('api.tokens.intro')} <a href="/api/v1/docs">${t('api.tokens.docsLink')}</a></p>!${tokenTable(request, reply, tokens)}!${createForm(request, reply, state)}`;
}

function createdBox(request: FastifyRequest, created: CreatedApiToken): string {
  const t = request.t;
  return html`<section class="token-created" role="status" aria-labelledby="token-created"><h2 id="token-created">${t('api.tokens.createdTitle', { name: created.name })}</h2><p><strong>${t('api.tokens.createdOnce')}</strong></p><label for="token-secret">${t('api.tokens.secretLabel')}</label> <input id="token-secret" type="text" readonly size="50" value="${created.token}" autocomplete="off" spellcheck="false"></section>`;
}

function tokenTable(request: FastifyRequest, reply: FastifyReply, tokens: readonly ApiTokenView[]): string {
  const t = request.t;
  if (tokens.length === 0) return html`<p>${t('api.tokens.none')}</p>`;
  const when = (iso: string) => formatDateTime(iso, request.locale, request.timeZone);
  const rows = tokens.map(
    (k) =>
      html`<tr><td>${k.name}</td><td>${k.role}</td><td>${when(k.createdAt)}</td><td>${k.lastUsedAt ? when(k.lastUsedAt) : t('api.tokens.never')}</td><td>${k.revokedAt ? t('api.tokens.revokedAt', { at: when(k.revokedAt) }) : t('api.tokens.active')}</td><td>!${k.revokedAt ? '' : revokeForm(request, reply, k)}</td></tr>`,
  );
  return html`<table class="tokens" tabindex="0" aria-label="${t('api.tokens.title')}"><thead><tr><th scope="col">${t('api.tokens.name')}</th><th scope="col">${t('api.tokens.role')}</th><th scope="col">${t('api.tokens.created')}</th><th scope="col">${t('api.tokens.lastUsed')}</th><th scope="col">${t('api.tokens.state')}</th><th scope="col">${t('api.tokens.actions')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`;
}

function revokeForm(request: FastifyRequest, reply: FastifyReply, k: ApiTokenView): string {
  return html`<form method="post" action="/console/tokens/${encodeURIComponent(k.id)}/revoke">!${csrfField(request.csrfToken(reply))}<button type="submit" aria-label="${request.t('api.tokens.revokeLabel', { name: k.name })}">${request.t('api.tokens.revoke')}</button></form>`;
}

function createForm(request: FastifyRequest, reply: FastifyReply, state: PageState): string {
  const t = request.t;
  return html`<section aria-labelledby="token-new"><h2 id="token-new">${t('api.tokens.createTitle')}</h2><form method="post" action="/console/tokens" novalidate>!${csrfField(request.csrfToken(reply))}!${errorSummary(t, state.errors)}!${input(
    {
      name: 'name',
      label: t('api.tokens.name'),
      value: state.values.name,
      required: true,
      hint: t('api.tokens.nameHint'),
      autocomplete: 'off',
      error: fieldError(t, state.errors, 'name'),
    },
  )}!${select({
    name: 'role',
    label: t('api.tokens.role'),
    value: state.values.role,
    required: true,
    options: [
      { value: 'operator', label: t('api.tokens.role.operator') },
      { value: 'admin', label: t('api.tokens.role.admin') },
    ],
    error: fieldError(t, state.errors, 'role'),
  })}<button type="submit">${t('api.tokens.create')}</button></form></section>`;
}
