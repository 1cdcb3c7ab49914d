/**
 * @module Console: operator channels (admins). List, add, edit (credentials and URL kept when the
 * fields are left empty; never shown back), remove, and a test message sent at once through the
 * channel itself so the admin sees the receiver's answer on the page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Channel, ChannelKind } from '#src/adapters/channels/channel.ts';
import { createMatrixChannel } from '#src/adapters/channels/matrix/index.ts';
import { createSlackChannel } from '#src/adapters/channels/slack/index.ts';
import { createTeamsChannel } from '#src/adapters/channels/teams/index.ts';
import { createTelegramChannel } from '#src/adapters/channels/telegram/index.ts';
import { createWebhookChannel } from '#src/adapters/channels/webhook/index.ts';
import { newWebhookSecret } from '#src/adapters/channels/webhook/sign.ts';
import type { GuardOptions } from '#src/adapters/net/guarded-fetch.ts';
import { validateOutboundUrl } from '#src/adapters/net/ssrf-guard.ts';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import { deleteOperatorChannel } from '#src/services/delete-operator-channel.ts';
import { listOperatorChannels } from '#src/services/list-operator-channels.ts';
import { loadOperatorChannel } from '#src/services/load-operator-channel.ts';
import { saveOperatorChannel } from '#src/services/save-operator-channel.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { type ChannelFormValues, channelsBody, emptyChannelForm } from '#src/web/views/console/channels.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';

const admin = { preHandler: requireRole('admin') };
const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 2100) : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

const factories: Record<Exclude<ChannelKind, 'email' | 'sms'>, (guard: GuardOptions) => Channel> = {
  slack: (guard) => createSlackChannel({ guard }),
  teams: (guard) => createTeamsChannel({ guard }),
  matrix: (guard) => createMatrixChannel({ guard }),
  telegram: (guard) => createTelegramChannel({ guard }),
  webhook: (guard) => createWebhookChannel({ guard }),
};

interface PageState {
  editId?: string | undefined;
  values?: ChannelFormValues;
  errors?: FieldError[];
  signingSecret?: string | null;
  alert?: string;
  notice?: string | undefined;
}

export async function consoleChannelRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = { allowPrivate: deps.config.outboundAllowPrivate };
  const options = {
    newWebhookSecret,
    checkUrl: async (url: string) => {
      const verdict = await validateOutboundUrl(url, guard);
      return verdict.ok ? null : verdict.reason;
    },
  };

  async function page(request: FastifyRequest, reply: FastifyReply, s: PageState) {
    const channels = await listOperatorChannels(deps.store.db);
    const editing = channels.find((c) => c.id === s.editId) ?? null;
    const values =
      s.values ??
      (editing
        ? {
            kind: editing.kind,
            name: editing.name,
            room: editing.room,
            chatId: editing.chatId,
            events: editing.events,
            locale: editing.locale,
            enabled: editing.enabled,
          }
        : emptyChannelForm);
    const body = channelsBody(request, reply, {
      channels,
      editing,
      values,
      errors: s.errors ?? [],
      signingSecret: s.signingSecret ?? null,
      alert: s.alert ?? '',
    });
    // The page may carry a signing secret: nothing may keep it.
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return renderConsolePage(request, reply, {
      title: request.t('subscribers.channels.title'),
      section: 'channels',
      body,
      notice: s.notice,
    });
  }

  const formOf = (body: unknown) => {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      kind: str(b.kind),
      name: str(b.name),
      url: str(b.url),
      room: str(b.room),
      chatId: str(b.chatId),
      secret: str(b.secret),
      events: list(b.events),
      locale: str(b.locale),
      enabled: str(b.enabled) === 'yes',
    };
  };

  async function save(request: FastifyRequest, reply: FastifyReply, id: string | undefined) {
    const form = formOf(request.body);
    try {
      const saved = await saveOperatorChannel({
        ctx: serviceContext(deps, staffActor(request)),
        input: { id, form },
        options,
      });
      if (saved.signingSecret) {
        reply.code(201);
        return page(request, reply, {
          signingSecret: saved.signingSecret,
          notice: request.t('subscribers.channels.saved'),
        });
      }
      return reply.redirect('/console/channels?notice=saved', 303);
    } catch (e) {
      if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
      reply.code(400);
      const { url: _url, secret: _secret, ...values } = form;
      return page(request, reply, { editId: id, values, errors: e.fields });
    }
  }

  app.get('/console/channels', admin, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const notice = { saved: 'subscribers.channels.saved', deleted: 'subscribers.channels.deleted' } as const;
    const n = str(q.notice);
    return page(request, reply, {
      editId: str(q.edit) || undefined,
      notice: n === 'saved' || n === 'deleted' ? request.t(notice[n]) : undefined,
    });
  });

  app.post('/console/channels', admin, (request, reply) => save(request, reply, undefined));

  app.post('/console/channels/:id', admin, async (request, reply) => {
    const { id } = request.params as { id: string };
    return save(request, reply, id);
  });

  app.post('/console/channels/:id/delete', admin, async (request, reply) => {
    const { id } = request.params as { id: string };
    await deleteOperatorChannel({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
    return reply.redirect('/console/channels?notice=deleted', 303);
  });

  app.post('/console/channels/:id/test', admin, async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = await loadOperatorChannel(deps.store.db, id);
    if (!row) throw new DialtoneError('not_found', 'subscribers.channels.notFound');
    const t = (key: 'subscribers.channels.testSubject' | 'subscribers.channels.testText') =>
      translateLoose(request.t, key, { page: deps.config.pageName });
    const now = deps.clock().toISOString();
    const result = await factories[row.kind](guard).send({
      id: `test-${deps.newId()}`,
      kind: row.kind,
      recipient: row.url,
      locale: row.locale,
      event: 'channel.test',
      subject: t('subscribers.channels.testSubject'),
      text: t('subscribers.channels.testText'),
      payload: { type: 'channel.test', timestamp: now, data: { channel: row.name } },
      settings: { name: row.name, ...row.settings },
    });
    if (result.ok) {
      return page(request, reply, {
        notice: request.t('subscribers.channels.testOk', { detail: result.detail ?? 'OK' }),
      });
    }
    reply.code(502);
    return page(request, reply, {
      alert: request.t('subscribers.channels.testFailed', { detail: result.detail }),
    });
  });
}
