/**
 * @module The public outage report: `GET /report` (choose a service, then the form prefilled from
 * the self-check's link), `POST /report` (files it; per-field errors with everything kept, 400),
 * `GET /report/sent` and the reporter's private follow page `GET /reports/:ticket?token=`.
 * Limits: 5 reports per client address per 10 minutes, and per service and identifiers (see
 * submit-report.ts); both answer with a 429 page in the reader's language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import { identifierSpecs, parseTriagePath, type TriageStep } from '#src/domain/report.ts';
import { parseAnswerPath, walkTriage } from '#src/domain/triage.ts';
import { systemActor } from '#src/services/context.ts';
import { getPartnerProfile } from '#src/services/get-partner-profile.ts';
import { getReportForReporter } from '#src/services/get-report-for-reporter.ts';
import { getTriageTrees } from '#src/services/get-triage-trees.ts';
import type { TriageTrees } from '#src/services/load-triage-trees.ts';
import { newToken } from '#src/services/secrets.ts';
import { submitReport } from '#src/services/submit-report.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { type Locale, translateLoose } from '#src/web/i18n/index.ts';
import { partnerActor } from '#src/web/plugins/guards.ts';
import { pick } from '#src/web/views/format.ts';
import {
  renderReportFollowPage,
  renderReportRateLimitedPage,
  renderReportSentPage,
} from '#src/web/views/public/report-follow.ts';
import { type FormService, honeypotField, renderReportForm } from '#src/web/views/public/report-form.ts';
import { readerOf, translateNotFound } from './reader.ts';
import { filedLimiter } from './report-limit.ts';

/** Filed reports per client address; any POSTs per address (bots, floods) are capped higher. */
const perAddress = { max: 5, minutes: 10 };
const postsPerAddress = 30;
const keptFields = [
  'company',
  'firstName',
  'lastName',
  'email',
  'phone',
  'reporterKind',
  'service',
  'serviceOther',
  'description',
  'consent',
  'symptom',
  'path',
];
/** Text the form echoes back is cut here: nothing legitimate is longer (the verb refuses it anyway). */
const maxKept = 6000;

/**
 * The self-check's current trees (as edited in the console), to read the path a report link
 * carries; the form works without them.
 */
async function selfCheckTrees(app: FastifyInstance, deps: AppDeps): Promise<TriageTrees | null> {
  try {
    return await getTriageTrees(deps.store.db);
  } catch (err) {
    app.log.error({ err }, 'self-check trees not loaded: reports keep only the symptom');
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function formServices(deps: AppDeps): Promise<FormService[]> {
  const rows = await deps.store.db
    .selectFrom('services')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows
    .map((s) => ({
      id: s.id,
      name: { de: s.name_de, en: s.name_en },
      reporters: JSON.parse(s.reporters) as string[],
      identifiers: identifierSpecs(JSON.parse(s.identifiers) as unknown[]),
    }))
    .filter((s) => s.reporters.length > 0);
}

/** The fields as typed, by form name, each a string (repeated or odd values are dropped). */
function keptValues(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const s = str(v);
    if (s !== undefined && (keptFields.includes(k) || k.startsWith('identifiers.')))
      out[k] = s.slice(0, maxKept);
  }
  return out;
}

function identifiersOf(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('identifiers.')) out[k.slice(12)] = v;
  return out;
}

