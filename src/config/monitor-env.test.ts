import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from './env.ts';

describe('monitor configuration', () => {
  it('has defaults and reads the watchdog URL', () => {
    expect(loadConfig({})).toMatchObject({
      probesEnabled: true,
      watchdogUrl: undefined,
      watchdogIntervalSeconds: 60,
    });
    expect(
      loadConfig({
        DIALTONE_PROBES: 'false',
        DIALTONE_WATCHDOG_URL: 'https://hc.example.net/ping/abc',
        DIALTONE_WATCHDOG_INTERVAL_SECONDS: '30',
      }),
    ).toMatchObject({
      probesEnabled: false,
      watchdogUrl: 'https://hc.example.net/ping/abc',
      watchdogIntervalSeconds: 30,
    });
  });

  it('names each bad variable', () => {
    try {
      loadConfig({
        DIALTONE_PROBES: 'maybe',
        DIALTONE_WATCHDOG_URL: 'ftp://x',
        DIALTONE_WATCHDOG_INTERVAL_SECONDS: '1',
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'DIALTONE_PROBES',
        'DIALTONE_WATCHDOG_URL',
        'DIALTONE_WATCHDOG_INTERVAL_SECONDS',
      ]);
    }
  });
});
