/**
 * @module Converts every error to a response in one place. API paths and JSON clients get
 * `{ error: { code, message, fields: [{ path, message }] } }`; people get a page. Messages are in
 * the reader's language; a 5xx never reveals its cause (it is logged instead).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, type ErrorCode, errorStatus, type FieldError } from '#src/domain/errors.ts';
import { negotiateLocale, translateLoose, translator } from './i18n/index.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { renderErrorPage } from './views/error-page.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields: { path: string; message: string }[] };
}

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Maps Fastify's own errors (schema validation, body size, rate limit) to ours. */
export function toDialtoneError(error: FastifyError | Error): DialtoneError {
  if (error instanceof DialtoneError) return error;
  const e = error as FastifyError & {
    validation?: {
      instancePath: string;
      keyword: string;
      params: Record<string, unknown>;
      message?: string;
    }[];
  };
  if (e.validation) {
    const fields: FieldError[] = e.validation.map((v): FieldError => {
      const base = v.instancePath
        .replace(/^\//, '')
        .replace(/\/(\d+)/g, '[$1]')
        .replace(/\//g, '.');
      if (v.keyword === 'required') {
        const missing = String(v.params.missingProperty ?? '');
        return { path: base ? `${base}.${missing}` : missing, key: 'error.required' };
      }
      if (v.keyword === 'additionalProperties') {
        const extra = String(v.params.additionalProperty ?? '');
        return { path: base ? `${base}.${extra}` : extra, key: 'error.unknownField' };
      }
      if (v.keyword === 'maxLength')
        return { path: base, key: 'error.tooLong', params: { max: Number(v.params.limit) } };
      if (v.keyword === 'minLength') {
        const min = Number(v.params.limit);
        return { path: base, key: min <= 1 ? 'error.required' : 'error.tooShort', params: { min } };
      }
      if (v.keyword === 'type')
        return { path: base, key: 'error.invalidType', params: { expected: String(v.params.type) } };
      if (v.keyword === 'enum' && Array.isArray(v.params.allowedValues)) {
        return { path: base, key: 'error.notOneOf', params: { allowed: v.params.allowedValues.join(', ') } };
      }
      if (v.keyword === 'const')
        return { path: base, key: 'error.notOneOf', params: { allowed: String(v.params.allowedValue) } };
      if (v.keyword === 'anyOf') return { path: base, key: 'error.invalidValue', params: { value: '' } };
      if (v.keyword === 'format')
        return { path: base, key: v.params.format === 'email' ? 'error.invalidEmail' : 'error.invalidDate' };
      return { path: base, key: 'error.invalidValue', params: { value: '' } };
    });
    return new DialtoneError('validation_failed', 'error.validationFailed', { fields });
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new DialtoneError('payload_too_large', 'error.payloadTooLarge');
  if (e.statusCode === 429) return new DialtoneError('rate_limited', 'error.rateLimited');
  if (
    e.statusCode === 415 ||
    e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return new DialtoneError('validation_failed', 'error.validationFailed', {
      fields: [{ path: '', key: 'error.invalidType', params: { expected: 'application/json' } }],
    });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own message is English and technical: tell the reader, in their language, that
    // the request itself was malformed; Fastify's code stays for whoever reads the logs.
    return new DialtoneError('validation_failed', 'error.malformedRequest', {
      params: { code: e.code ?? String(e.statusCode) },
    });
  }
  return new DialtoneError('internal', 'error.internal');
}

export function errorBody(request: FastifyRequest, error: DialtoneError): ErrorBody {
  const t = request.t;
  return {
    error: {
      code: error.code,
      message: translateLoose(t, error.key, error.params),
      fields: error.fields.map((f) => ({ path: f.path, message: translateLoose(t, f.key, f.params) })),
    },
  };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (raw: FastifyError, request, reply: FastifyReply) => {
    const error = toDialtoneError(raw);
    const status = errorStatus[error.code];
    if (status >= 500) request.log.error({ err: raw }, 'request failed');
    else request.log.info({ code: error.code, fields: error.fields.map((f) => f.path) }, 'request refused');
    reply.code(status);
    if (error.code === 'rate_limited') reply.header('retry-after', '60');
    if (wantsJson(request)) return reply.send(errorBody(request, error));
    const detail = status >= 500 ? undefined : translateLoose(request.t, error.key, error.params);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request, status === 404 ? 'notFound' : 'error', detail));
  });

  app.setNotFoundHandler(async (request, reply) => {
    reply.code(404);
    if (wantsJson(request)) {
      return reply.send({ error: { code: 'not_found', message: request.t('page.notFound'), fields: [] } });
    }
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, 'notFound'));
  });
}

/**
 * Errors Fastify raises before any hook runs (an undecodable URL, a path parameter longer than
 * any id): answered like every other error, in the reader's language. No resource has an id that
 * long, so that is a 404; a URL that cannot be decoded is the client's mistake (400).
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = negotiateLocale(request.headers['accept-language']);
  request.t = translator(request.locale);
  securityHeaders(request, reply);
  const mapped =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new DialtoneError('not_found', 'page.notFound')
      : new DialtoneError('validation_failed', 'error.malformedRequest', { params: { code: error.code } });
  const status = errorStatus[mapped.code];
  reply.code(status);
  if (wantsJson(request)) return reply.send(errorBody(request, mapped));
  return reply
    .type('text/html; charset=utf-8')
    .send(
      renderErrorPage(
        request,
        status === 404 ? 'notFound' : 'error',
        status === 404 ? undefined : translateLoose(request.t, mapped.key, mapped.params),
      ),
    );
}
