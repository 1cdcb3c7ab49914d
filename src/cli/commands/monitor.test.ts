import { beforeEach, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { recordHeartbeatPing } from '#src/services/record-heartbeat-ping.ts';
import { testClock, testContext } from '../../../test/support/factories.ts';
import { describeEachStore } from '../../../test/support/stores.ts';
import { runMonitorCommand } from './monitor.ts';

describeEachStore('dialtone monitor', (getStore) => {
  let out: string[];
  let err: string[];
  const clock = testClock('2026-11-20T10:00:00.000Z');
  const run = (...args: string[]) =>
    runMonitorCommand(args, {
      store: getStore(),
      clock,
      publicUrl: 'https://status.example.net',
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });

  beforeEach(async () => {
    out = [];
    err = [];
    await getStore().db.deleteFrom('monitors').execute();
    await getStore().db.deleteFrom('components').execute();
    const parsed = parseCatalogFile(`
components: [{id: billing, name: Billing}]
monitors:
  - {id: billing-run, component: billing, kind: heartbeat, name: Abrechnung, settings: {periodSeconds: 86400}}
`);
    if (!parsed.ok) throw new Error('catalog');
    await applyCatalog({ ctx: testContext(getStore(), clock), input: { document: parsed.document } });
  });

  it('prints a new heartbeat URL alone on stdout, which works', async () => {
    expect(await run('rotate-token', 'billing-run')).toBe(0);
    expect(out).toHaveLength(1);
    const token = out[0]!.replace('https://status.example.net/api/v1/heartbeat/', '');
    expect(token).toMatch(/^dthb_/);
    expect(await recordHeartbeatPing({ ctx: testContext(getStore(), clock), input: { token } })).toBe(true);
    out = [];
    expect(await run('list')).toBe(0);
    expect(out[0]).toContain('billing-run\theartbeat\tup');
  });

  it('refuses unknown monitors (1) and wrong usage (2)', async () => {
    expect(await run('rotate-token', 'nope')).toBe(1);
    expect(err[0]).toBe('dialtone monitor rotate-token: This heartbeat monitor does not exist.');
    expect(await run('rotate-token')).toBe(2);
    expect(await run()).toBe(2);
    expect(await run('list', 'x')).toBe(2);
  });
});
