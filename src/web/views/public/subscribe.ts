/**
 * @module The status page's subscription pages: the form (channel, address, language, whole page
 * or chosen components; a honeypot field for bots), "please confirm", the SMS code form, the
 * confirmation button and result (a webhook's signing secret shown once), the manage page behind
 * the link in every message, and the 429 page. No script.
 */
import { html } from 'ghtml';
import type { FieldError } from '#src/domain/errors.ts';
import type { SubscriberKind } from '#src/domain/subscription.ts';
import type { SubscriptionView } from '#src/services/get-subscription.ts';
import { controlId, csrfField, errorSummary, fieldError, input } from '../forms.ts';
import { renderPublicPage } from './layout.ts';
import type { Reader } from './parts.ts';

export const subscribeHoneypot = 'website';

export interface ComponentChoice {
  id: string;
  name: string;
}

export interface SubscribeFormData {
  offered: readonly SubscriberKind[];
  components: readonly ComponentChoice[];
  values: {
    kind?: string;
    address?: string;
    locale?: string;
    scope?: string;
    components?: readonly string[];
  };
  errors: readonly FieldError[];
  csrf: string;
}

function radios(
  name: string,
  legend: string,
  options: { value: string; label: string }[],
  value: string,
  error: string,
) {
  const items = options.map(
    (o) =>
      html`<li><label><input type="radio" name="${name}" value="${o.value}"!${o.value === value ? ' checked' : ''}> ${o.label}</label></li>`,
  );
  return html`<fieldset id="${controlId(name)}" class="field${error ? ' has-error' : ''}"><legend>${legend}</legend>!${error ? html`<p class="error">${error}</p>` : ''}<ul class="plain">!${items.join('')}</ul></fieldset>`;
}

function localeSelect(r: Reader, value: string, name = 'locale'): string {
  const opts = [
    { v: 'de', l: 'Deutsch' },
    { v: 'en', l: 'English' },
  ].map((o) => html`<option value="${o.v}"!${o.v === value ? ' selected' : ''}>${o.l}</option>`);
  return html`<div class="field"><label for="${controlId(name)}">${r.t('subscribers.locale.label')}</label><select id="${controlId(name)}" name="${name}">!${opts.join('')}</select></div>`;
}

/** Whole page or chosen components, as radio + checkboxes (works without script). */
export function scopeFields(
  r: Reader,
  components: readonly ComponentChoice[],
  scope: string,
  chosen: readonly string[],
  errors: readonly FieldError[],
): string {
  const error = fieldError(r.t, errors, 'components');
  const boxes = components.map(
    (c) =>
      html`<li><label><input type="checkbox" name="components" value="${c.id}"!${chosen.includes(c.id) ? ' checked' : ''}> ${c.name}</label></li>`,
  );
  return html`<fieldset id="${controlId('components')}" class="field${error ? ' has-error' : ''}"><legend>${r.t('subscribers.scope.label')}</legend>!${error ? html`<p class="error">${error}</p>` : ''}<ul class="plain"><li><label><input type="radio" name="scope" value="all"!${scope !== 'components' ? ' checked' : ''}> ${r.t('subscribers.scope.all')}</label></li><li><label><input type="radio" name="scope" value="components"!${scope === 'components' ? ' checked' : ''}> ${r.t('subscribers.scope.components')}</label><ul class="plain sub-components">!${boxes.join('')}</ul></li></ul></fieldset>`;
}

export function renderSubscribeForm(r: Reader, d: SubscribeFormData, url: string): string {
  const t = r.t;
  const v = d.values;
  const kinds = d.offered.map((k) => ({ value: k, label: t(`subscribers.kind.${k}`) }));
  // Without an SMS gateway the form does not ask for a mobile number.
  const sms = d.offered.includes('sms');
  const address = input({
    name: 'address',
    label: sms ? t('subscribers.address.label') : t('subscribers.address.labelNoSms'),
    hint: sms ? t('subscribers.address.hint') : t('subscribers.address.hintNoSms'),
    value: v.address ?? '',
    required: true,
    autocomplete: 'email',
    error: fieldError(t, d.errors, 'address'),
  });
  const form = html`<form method="post" action="/subscribe" class="report subscribe" novalidate>!${csrfField(d.csrf)}!${errorSummary(t, d.errors)}!${radios('kind', t('subscribers.kind.label'), kinds, v.kind || 'email', fieldError(t, d.errors, 'kind'))}!${address}!${localeSelect(r, v.locale || r.locale)}!${scopeFields(r, d.components, v.scope || 'all', v.components ?? [], d.errors)}<div class="hp" aria-hidden="true"><label for="${controlId(subscribeHoneypot)}">${t('subscribers.honeypot')}</label><input type="text" id="${controlId(subscribeHoneypot)}" name="${subscribeHoneypot}" value="" tabindex="-1" autocomplete="off"></div><p class="hint">${t('subscribers.privacy')}</p><button type="submit">${t('subscribers.submit')}</button></form>`;
  const body = html`<h1>${t('subscribers.title')}</h1><p>${t('subscribers.intro')}</p>!${form}`;
  return renderPublicPage(r, { title: t('subscribers.title'), section: 'none', body, url });
}

