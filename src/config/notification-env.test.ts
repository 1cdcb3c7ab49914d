import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './env.ts';

describe('notification configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({ DIALTONE_PUBLIC_URL: 'https://status.example.net' });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailFrom).toBe('dialtone <noreply@status.example.net>');
    expect(c.maintenanceReminderHours).toEqual([72, 1]);
    expect(c.outbox.maxAttempts).toBe(8);
    expect(c.outbox.ratesPerSecond.email).toBe(100);
  });

  it('reads the variables', () => {
    const c = loadConfig({
      DIALTONE_SMTP_URL: 'smtp://127.0.0.1:2525',
      DIALTONE_MAIL_FROM: 'Status <status@example.net>',
      DIALTONE_OUTBOX_RATES: 'email=500, sms=2',
      DIALTONE_MAINTENANCE_REMINDERS: '1,24',
      DIALTONE_UNSUBSCRIBE_MAILTO: 'unsubscribe@example.net',
    });
    expect(c.smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(c.outbox.ratesPerSecond).toMatchObject({ email: 500, sms: 2, slack: 1 });
    expect(c.maintenanceReminderHours).toEqual([24, 1]);
    expect(c.unsubscribeMailto).toBe('unsubscribe@example.net');
  });

  it('names each bad variable', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        DIALTONE_SMTP_URL: 'http://mail',
        DIALTONE_OUTBOX_RATES: 'fax=3',
        DIALTONE_MAINTENANCE_REMINDERS: 'soon',
        DIALTONE_OUTBOX_MAX_ATTEMPTS: '0',
      });
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'DIALTONE_SMTP_URL',
      'DIALTONE_OUTBOX_MAX_ATTEMPTS',
      'DIALTONE_OUTBOX_RATES',
      'DIALTONE_MAINTENANCE_REMINDERS',
    ]);
  });
});
