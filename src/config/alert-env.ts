/**
 * @module Detector and alert settings, read with the rest of the configuration in env.ts.
 * See docs/ALERTS.md and docs/CONFIGURATION.md.
 */

export interface AlertConfig {
  /** Run the detector loop in this process (several processes share it by lease anyway). */
  detectorsEnabled: boolean;
  /** Alertmanager label that names the dialtone component of an alert. */
  alertmanagerLabel: string;
  /** After a maintenance completes, detectors compare with the pre-maintenance baseline this long (min). */
  verifyMinutes: number;
}

const labelPattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function readAlertEnv(env: Record<string, string | undefined>, problems: string[]): AlertConfig {
  const enabledRaw = env.DIALTONE_DETECTORS ?? 'true';
  if (!['true', 'false', '1', '0'].includes(enabledRaw)) {
    problems.push(`DIALTONE_DETECTORS: expected true or false, got "${enabledRaw}"`);
  }
  const alertmanagerLabel = env.DIALTONE_ALERTMANAGER_LABEL || 'component';
  if (!labelPattern.test(alertmanagerLabel)) {
    problems.push(
      `DIALTONE_ALERTMANAGER_LABEL: expected a Prometheus label name (letters, digits, _), got "${alertmanagerLabel}"`,
    );
  }
  const rawVerify = env.DIALTONE_VERIFY_MINUTES;
  let verifyMinutes = 30;
  if (rawVerify !== undefined && rawVerify !== '') {
    const n = Number(rawVerify);
    if (!Number.isInteger(n) || n < 0 || n > 1440) {
      problems.push(`DIALTONE_VERIFY_MINUTES: expected a whole number from 0 to 1440, got "${rawVerify}"`);
    } else verifyMinutes = n;
  }
  return { detectorsEnabled: enabledRaw === 'true' || enabledRaw === '1', alertmanagerLabel, verifyMinutes };
}
