/**
 * @module Fills an SMS gateway's URL or body template. Placeholders: `{to}` (E.164 with +),
 * `{to_digits}` (without +), `{from}`, `{text}`, `{user}`. Each value is escaped for where it
 * lands — inside a JSON string, a form field or a URL path — so a message containing quotes,
 * `&` or line breaks cannot change the request's structure. Unknown placeholders stay as written.
 */

export type TemplateFormat = 'json' | 'form' | 'url';

const escapers: Record<TemplateFormat, (v: string) => string> = {
  // JSON.stringify escapes quotes, backslashes, control characters; strip the outer quotes.
  json: (v) => JSON.stringify(v).slice(1, -1),
  form: (v) => encodeURIComponent(v).replace(/%20/g, '+'),
  url: (v) => encodeURIComponent(v),
};

export function fillTemplate(
  template: string,
  values: Record<string, string>,
  format: TemplateFormat,
): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : escapers[format](value);
  });
}
