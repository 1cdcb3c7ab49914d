/**
 * @module Pieces shared by the incident, maintenance and template pages: reading urlencoded
 * bodies and queries, status badges, notices after a redirect, the error summary with field
 * labels instead of field names, and bilingual markdown messages.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import type { Locale, MessageKey, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { pick } from '../format.ts';
import { errorSummary } from '../forms.ts';
import { renderMarkdown } from '../markdown.ts';
import { type ConsolePageOptions, renderConsolePage } from './layout.ts';

/** A parsed urlencoded body or query string: repeated names arrive as arrays. */
export type FormData = Record<string, string | string[] | undefined>;

export function formData(raw: unknown): FormData {
  return raw && typeof raw === 'object' ? (raw as FormData) : {};
}

/** The field's value ('' for an empty field), or undefined when the form did not send it. */
export function field(data: FormData, name: string): string | undefined {
  const v = data[name];
  return Array.isArray(v) ? v[0] : v;
}

export function fieldList(data: FormData, name: string): string[] {
  const v = data[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `?page=` as a page number from 1; anything else is page 1. */
export function pageParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The translated notice for `?notice=` if it is one we know; query text is never echoed. */
export function noticeText(
  t: Translate,
  notice: string | undefined,
  known: Readonly<Record<string, MessageKey>>,
): string | undefined {
  if (notice === undefined || !Object.hasOwn(known, notice)) return undefined;
  const key = known[notice];
  return key ? t(key) : undefined;
}

export const componentStatusBadge = (t: Translate, status: string) =>
  html`<span class="badge status-${status}">${translateLoose(t, `status.${status}`)}</span>`;
export const incidentStatusBadge = (t: Translate, status: string) =>
  html`<span class="badge incident-${status}">${translateLoose(t, `incidentStatus.${status}`)}</span>`;
export const maintenanceStatusBadge = (t: Translate, status: string) =>
  html`<span class="badge maintenance-${status}">${translateLoose(t, `maintenanceStatus.${status}`)}</span>`;

/** Component names in the reader's language; an id no longer in the catalog shows as itself. */
export function componentNamer(
  components: readonly { id: string; name: { de: string; en: string } }[],
  locale: Locale,
) {
  const byId = new Map(components.map((c) => [c.id, c]));
  return (id: string) => {
    const c = byId.get(id);
    return c ? pick(c.name, locale) : id;
  };
}

/** The error summary naming fields by their labels (the field paths mean nothing to a reader). */
export function labelledSummary(
  t: Translate,
  errors: readonly FieldError[],
  labelOf: (path: string) => string | undefined,
): string {
  return errorSummary(
    t,
    errors.map((e) => ({ ...e, path: labelOf(e.path) ?? '' })),
  );
}

/** A message in the reader's language, rendered; the other language folded away below it. */
export function bilingualMessage(
  t: Translate,
  locale: Locale,
  body: { de: string; en: string },
  otherKey: MessageKey,
): string {
  const other: Locale = locale === 'de' ? 'en' : 'de';
  const main = pick(body, locale);
  const second = body[other];
  return html`<div class="markdown">!${renderMarkdown(main)}</div>!${
    second && second !== main
      ? html`<details class="other-language"><summary>${t(otherKey)}</summary><div class="markdown" lang="${other}">!${renderMarkdown(second)}</div></details>`
      : ''
  }`;
}

/** Options of a select from a list of values and a key prefix (`incidentStatus.` → labels). */
export function optionsOf(t: Translate, values: readonly string[], prefix: string) {
  return values.map((value) => ({ value, label: translateLoose(t, `${prefix}${value}`) }));
}

/** Sends a console page as HTML with the given status (200 unless a form was refused). */
export function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: ConsolePageOptions,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderConsolePage(request, reply, page));
}

export const isValidationError = (e: unknown): e is DialtoneError =>
  e instanceof DialtoneError && e.code === 'validation_failed';

/** Someone else changed the thing meanwhile: resolved it, moved the window, … */
export const isConflictError = (e: unknown): e is DialtoneError =>
  e instanceof DialtoneError && (e.code === 'invalid_transition' || e.code === 'conflict');
