import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

it('has working defaults', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({
    port: 3000,
    dataDir: 'data',
    databaseUrl: undefined,
    defaultTimeZone: 'Europe/Berlin',
    trustProxy: false,
  });
  expect(c.reportCloudNamePattern.test('maxmuster.example-cloud.com')).toBe(true);
});

it('names every bad variable at once', () => {
  let error: ConfigError | undefined;
  try {
    loadConfig({
      PORT: 'http',
      DATABASE_URL: 'mysql://x',
      DIALTONE_TIME_ZONE: 'Mars/Base',
      DIALTONE_REPORT_CLOUD_NAME_PATTERN: '([',
      DIALTONE_TRUST_PROXY: 'yes',
    });
  } catch (e) {
    error = e as ConfigError;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect(error!.problems.map((p) => p.split(':')[0])).toEqual([
    'PORT',
    'DATABASE_URL',
    'DIALTONE_TIME_ZONE',
    'DIALTONE_TRUST_PROXY',
    'DIALTONE_REPORT_CLOUD_NAME_PATTERN',
  ]);
});
