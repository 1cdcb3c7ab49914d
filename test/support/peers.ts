/**
 * @module Whether a real peer (PostgreSQL, Chromium, nginx, …) may be skipped. On a laptop without
 * it a test skips with a printed reason; in CI (`CI=true`) a missing peer is a failure.
 */
export const peersRequired = process.env.CI === 'true' || process.env.CI === '1';

/** Returns the reason to skip, or throws in CI where skipping is not allowed. */
export function skipOrFail(peer: string, reason: string): string {
  const message = `${peer} unavailable: ${reason}`;
  if (peersRequired) throw new Error(`${message} (CI=true requires every real peer)`);
  console.warn(`[skip] ${message}`);
  return message;
}
