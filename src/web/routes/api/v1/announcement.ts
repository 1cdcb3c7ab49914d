/**
 * @module GET /api/v1/announcement: the text the provider's phone menu plays now, for the calling
 * number (`?number=`, looked up in the inventory) or a service (`?service=`), in German or English,
 * as plain text (default), JSON or — when `espeak-ng` is installed — WAV speech at 8 kHz (or 16 kHz)
 * for Asterisk or FreeSWITCH. Nothing to say: an empty text (204 for WAV, nothing to play).
 *
 * Who may ask: by service, anyone (it says what the status page says). By number only a caller
 * with an API token or the announcement key (`DIALTONE_ANNOUNCEMENT_KEY`, a secret just for the
 * phone system, so that it needs no token that can declare incidents): the answer tells whether a
 * number is a customer's and affected.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { synthesize } from '#src/adapters/speech/espeak.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import { getAnnouncement } from '#src/services/get-announcement.ts';
import type { AppDeps } from '../../../deps.ts';
import { type Endpoint, endpoint } from './endpoint.ts';

const Query = Type.Object(
  {
    number: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'api.param.announcementNumber' }),
    ),
    service: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'api.param.announcementService' }),
    ),
    lang: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en')])),
    format: Type.Optional(Type.Union([Type.Literal('text'), Type.Literal('json'), Type.Literal('wav')])),
    rate: Type.Optional(Type.Union([Type.Literal('8000'), Type.Literal('16000')])),
  },
  { additionalProperties: false },
);

const Announcement = Type.Object(
  {
    text: Type.String(),
    locale: Type.Union([Type.Literal('de'), Type.Literal('en')]),
    scope: Type.Union([Type.Literal('number'), Type.Literal('service')]),
    known_number: Type.Union([Type.Boolean(), Type.Null()]),
    incident_ids: Type.Array(Type.String()),
    maintenance_ids: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** Spoken texts repeat for every call while an outage lasts: keep the last few WAVs. */
const wavCache = new Map<string, Uint8Array>();
const wavCacheSize = 32;

export function announcementEndpoints(deps: AppDeps): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      url: '/announcement',
      operationId: 'getAnnouncement',
      tag: 'announcement',
      role: null,
      querystring: Query,
      success: { status: 200, schema: Announcement },
      async handler({ query, request, reply }) {
        if (query.number !== undefined && !mayLookUpNumbers(request, deps.config.announcementKey)) {
          throw new DialtoneError('unauthorized', 'announcement.error.numberNeedsToken');
        }
        const a = await getAnnouncement(deps.store.db, {
          ...(query.number !== undefined ? { number: query.number } : {}),
          ...(query.service !== undefined ? { service: query.service } : {}),
          locale: query.lang ?? 'de',
          timeZone: deps.config.defaultTimeZone,
          now: deps.clock(),
        });
        reply.header('cache-control', 'no-store');
        if (query.format === 'wav') {
          if (!a.text) return reply.code(204).send();
          const rate = Number(query.rate ?? '8000');
          const wav = await speech(a.text, a.locale, rate);
          if (!wav.ok) {
            const reason =
              wav.reason === 'not_installed'
                ? 'announcement.error.noSpeech'
                : 'announcement.error.speechFailed';
            return reply
              .code(wav.reason === 'not_installed' ? 501 : 503)
              .send({ error: { code: 'speech_unavailable', message: request.t(reason), fields: [] } });
          }
          return reply.type('audio/wav').send(Buffer.from(wav.wav));
        }
        if (query.format === 'json') {
          return {
            text: a.text,
            locale: a.locale,
            scope: a.scope,
            known_number: a.knownNumber,
            incident_ids: a.incidentIds,
            maintenance_ids: a.maintenanceIds,
          };
        }
        return reply.type('text/plain; charset=utf-8').send(a.text);
      },
    }),
  ];
}

function mayLookUpNumbers(request: FastifyRequest, key: string | undefined): boolean {
  if (request.actor?.type === 'api_token') return true;
  const auth = request.headers.authorization;
  if (!key || !auth?.startsWith('Bearer ')) return false;
  const given = Buffer.from(auth.slice(7).trim());
  const wanted = Buffer.from(key);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function speech(text: string, locale: 'de' | 'en', rate: number) {
  const key = `${locale}|${rate}|${text}`;
  const cached = wavCache.get(key);
  if (cached) return { ok: true as const, wav: cached };
  const r = await synthesize(text, { locale, sampleRate: rate });
  if (r.ok) {
    wavCache.set(key, r.wav);
    if (wavCache.size > wavCacheSize) wavCache.delete(wavCache.keys().next().value!);
  }
  return r;
}
