/**
 * @module Monitor and watchdog settings, read with the rest of the configuration in env.ts.
 * See docs/MONITORS.md and docs/CONFIGURATION.md.
 */

export interface MonitorConfig {
  /** Run the probe runner in this process (several processes share the work by lease anyway). */
  probesEnabled: boolean;
  /** Outbound dead-man heartbeat, called while every part is live; unset = none. */
  watchdogUrl: string | undefined;
  /** How often that URL is called (s). */
  watchdogIntervalSeconds: number;
}

export function readMonitorEnv(env: Record<string, string | undefined>, problems: string[]): MonitorConfig {
  const probesRaw = env.DIALTONE_PROBES ?? 'true';
  if (!['true', 'false', '1', '0'].includes(probesRaw)) {
    problems.push(`DIALTONE_PROBES: expected true or false, got "${probesRaw}"`);
  }
  const watchdogUrl = env.DIALTONE_WATCHDOG_URL || undefined;
  if (watchdogUrl && !(URL.canParse(watchdogUrl) && /^https?:$/.test(new URL(watchdogUrl).protocol))) {
    problems.push(`DIALTONE_WATCHDOG_URL: expected an http(s) URL, got "${watchdogUrl}"`);
  }
  const rawInterval = env.DIALTONE_WATCHDOG_INTERVAL_SECONDS;
  let watchdogIntervalSeconds = 60;
  if (rawInterval !== undefined && rawInterval !== '') {
    const n = Number(rawInterval);
    if (!Number.isInteger(n) || n < 10 || n > 3600) {
      problems.push(
        `DIALTONE_WATCHDOG_INTERVAL_SECONDS: expected a whole number from 10 to 3600, got "${rawInterval}"`,
      );
    } else watchdogIntervalSeconds = n;
  }
  return { probesEnabled: probesRaw === 'true' || probesRaw === '1', watchdogUrl, watchdogIntervalSeconds };
}
