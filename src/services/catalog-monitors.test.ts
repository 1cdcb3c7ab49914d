import { beforeEach, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import type { CatalogDocument } from '#src/domain/catalog.ts';
import { formatChange } from '#src/domain/catalog-diff.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { exportCatalog } from './export-catalog.ts';

function parse(text: string): CatalogDocument {
  const r = parseCatalogFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

const catalog = (monitors: string, alerting = '') => `
components:
  - {id: sbc, name: SBC${alerting}}
  - {id: billing, name: Billing}
monitors:
${monitors}`;

const two = `  - id: sbc-options
    component: sbc
    kind: sip-options
    name: {de: SBC antwortet, en: SBC answers}
    target: sip:sbc.example.net;transport=udp
    interval: 30s
  - id: billing-run
    component: billing
    kind: heartbeat
    name: Abrechnungslauf
    settings: {periodSeconds: 86400, graceSeconds: 3600}
`;

describeEachStore('catalog monitors and alerting', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('monitors').execute();
    await getStore().db.deleteFrom('components').execute();
  });

  it('creates monitors with an unknown state, exports them back unchanged, and keeps the token on update', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const first = await applyCatalog({
      ctx,
      input: { document: parse(catalog(two, ', alerting: {policy: auto}')) },
    });
    expect(first.changes.map(formatChange)).toEqual([
      '+ component sbc',
      '+ component billing',
      '+ monitor sbc-options',
      '+ monitor billing-run',
    ]);
    const db = getStore().db;
    expect(
      await db
        .selectFrom('monitor_state')
        .select(['monitor_id', 'state', 'since'])
        .orderBy('monitor_id')
        .execute(),
    ).toEqual([
      { monitor_id: 'billing-run', state: 'unknown', since: '2026-11-20T10:00:00.000Z' },
      { monitor_id: 'sbc-options', state: 'unknown', since: '2026-11-20T10:00:00.000Z' },
    ]);
    expect(
      await db
        .selectFrom('components')
        .select(['id', 'alert_policy', 'resolve_policy'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { id: 'billing', alert_policy: 'confirm', resolve_policy: 'propose' },
      { id: 'sbc', alert_policy: 'auto', resolve_policy: 'propose' },
    ]);

    const exported = await exportCatalog(db);
    expect(exported).toContain('interval: 30s');
    expect(exported).toMatch(/alerting:\s+policy: auto\s+resolve: propose/);
    expect((await applyCatalog({ ctx, input: { document: parse(exported) } })).changes).toEqual([]);

    await db
      .updateTable('monitors')
      .set({ heartbeat_token_hash: 'h' })
      .where('id', '=', 'billing-run')
      .execute();
    const changed = two
      .replace('graceSeconds: 3600', 'graceSeconds: 600')
      .replace('interval: 30s', 'enabled: false');
    const second = await applyCatalog({ ctx, input: { document: parse(catalog(changed)) } });
    expect(second.changes.map(formatChange)).toEqual([
      '~ component sbc: alerting',
      '~ monitor sbc-options: intervalMs, enabled',
      '~ monitor billing-run: settings',
    ]);
    const hb = await db
      .selectFrom('monitors')
      .selectAll()
      .where('id', '=', 'billing-run')
      .executeTakeFirstOrThrow();
    expect(hb).toMatchObject({
      heartbeat_token_hash: 'h',
      settings: '{"periodSeconds":86400,"graceSeconds":600}',
    });

    const third = await applyCatalog({
      ctx,
      input: { document: parse(catalog(two.split('  - id: billing-run')[0]!)) },
    });
    expect(third.changes.map(formatChange)).toContain('- monitor billing-run');
    expect(await db.selectFrom('monitor_state').select('monitor_id').execute()).toEqual([
      { monitor_id: 'sbc-options' },
    ]);
  });
});