/** After a request: the same page whatever the address's state (nothing is learnt from it). */
export function renderSubscribeSentPage(
  r: Reader,
  kind: 'email' | 'webhook',
  address: string,
  url: string,
): string {
  const title = r.t('subscribers.sent.title');
  const body = html`<h1>${title}</h1><p role="status">${r.t(`subscribers.sent.${kind}`, { address })}</p><p><a href="/">${r.t('nav.status')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export function renderSmsCodePage(
  r: Reader,
  phone: string,
  csrf: string,
  error: boolean,
  url: string,
): string {
  const t = r.t;
  const title = t('subscribers.sms.title');
  const form = html`<form method="post" action="/subscribe/sms" class="report">!${csrfField(csrf)}<input type="hidden" name="phone" value="${phone}">!${input({ name: 'code', label: t('subscribers.sms.code'), required: true, autocomplete: 'one-time-code', error: error ? t('subscribers.sms.wrong') : '' })}<button type="submit">${t('subscribers.sms.submit')}</button></form>`;
  const body = html`<h1>${title}</h1><p role="status">${t('subscribers.sms.body', { address: phone })}</p>!${form}<p><a href="/subscribe">${t('subscribers.sms.again')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

/** GET of a confirmation link: a button, so mail scanners that open links confirm nothing. */
export function renderConfirmButtonPage(r: Reader, action: string, csrf: string, url: string): string {
  const title = r.t('subscribers.sent.title');
  const body = html`<h1>${title}</h1><form method="post" action="${action}">!${csrfField(csrf)}<button type="submit">${r.t('subscribers.sms.submit')}</button></form>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export function renderConfirmedPage(
  r: Reader,
  manageUrl: string,
  secret: string | null,
  url: string,
): string {
  const t = r.t;
  const title = t('subscribers.confirmed.title');
  const secretBlock = secret
    ? html`<p>${t('subscribers.confirmed.secret')}</p><p><code class="secret">${secret}</code></p><p class="hint">${t('subscribers.confirmed.secretHint')}</p>`
    : '';
  const body = html`<h1>${title}</h1><p role="status">${t('subscribers.confirmed.body')}</p>!${secretBlock}<p><a href="${manageUrl}">${t('subscribers.confirmed.manage')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export function renderInvalidLinkPage(r: Reader, url: string): string {
  const title = r.t('subscribers.invalid.title');
  const body = html`<h1>${title}</h1><p>${r.t('subscribers.invalid.body')}</p><p><a href="/subscribe">${r.t('subscribers.title')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export interface ManagePageData {
  subscription: SubscriptionView;
  components: readonly ComponentChoice[];
  action: string;
  csrf: string;
  errors: readonly FieldError[];
  notice: string;
}

export function renderManagePage(r: Reader, d: ManagePageData, url: string): string {
  const t = r.t;
  const s = d.subscription;
  const title = t('subscribers.manage.title');
  const facts = html`<dl class="facts"><dt>${t('subscribers.manage.address')}</dt><dd>${t(`subscribers.kind.${s.kind}`)}: ${s.address}</dd><dt>${t('subscribers.manage.state')}</dt><dd>${t(`subscribers.manage.state.${s.state}`)}</dd></dl>`;
  const notice = d.notice ? html`<p class="notice" role="status">${d.notice}</p>` : '';
  if (s.state === 'unsubscribed') {
    const body = html`<h1>${title}</h1>!${notice}!${facts}<p><a href="/subscribe">${t('subscribers.title')}</a></p>`;
    return renderPublicPage(r, { title, section: 'none', body, url });
  }
  const settings = html`<form method="post" action="${d.action}/save" class="report">!${csrfField(d.csrf)}!${errorSummary(t, d.errors)}!${localeSelect(r, s.locale)}!${scopeFields(r, d.components, s.scope, s.componentIds, d.errors)}<button type="submit">${t('subscribers.manage.save')}</button></form>`;
  const test =
    s.kind === 'webhook' && s.state === 'confirmed'
      ? html`<form method="post" action="${d.action}/test" class="sub-action">!${csrfField(d.csrf)}<button type="submit" class="secondary">${t('subscribers.manage.test')}</button></form>`
      : '';
  // The unsubscribe button posts the RFC 8058 one-click body to the link itself.
  const off = html`<form method="post" action="${d.action}" class="sub-action"><input type="hidden" name="List-Unsubscribe" value="One-Click"><p class="hint">${t('subscribers.manage.unsubscribeHint')}</p><button type="submit" class="danger">${t('subscribers.manage.unsubscribe')}</button></form>`;
  const body = html`<h1>${title}</h1>!${notice}!${facts}!${settings}!${test}!${off}`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export function renderUnsubscribedPage(r: Reader, url: string): string {
  const title = r.t('subscribers.unsubscribed.title');
  const body = html`<h1>${title}</h1><p role="status">${r.t('subscribers.unsubscribed.body')}</p><p><a href="/subscribe">${r.t('subscribers.title')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}

export function renderSubscribeLimitedPage(r: Reader, minutes: number, url: string): string {
  const title = r.t('subscribers.rateLimited.title');
  const body = html`<h1>${title}</h1><p>${r.t('subscribers.rateLimited.body', { minutes })}</p><p><a href="/">${r.t('nav.status')}</a></p>`;
  return renderPublicPage(r, { title, section: 'none', body, url });
}
