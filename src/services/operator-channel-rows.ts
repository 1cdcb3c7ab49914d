/**
 * @module Reading stored operator channel rows: their JSON columns are parsed leniently, since a
 * row edited by hand must still list and load rather than break the console.
 */

/** A JSON object column (settings), or {} when it is not one. */
export const parseObject = (s: string): Record<string, string> => {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
};
