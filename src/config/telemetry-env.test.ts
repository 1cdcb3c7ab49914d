import { expect, it } from 'vitest';
import { readTelemetryEnv } from './telemetry-env.ts';

it('defaults to HEP on 9060 on every address, no auth key, open metrics', () => {
  const problems: string[] = [];
  expect(readTelemetryEnv({}, problems)).toEqual({
    hepPort: 9060,
    hepHost: '::',
    hepAuthKey: undefined,
    metricsToken: undefined,
  });
  expect(problems).toEqual([]);
  expect(readTelemetryEnv({ DIALTONE_HEP_PORT: '0' }, problems).hepPort).toBe(0);
});

it('names each bad variable', () => {
  const problems: string[] = [];
  readTelemetryEnv(
    { DIALTONE_HEP_PORT: '70000', DIALTONE_HEP_HOST: 'localhost', DIALTONE_METRICS_TOKEN: 'short' },
    problems,
  );
  expect(problems.map((p) => p.split(':')[0])).toEqual([
    'DIALTONE_HEP_PORT',
    'DIALTONE_HEP_HOST',
    'DIALTONE_METRICS_TOKEN',
  ]);
});
