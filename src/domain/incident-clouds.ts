/**
 * @module The clouds an incident names. An incident on the cloud platform often hits a few
 * customer clouds only; the operator lists their host names (as reports carry them:
 * `maxmuster.example-cloud.com`), and a report on a cloud links to the incident by itself only if
 * the incident names that cloud — or names none, which means "every cloud".
 *
 * @example
 * parseCloudNames('https://A.example-cloud.com/\nb.example-cloud.com', 'clouds')
 * // → { names: ['a.example-cloud.com', 'b.example-cloud.com'], errors: [] }
 */
import type { FieldError } from './errors.ts';

export const maxIncidentClouds = 200;
const maxCloudNameLength = 200;
/** A host name: labels of letters, digits and hyphens separated by dots, at least two labels. */
const hostName = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Lower case, without a pasted scheme or trailing slash: the form reports store. */
export const normalizeCloudName = (raw: string): string =>
  raw
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');

/**
 * Cloud names from a list or from text with one name per line (commas and spaces also separate).
 * Duplicates are dropped, order kept; each bad name is an error at `path` naming the value.
 */
export function parseCloudNames(
  input: string | readonly string[],
  path: string,
): { names: string[]; errors: FieldError[] } {
  const parts = typeof input === 'string' ? input.split(/[\s,;]+/) : [...input];
  const names: string[] = [];
  const errors: FieldError[] = [];
  for (const part of parts) {
    const name = normalizeCloudName(part);
    if (name === '' || names.includes(name)) continue;
    if (name.length > maxCloudNameLength || !hostName.test(name)) {
      errors.push({ path, key: 'partner.clouds.invalid', params: { value: name.slice(0, 80) } });
    }
    names.push(name);
  }
  if (names.length > maxIncidentClouds) {
    errors.push({ path, key: 'partner.clouds.tooMany', params: { max: maxIncidentClouds } });
  }
  return { names, errors };
}

/** Whether a report on `cloud` belongs to an incident that names `named` (none: every cloud). */
export const incidentCoversCloud = (named: readonly string[], cloud: string): boolean =>
  named.length === 0 || named.includes(normalizeCloudName(cloud));
