/**
 * @module Security headers on every response: a strict Content-Security-Policy (own scripts and
 * styles only, no framing), no MIME sniffing, same-origin referrers, HSTS over TLS.
 */
import type { FastifyInstance } from 'fastify';

const csp = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', csp);
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (request.secure) reply.header('strict-transport-security', 'max-age=31536000');
    return payload;
  });
}
