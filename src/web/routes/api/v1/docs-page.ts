/**
 * @module The API documentation as one server-rendered page (no scripts: the CSP forbids foreign
 * ones and none are needed): authentication, errors, limits, then every endpoint with method,
 * path, summary, parameters, request and response schemas and a curl example. Written from the
 * same endpoint table as the routes and the OpenAPI document.
 */
import type { FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { errorStatus } from '#src/domain/errors.ts';
import { assetUrl } from '../../../assets.ts';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { renderDocument } from '../../../views/document.ts';
import { langSwitchHref } from '../../../views/links.ts';
import type { Endpoint, Tag } from './endpoint.ts';
import { plain } from './endpoint.ts';
import { apiBase, errorStatusesOf, openApiPath, parametersOf, translateSchema } from './openapi.ts';
import { ErrorBody } from './schemas.ts';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
/** Quotes for a POSIX shell: single quotes, with embedded ones closed, escaped and reopened. */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const exampleIds: Record<Tag, string> = {
  components: 'sip-trunk',
  incidents: 'INCIDENT_ID',
  maintenances: 'MAINTENANCE_ID',
  tokens: 'TOKEN_ID',
  announcement: '',
  monitors: 'HEARTBEAT_TOKEN',
  alerts: '',
  meta: '',
};

export function curlExample(e: Endpoint, publicUrl: string): string {
  const url = `${publicUrl}${apiBase}${e.url.replace(/:\w+/g, exampleIds[e.tag])}`;
  const lines = [`curl -sS${e.method === 'GET' ? '' : ` -X ${e.method}`} ${shellQuote(url)}`];
  if (e.role) lines.push(`  -H "Authorization: Bearer $DIALTONE_TOKEN"`);
  if (e.body) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(pretty(e.example ?? {}))}`);
  }
  return lines.join(' \\\n');
}

function schemaBlock(label: string, schema: unknown, t: Translate): string {
  return html`<details><summary>${label}</summary><pre tabindex="0"><code>${pretty(translateSchema(plain(schema as never), t))}</code></pre></details>`;
}

/** Parameters as a definition list: it reads well on a phone, where a wide table would scroll. */
function parameterList(e: Endpoint, t: Translate): string {
  const params = parametersOf(e, t);
  if (params.length === 0) return '';
  return html`<h4>${t('api.docs.parameters')}</h4><dl class="parameters">!${params
    .map(
      (p) =>
        html`<dt><code>${p.name}</code> (${p.in}, <code>${typeOf(p.schema)}</code>, ${p.required ? t('api.docs.required') : t('api.docs.optional')})</dt><dd>${p.description}</dd>`,
    )
    .join('')}</dl>`;
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(' | ');
  const range = schema.minimum !== undefined ? ` (${schema.minimum}–${schema.maximum ?? '∞'})` : '';
  return `${String(schema.type ?? 'string')}${range}`;
}

function endpointSection(e: Endpoint, t: Translate, publicUrl: string): string {
  const errors = errorStatusesOf(e);
  return html`<section class="endpoint" id="${e.operationId}"><h3>${t(`api.op.${e.operationId}` as MessageKey)}</h3><p class="endpoint-path"><code>${e.method} ${apiBase}${openApiPath(e.url)}</code></p><p>${t(`api.opDesc.${e.operationId}` as MessageKey)}</p><p>${t('api.docs.role')}: ${e.role ?? t('api.docs.public')}</p>!${parameterList(e, t)}!${e.body ? schemaBlock(t('api.docs.requestBody'), e.body, t) : ''}!${e.success.schema ? schemaBlock(t('api.docs.response', { status: e.success.status }), e.success.schema, t) : ''}<p><a href="#errors">${t('api.docs.errorStatuses')}</a>: ${errors.join(', ')}</p><h4>${t('api.docs.example')}</h4><pre tabindex="0"><code>${curlExample(e, publicUrl)}</code></pre></section>`;
}

function errorsSection(t: Translate): string {
  const example = {
    error: {
      code: 'validation_failed',
      message: t('error.validationFailed'),
      fields: [{ path: 'components[0].component_id', message: t('error.unknownComponent', { id: 'fax2' }) }],
    },
  };
  return html`<section id="errors"><h2 id="errors-title">${t('api.docs.errorsTitle')}</h2><p>${t('api.docs.errors')}</p><pre tabindex="0"><code>${pretty(example)}</code></pre>!${schemaBlock('Error', ErrorBody, t)}<table tabindex="0" aria-labelledby="errors-title"><thead><tr><th scope="col">${t('api.docs.status')}</th><th scope="col">${t('api.docs.code')}</th><th scope="col">${t('api.docs.meaning')}</th></tr></thead><tbody>!${Object.entries(
    errorStatus,
  )
    .map(
      ([code, status]) =>
        html`<tr><td>${status}</td><td><code>${code}</code></td><td>${t(`api.docs.code.${code}` as MessageKey)}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
}

export function renderDocsPage(
  request: FastifyRequest,
  endpoints: readonly Endpoint[],
  publicUrl: string,
): string {
  const t = request.t;
  const other = request.locale === 'de' ? 'en' : 'de';
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  const toc = html`<nav aria-labelledby="endpoints"><h2 id="endpoints">${t('api.docs.endpointsTitle')}</h2>!${tags
    .map(
      (tag) =>
        html`<h3>${t(`api.tag.${tag}` as MessageKey)}</h3><ul>!${endpoints
          .filter((e) => e.tag === tag)
          .map(
            (e) =>
              html`<li><a href="#${e.operationId}"><code>${e.method} ${apiBase}${openApiPath(e.url)}</code></a> – ${t(`api.op.${e.operationId}` as MessageKey)}</li>`,
          )
          .join('')}</ul>`,
    )
    .join('')}</nav>`;
  const auth = html`<section id="auth"><h2>${t('api.docs.authTitle')}</h2><p>${t('api.docs.auth')}</p><pre tabindex="0"><code>npm run dialtone -- token create --name monitoring --role operator</code></pre><p>${t('api.docs.authRoles')}</p></section>`;
  const limits = html`<section id="limits"><h2>${t('api.docs.limitsTitle')}</h2><p>${t('api.docs.limits')}</p></section>`;
  const body = html`<header class="console-header"><a class="brand" href="/">${t('app.name')}</a><div class="who"><a href="${langSwitchHref(request.url, other)}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a></div></header><main id="main" class="console-main api-docs"><h1>${t('api.docs.title')}</h1><p>${t('api.docs.intro')}</p><p><a href="${apiBase}/openapi.json">${t('api.docs.openapi')}</a></p>!${auth}!${errorsSection(t)}!${limits}!${toc}!${endpoints.map((e) => endpointSection(e, t, publicUrl)).join('')}</main>`;
  return renderDocument({
    locale: request.locale,
    title: `${t('api.docs.title')} · ${t('app.name')}`,
    stylesheets: [assetUrl('console.css')],
    skipLinkText: t('nav.skip'),
    bodyClass: 'console',
    body,
  });
}
