/**
 * @module isUniqueViolation: whether a write failed on a unique index, on either database. Verbs
 * that checked first and may lose a race to a concurrent request (a template's name, a report's
 * submission, a cluster alert, the standard template set) answer with a field error, a retry or
 * "nothing to do" instead of a 500.
 */

/** The unique index fired: a concurrent request took the name between our check and the write. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err) return false;
  if (err.code === '23505') return true; // PostgreSQL unique_violation
  return typeof err.message === 'string' && err.message.includes('UNIQUE constraint failed');
}
