import { expect, it } from 'vitest';
import { readAlertEnv } from './alert-env.ts';

it('reads defaults and names each bad variable', () => {
  const ok: string[] = [];
  expect(readAlertEnv({}, ok)).toEqual({
    detectorsEnabled: true,
    alertmanagerLabel: 'component',
    verifyMinutes: 30,
  });
  expect(
    readAlertEnv(
      { DIALTONE_DETECTORS: '0', DIALTONE_ALERTMANAGER_LABEL: 'service', DIALTONE_VERIFY_MINUTES: '0' },
      ok,
    ),
  ).toEqual({
    detectorsEnabled: false,
    alertmanagerLabel: 'service',
    verifyMinutes: 0,
  });
  expect(ok).toEqual([]);
  const problems: string[] = [];
  readAlertEnv(
    { DIALTONE_DETECTORS: 'maybe', DIALTONE_ALERTMANAGER_LABEL: 'my-label', DIALTONE_VERIFY_MINUTES: '1.5' },
    problems,
  );
  expect(problems.map((p) => p.split(':')[0])).toEqual([
    'DIALTONE_DETECTORS',
    'DIALTONE_ALERTMANAGER_LABEL',
    'DIALTONE_VERIFY_MINUTES',
  ]);
});
