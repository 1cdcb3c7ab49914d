/**
 * @module Console pages for operator channels (list, add/edit form, signing secret shown once,
 * test and delete buttons) and for subscribers (counts, search, remove).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import { operatorChannelKinds, operatorEvents } from '#src/domain/subscription-channel.ts';
import type { SubscriberCount } from '#src/services/count-subscribers.ts';
import type { OperatorChannelView } from '#src/services/list-operator-channels.ts';
import type { SubscriberRow } from '#src/services/search-subscribers.ts';
import { formatDateTime } from '../format.ts';
import { controlId, csrfField, errorSummary, fieldError, input, select } from '../forms.ts';

export interface ChannelFormValues {
  kind: string;
  name: string;
  room: string;
  chatId: string;
  events: string[];
  locale: string;
  enabled: boolean;
}

export const emptyChannelForm: ChannelFormValues = {
  kind: 'slack',
  name: '',
  room: '',
  chatId: '',
  events: ['alert.fired', 'alert.resolved', 'incident.declared', 'incident.resolved'],
  locale: 'de',
  enabled: true,
};

export interface ChannelsPageState {
  channels: readonly OperatorChannelView[];
  /** The channel being edited, or null for the add form. */
  editing: OperatorChannelView | null;
  values: ChannelFormValues;
  errors: readonly FieldError[];
  signingSecret: string | null;
  alert: string;
}

export function channelsBody(request: FastifyRequest, reply: FastifyReply, s: ChannelsPageState): string {
  const t = request.t;
  const csrf = csrfField(request.csrfToken(reply));
  const secret = s.signingSecret
    ? html`<section class="token-created" role="status"><p><strong>${t('subscribers.channels.signingSecret')}</strong></p><input type="text" readonly size="50" value="${s.signingSecret}" aria-label="${t('subscribers.channels.signingSecret')}" autocomplete="off" spellcheck="false"></section>`
    : '';
  const alert = s.alert ? html`<div class="error-summary" role="alert"><p>${s.alert}</p></div>` : '';
  const rows = s.channels.map(
    (c) =>
      html`<tr><td><a href="/console/channels?edit=${encodeURIComponent(c.id)}">${c.name}</a></td><td>${t(`subscribers.channels.kind.${c.kind}`)}</td><td>${c.host}</td><td>${c.events.map((e) => eventLabel(request, e)).join(', ')}</td><td>${c.enabled ? t('subscribers.channels.on') : t('subscribers.channels.off')}</td><td><form method="post" action="/console/channels/${encodeURIComponent(c.id)}/test" class="inline">!${csrf}<button type="submit">${t('subscribers.channels.test')}</button></form> <form method="post" action="/console/channels/${encodeURIComponent(c.id)}/delete" class="inline">!${csrf}<button type="submit" class="danger">${t('subscribers.channels.delete')}</button></form></td></tr>`,
  );
  const table = s.channels.length
    ? html`<table tabindex="0" aria-label="${t('subscribers.channels.title')}"><thead><tr><th scope="col">${t('subscribers.channels.name')}</th><th scope="col">${t('subscribers.channels.kind')}</th><th scope="col">URL</th><th scope="col">${t('subscribers.channels.col.events')}</th><th scope="col">${t('subscribers.channels.col.state')}</th><th scope="col">${t('subscribers.console.col.action')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`
    : html`<p>${t('subscribers.channels.empty')}</p>`;
  return html`!${secret}!${alert}<p>${t('subscribers.channels.intro')}</p>!${table}!${channelForm(request, csrf, s)}`;
}

function eventLabel(request: FastifyRequest, event: string): string {
  const known = (operatorEvents as readonly string[]).includes(event);
  return known ? request.t(`subscribers.channels.event.${event as (typeof operatorEvents)[number]}`) : event;
}

