/**
 * @module `promtool check metrics` on a text exposition (Debian `prometheus` brings promtool).
 * Returns null when valid, the tool's complaint otherwise; `available()` gives a skip reason.
 */
import { spawnSync } from 'node:child_process';
import { skipOrFail } from './peers.ts';

export function promtoolSkipReason(): string | null {
  const r = spawnSync('promtool', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return skipOrFail('promtool', 'not installed (Debian package prometheus)');
  return null;
}

/** Output of `promtool check metrics` (empty when the exposition is clean) and its exit code. */
export function promtoolCheck(text: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}