export async function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  const pattern = deps.config.reportCloudNamePattern;
  const filedPerAddress = filedLimiter(deps.clock, perAddress.max, perAddress.minutes * 60_000);

  /** The signed-in partner's profile (null for everyone else). */
  async function partnerOf(request: FastifyRequest) {
    const actor = partnerActor(request);
    const profile = actor ? await getPartnerProfile(deps.store.db, actor.id) : null;
    return actor && profile ? { id: actor.id, ...profile } : null;
  }

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FieldError[],
    submissionKey: string,
  ) {
    const [services, partner] = await Promise.all([formServices(deps), partnerOf(request)]);
    const html = renderReportForm(readerOf(request, deps), {
      partner: partner ?? undefined,
      services,
      service: services.find((s) => s.id === values.service),
      values,
      errors,
      csrf: request.csrfToken(reply),
      submissionKey,
      retentionDays: deps.config.reportRetentionDays,
      url: request.url,
    });
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  }

  /** Both limits answer with the same page; everything else goes to the app's error handler. */
  function rateLimitPage(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (!(error instanceof DialtoneError) || error.code !== 'rate_limited') throw error;
    const minutes = Number(error.params.minutes ?? perAddress.minutes);
    reply.code(429).header('retry-after', String(minutes * 60));
    const text = translateLoose(request.t, error.key, error.params);
    const html = renderReportRateLimitedPage(readerOf(request, deps), text, request.url);
    return reply.type('text/html; charset=utf-8').send(html);
  }

  app.get('/report', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const values = keptValues({ service: q.service, symptom: q.symptom, path: q.path });
    // A signed-in partner's form starts filled in from the account.
    const partner = await partnerOf(request);
    if (partner) {
      Object.assign(values, {
        company: partner.company,
        firstName: partner.firstName,
        lastName: partner.lastName,
        email: partner.email,
        phone: partner.phone,
        reporterKind: 'partner',
      });
    }
    return sendForm(request, reply, values, [], newToken());
  });

  app.post('/report', {
    config: {
      rateLimit: {
        max: postsPerAddress,
        timeWindow: perAddress.minutes * 60_000,
        errorResponseBuilder: () =>
          new DialtoneError('rate_limited', 'report.rateLimited.body', {
            params: { minutes: perAddress.minutes },
          }),
      },
    },
    errorHandler: rateLimitPage,
    handler: async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      // Bots fill every field: answer as if it worked, store nothing.
      const honeypot = body[honeypotField];
      if (honeypot !== undefined && honeypot !== '') {
        return reply.redirect('/report/sent', 303);
      }
      if (!filedPerAddress.allows(request.ip)) {
        throw new DialtoneError('rate_limited', 'report.rateLimited.body', {
          params: { minutes: perAddress.minutes },
        });
      }
      const values = keptValues(body);
      const key = str(body.submissionKey) ?? '';
      const submissionKey = /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : newToken();
      try {
        const filed = await submitReport({
          ctx: serviceContext(deps, systemActor),
          input: {
            company: values.company,
            firstName: values.firstName,
            lastName: values.lastName,
            email: values.email,
            phone: values.phone,
            reporterKind: values.reporterKind,
            serviceId: values.service,
            serviceOther: values.serviceOther,
            identifiers: identifiersOf(values),
            description: values.description,
            consent: values.consent === 'yes',
            triage: triageSteps(await selfCheckTrees(app, deps), values.symptom, values.path, request.locale),
            locale: request.locale,
            submissionKey,
            // Reporting as a partner comes from the session, never from the form.
            partnerUserId: partnerActor(request)?.id ?? null,
          },
          options: { cloudNamePattern: pattern },
        });
        if (!filed.repeated) filedPerAddress.record(request.ip);
        return reply.redirect(`/reports/${filed.ticket}?token=${encodeURIComponent(filed.token)}`, 303);
      } catch (e) {
        if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
        reply.code(400);
        return sendForm(request, reply, values, e.fields, submissionKey);
      }
    },
  });

  app.get('/report/sent', async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderReportSentPage(readerOf(request, deps), request.url)),
  );

  app.get<{ Params: { ticket: string }; Querystring: { token?: unknown } }>(
    '/reports/:ticket',
    async (request, reply) => {
      const { ticket } = request.params;
      const token = str(request.query.token) ?? '';
      const view = await getReportForReporter(deps.store.db, { ticket, token }).catch(
        translateNotFound('report.follow.notFound', ticket),
      );
      const html = renderReportFollowPage(readerOf(request, deps), view, request.url);
      // The link is the key: keep it out of shared caches and referrers.
      return reply
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(html);
    },
  );
}

/**
 * The self-check's steps as the NOC reads them. The self-check links with `symptom=<tree id>` and
 * `path=<answer indices>` (`0.1.2`): walked through the tree, each step is the question's id and
 * the answer as the reporter saw it, then the outcome. Links not from a tree may carry
 * `node:answer` pairs (domain/report.ts); anything else keeps only the symptom.
 */
export function triageSteps(
  trees: TriageTrees | null,
  symptom: string | undefined,
  path: string | undefined,
  locale: Locale,
): TriageStep[] {
  const tree = symptom ? trees?.byId.get(symptom) : undefined;
  if (!tree) return parseTriagePath(symptom, path);
  const start = [{ node: 'symptom', answer: tree.id }];
  const answers = parseAnswerPath(path ?? '');
  const walk = answers ? walkTriage(tree, answers) : null;
  if (!walk?.ok) return start;
  const steps = walk.steps.map((s) => ({
    node: s.question.id,
    answer: pick(s.question.answers[s.answerIndex]?.label ?? { de: '', en: '' }, locale),
  }));
  return [...start, ...steps, { node: 'outcome', answer: walk.node.id }];
}