function channelForm(request: FastifyRequest, csrf: string, s: ChannelsPageState): string {
  const t = request.t;
  const v = s.values;
  const e = (path: string) => fieldError(t, s.errors, path);
  const editing = s.editing;
  const action = editing ? `/console/channels/${encodeURIComponent(editing.id)}` : '/console/channels';
  const kind = editing
    ? html`<p>${t('subscribers.channels.kind')}: <strong>${t(`subscribers.channels.kind.${editing.kind}`)}</strong></p>`
    : select({
        name: 'kind',
        label: t('subscribers.channels.kind'),
        value: v.kind,
        error: e('kind'),
        options: operatorChannelKinds.map((k) => ({ value: k, label: t(`subscribers.channels.kind.${k}`) })),
      });
  const keep = editing ? t('subscribers.channels.secretKeep') : '';
  const events = operatorEvents.map(
    (ev) =>
      html`<li><label><input type="checkbox" name="events" value="${ev}"!${v.events.includes(ev) ? ' checked' : ''}> ${eventLabel(request, ev)}</label></li>`,
  );
  const eventsError = e('events');
  const fields = [
    kind,
    input({
      name: 'name',
      label: t('subscribers.channels.name'),
      value: v.name,
      required: true,
      error: e('name'),
    }),
    input({
      name: 'url',
      label: t('subscribers.channels.url'),
      type: 'url',
      hint: [t('subscribers.channels.urlHint'), keep].join(' '),
      error: e('url'),
    }),
    input({ name: 'room', label: t('subscribers.channels.room'), value: v.room, error: e('room') }),
    input({ name: 'chatId', label: t('subscribers.channels.chatId'), value: v.chatId, error: e('chatId') }),
    input({
      name: 'secret',
      label: t('subscribers.channels.secret'),
      type: 'password',
      autocomplete: 'off',
      ...(keep ? { hint: keep } : {}),
      error: e('secret'),
    }),
    html`<fieldset id="${controlId('events')}" class="field${eventsError ? ' has-error' : ''}"><legend>${t('subscribers.channels.events')}</legend>!${eventsError ? html`<p class="error">${eventsError}</p>` : ''}<ul class="plain">!${events.join('')}</ul></fieldset>`,
    select({
      name: 'locale',
      label: t('subscribers.channels.locale'),
      value: v.locale,
      options: [
        { value: 'de', label: 'Deutsch' },
        { value: 'en', label: 'English' },
      ],
    }),
    html`<div class="field check"><label><input type="checkbox" name="enabled" value="yes"!${v.enabled ? ' checked' : ''}> ${t('subscribers.channels.enabled')}</label></div>`,
  ];
  const heading = editing ? t('subscribers.channels.edit') : t('subscribers.channels.add');
  return html`<section aria-labelledby="channel-form"><h2 id="channel-form">${heading}</h2><form method="post" action="${action}" novalidate>!${csrf}!${errorSummary(t, s.errors)}!${fields.join('')}<button type="submit">${t('subscribers.channels.save')}</button></form></section>`;
}

export function subscribersBody(
  request: FastifyRequest,
  reply: FastifyReply,
  counts: readonly SubscriberCount[],
  found: readonly SubscriberRow[],
  query: string,
  limit: number,
): string {
  const t = request.t;
  const csrf = csrfField(request.csrfToken(reply));
  const kindLabel = (k: string) =>
    k === 'email' || k === 'sms' || k === 'webhook' ? t(`subscribers.kind.${k}`) : k;
  const stateLabel = (s: string) =>
    s === 'pending' || s === 'confirmed' || s === 'unsubscribed' ? t(`subscribers.manage.state.${s}`) : s;
  const countRows = counts.map(
    (c) => html`<tr><td>${kindLabel(c.kind)}</td><td>${stateLabel(c.state)}</td><td>${c.count}</td></tr>`,
  );
  const countTable = html`<h2>${t('subscribers.console.counts')}</h2><table tabindex="0" aria-label="${t('subscribers.console.counts')}"><thead><tr><th scope="col">${t('subscribers.console.col.kind')}</th><th scope="col">${t('subscribers.console.col.state')}</th><th scope="col">${t('subscribers.console.col.count')}</th></tr></thead><tbody>!${countRows.join('')}</tbody></table>`;
  const search = html`<form method="get" action="/console/subscribers" role="search">!${input({ name: 'q', label: t('subscribers.console.search'), type: 'search', value: query })}<button type="submit">${t('subscribers.console.searchButton')}</button></form>`;
  const rows = found.map(
    (s) =>
      html`<tr><td>${s.address}</td><td>${kindLabel(s.kind)}</td><td>${stateLabel(s.state)}</td><td>${s.scope === 'all' ? t('subscribers.console.scope.all') : t('subscribers.console.scope.components', { count: s.components })}</td><td>${formatDateTime(s.createdAt, request.locale, request.timeZone)}</td><td><form method="post" action="/console/subscribers/${encodeURIComponent(s.id)}/remove" class="inline">!${csrf}<button type="submit" class="danger">${t('subscribers.console.remove')}</button></form></td></tr>`,
  );
  const list = found.length
    ? html`<table tabindex="0" aria-label="${t('subscribers.console.title')}"><thead><tr><th scope="col">${t('subscribers.console.col.address')}</th><th scope="col">${t('subscribers.console.col.kind')}</th><th scope="col">${t('subscribers.console.col.state')}</th><th scope="col">${t('subscribers.console.col.scope')}</th><th scope="col">${t('subscribers.console.col.created')}</th><th scope="col">${t('subscribers.console.col.action')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>!${found.length >= limit ? html`<p class="hint">${t('subscribers.console.more', { count: limit })}</p>` : ''}`
    : html`<p>${t('subscribers.console.empty')}</p>`;
  return html`<p>${t('subscribers.console.intro')}</p>!${countTable}!${search}!${list}`;
}
