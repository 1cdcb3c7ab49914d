/**
 * @module Configuration from the environment, validated at start with messages that name the
 * variable. docs/CONFIGURATION.md lists every variable; keep the two in step.
 */
import { defaultCloudNamePattern, defaultRetentionDays } from '#src/domain/report.ts';
import { isValidTimeZone } from '#src/domain/zoned-time.ts';
import { type AlertConfig, readAlertEnv } from './alert-env.ts';
import { type MonitorConfig, readMonitorEnv } from './monitor-env.ts';
import { readNotificationEnv } from './notification-env.ts';
import { type OutboundConfig, readOutboundEnv } from './outbound-env.ts';
import { readTelemetryEnv, type TelemetryConfig } from './telemetry-env.ts';

export interface Config extends OutboundConfig, TelemetryConfig, MonitorConfig, AlertConfig {
  port: number;
  host: string;
  /** Where the SQLite file (and later backups) live. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** The address people reach dialtone at, for links in feeds, mails and the setup link. */
  publicUrl: string;
  /** Behind a reverse proxy that sets X-Forwarded-*: trust it (cookies get `Secure` over https). */
  trustProxy: boolean;
  defaultTimeZone: string;
  logLevel: string;
  /** How long a console session lasts after sign-in (h); then the user signs in again. */
  sessionHours: number;
  /** Name shown in the page header. */
  pageName: string;
  /** What a cloud name in an outage report must look like (a host name by default). */
  reportCloudNamePattern: RegExp;
  /** Days after a report is closed until its personal data is erased (the retention job). */
  reportRetentionDays: number;
  /** Secret a phone system sends as `Authorization: Bearer …` to ask for a caller number's announcement. */
  announcementKey: string | undefined;
  /** Notifications (docs/NOTIFICATIONS.md): SMTP server URL; unset = mail is not sent, stays queued. */
  smtpUrl: string | undefined;
  /** Sender of notification mails, e.g. `Status <status@example.net>`. */
  mailFrom: string;
  /** Pooled SMTP connections the delivery worker keeps open. */
  smtpPoolSize: number;
  /** Mailbox named in List-Unsubscribe beside the one-click link (optional). */
  unsubscribeMailto: string | undefined;
  /** Outbox delivery: attempts before a message becomes a dead letter, and per-channel rates (messages/s). */
  outbox: { maxAttempts: number; ratesPerSecond: Record<string, number> };
  /** Hours before a maintenance window's start at which subscribers get a reminder (e.g. 72 and 1). */
  maintenanceReminderHours: number[];
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const port = int('PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected postgres://user:password@host:port/database');
  }
  const publicUrl = (env.DIALTONE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    problems.push(`DIALTONE_PUBLIC_URL: expected an http(s) URL, got "${publicUrl}"`);
  }
  const defaultTimeZone = env.DIALTONE_TIME_ZONE || 'Europe/Berlin';
  if (!isValidTimeZone(defaultTimeZone)) {
    problems.push(
      `DIALTONE_TIME_ZONE: unknown time zone "${defaultTimeZone}" (IANA name such as Europe/Berlin)`,
    );
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent, got "${logLevel}"`);
  }
  const trustRaw = env.DIALTONE_TRUST_PROXY ?? 'false';
  if (!['true', 'false', '1', '0'].includes(trustRaw)) {
    problems.push(`DIALTONE_TRUST_PROXY: expected true or false, got "${trustRaw}"`);
  }
  let reportCloudNamePattern = new RegExp(defaultCloudNamePattern);
  const rawPattern = env.DIALTONE_REPORT_CLOUD_NAME_PATTERN;
  if (rawPattern) {
    try {
      reportCloudNamePattern = new RegExp(rawPattern);
    } catch {
      problems.push(`DIALTONE_REPORT_CLOUD_NAME_PATTERN: not a valid regular expression: "${rawPattern}"`);
    }
  }
  if (env.DIALTONE_ANNOUNCEMENT_KEY && env.DIALTONE_ANNOUNCEMENT_KEY.length < 24) {
    problems.push('DIALTONE_ANNOUNCEMENT_KEY: at least 24 characters (e.g. openssl rand -hex 24)');
  }
  const notify = readNotificationEnv(env, publicUrl, problems);
  const config: Config = {
    port,
    host,
    dataDir: env.DIALTONE_DATA || 'data',
    databaseUrl,
    publicUrl,
    trustProxy: trustRaw === 'true' || trustRaw === '1',
    defaultTimeZone,
    logLevel,
    sessionHours: int('DIALTONE_SESSION_HOURS', 12, 1, 24 * 30),
    pageName: env.DIALTONE_PAGE_NAME || 'dialtone',
    reportCloudNamePattern,
    reportRetentionDays: int('DIALTONE_REPORT_RETENTION_DAYS', defaultRetentionDays, 1, 3650),
    announcementKey: env.DIALTONE_ANNOUNCEMENT_KEY || undefined,
    ...notify,
    ...readOutboundEnv(env, problems),
    ...readTelemetryEnv(env, problems),
    ...readMonitorEnv(env, problems),
    ...readAlertEnv(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
