import { describe, expect, it } from 'vitest';
import { parseOperatorChannel } from './subscription-channel.ts';

describe('parseOperatorChannel', () => {
  it('accepts a Slack webhook with events', () => {
    expect(
      parseOperatorChannel(
        {
          kind: 'slack',
          name: ' NOC ',
          url: 'https://hooks.slack.com/services/T/B/X',
          events: ['alert.fired', 'nope'],
        },
        null,
      ),
    ).toEqual({
      ok: true,
      value: {
        kind: 'slack',
        name: 'NOC',
        url: 'https://hooks.slack.com/services/T/B/X',
        locale: 'de',
        enabled: true,
        events: ['alert.fired'],
        settings: {},
      },
    });
  });

  it('needs room and token for Matrix, chat id and a bot token for Telegram', () => {
    const matrix = parseOperatorChannel(
      {
        kind: 'matrix',
        name: 'Ops',
        url: 'https://matrix.example.org',
        room: 'ops',
        events: ['alert.fired'],
      },
      null,
    );
    expect(matrix).toEqual({
      ok: false,
      fields: [
        { path: 'room', key: 'subscribers.channels.error.room' },
        { path: 'secret', key: 'subscribers.channels.error.secret' },
      ],
    });
    const telegram = parseOperatorChannel(
      {
        kind: 'telegram',
        name: 'Bot',
        chatId: '-100123',
        secret: '123:short',
        events: ['incident.declared'],
      },
      null,
    );
    expect(telegram).toEqual({
      ok: false,
      fields: [{ path: 'secret', key: 'subscribers.channels.error.botToken' }],
    });
    const ok = parseOperatorChannel(
      {
        kind: 'telegram',
        name: 'Bot',
        chatId: '-100123',
        secret: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        events: ['incident.declared'],
      },
      null,
    );
    expect(ok).toMatchObject({
      ok: true,
      value: {
        url: 'https://api.telegram.org',
        settings: { chatId: '-100123', botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
      },
    });
  });

  it('on edit, empty URL and credentials keep the stored ones; the kind cannot change', () => {
    const edit = parseOperatorChannel(
      { kind: 'slack', name: 'Ops', room: '!r:example.org', events: ['alert.resolved'] },
      { kind: 'matrix' },
    );
    expect(edit).toEqual({
      ok: true,
      value: {
        kind: 'matrix',
        name: 'Ops',
        url: null,
        locale: 'de',
        enabled: true,
        events: ['alert.resolved'],
        settings: { room: '!r:example.org' },
      },
    });
  });

  it('names every missing field', () => {
    expect(parseOperatorChannel({}, null)).toEqual({
      ok: false,
      fields: [
        { path: 'kind', key: 'subscribers.channels.error.kind' },
        { path: 'name', key: 'subscribers.channels.error.name' },
        { path: 'url', key: 'error.required' },
        { path: 'events', key: 'subscribers.channels.error.events' },
      ],
    });
  });
});
