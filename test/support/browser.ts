/**
 * @module Debian's Chromium driven by playwright-core, for browser tests and axe-core checks.
 * Never downloads a browser: uses /usr/bin/chromium (or CHROMIUM_PATH); skipped with a printed
 * reason where it is missing, a failure in CI. Background networking is off: only loopback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { skipOrFail } from './peers.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** null when Chromium can be used; otherwise the skip reason (throws in CI). */
export function chromiumSkipReason(): string | null {
  return existsSync(chromiumPath)
    ? null
    : skipOrFail('Chromium', `no ${chromiumPath} (apt-get install chromium)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules and best practices) on the page as it is and returns the
 * serious and critical violations. Injected through evaluate, so the page's CSP stays on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const result = (await page.evaluate(`(async () => {
    ${axeSource}
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  })()`)) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
