/**
 * @module The notification variables of the configuration (SMTP, sender, outbox delivery,
 * maintenance reminders), read apart from env.ts so that area stays small. Problems are added to
 * the caller's list with the variable's name.
 */

/** Default per-channel rates (messages/s): what the usual providers accept without throttling. */
const defaultRates: Record<string, number> = {
  email: 100,
  sms: 5,
  webhook: 20,
  slack: 1,
  teams: 2,
  matrix: 5,
  telegram: 20,
};

export interface NotificationEnv {
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpPoolSize: number;
  unsubscribeMailto: string | undefined;
  outbox: { maxAttempts: number; ratesPerSecond: Record<string, number> };
  maintenanceReminderHours: number[];
}

export function readNotificationEnv(
  env: Record<string, string | undefined>,
  publicUrl: string,
  problems: string[],
): NotificationEnv {
  const smtpUrl = env.DIALTONE_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    problems.push(`DIALTONE_SMTP_URL: expected smtp://host:port or smtps://user:password@host:port`);
  }
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    // reported by the caller
  }
  const mailFrom = env.DIALTONE_MAIL_FROM || `dialtone <noreply@${host}>`;
  if (!/@[^@\s>]+>?\s*$/.test(mailFrom)) {
    problems.push(`DIALTONE_MAIL_FROM: expected an address such as "Status <status@example.net>"`);
  }
  return {
    smtpUrl,
    mailFrom,
    smtpPoolSize: wholeNumber(env, 'DIALTONE_SMTP_POOL', 5, 1, 100, problems),
    unsubscribeMailto: readMailto(env.DIALTONE_UNSUBSCRIBE_MAILTO, problems),
    outbox: {
      maxAttempts: wholeNumber(env, 'DIALTONE_OUTBOX_MAX_ATTEMPTS', 8, 1, 50, problems),
      ratesPerSecond: readRates(env.DIALTONE_OUTBOX_RATES, problems),
    },
    maintenanceReminderHours: readHours(env.DIALTONE_MAINTENANCE_REMINDERS, problems),
  };
}

function wholeNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

/** `email=200,sms=2`: listed kinds override the defaults. */
function readRates(raw: string | undefined, problems: string[]): Record<string, number> {
  const rates = { ...defaultRates };
  if (!raw) return rates;
  for (const part of raw.split(',')) {
    const [kind = '', value = ''] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!(kind in defaultRates) || !Number.isFinite(n) || n <= 0 || value === '') {
      problems.push(
        `DIALTONE_OUTBOX_RATES: expected kind=messages per second, e.g. "email=200,sms=2"; kinds: ${Object.keys(defaultRates).join(', ')}; got "${part}"`,
      );
      continue;
    }
    rates[kind] = n;
  }
  return rates;
}

/** `72,1`: hours before start; empty string = no reminders. */
function readHours(raw: string | undefined, problems: string[]): number[] {
  if (raw === undefined) return [72, 1];
  if (raw.trim() === '') return [];
  const hours = raw.split(',').map((s) => Number(s.trim()));
  if (hours.some((h) => !Number.isFinite(h) || h <= 0 || h > 24 * 60)) {
    problems.push(
      `DIALTONE_MAINTENANCE_REMINDERS: expected hours before the start, e.g. "72,1", got "${raw}"`,
    );
    return [72, 1];
  }
  return [...new Set(hours)].sort((a, b) => b - a);
}

/** A mailbox someone (or a filter) processes: named in `List-Unsubscribe` beside the link. */
function readMailto(raw: string | undefined, problems: string[]): string | undefined {
  if (!raw) return undefined;
  if (!/^[^@\s<>]+@[^@\s<>]+$/.test(raw)) {
    problems.push(
      `DIALTONE_UNSUBSCRIBE_MAILTO: expected an address such as unsubscribe@example.net, got "${raw}"`,
    );
    return undefined;
  }
  return raw;
}
