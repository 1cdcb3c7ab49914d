import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { liveness } from '#src/jobs/liveness.ts';
import { seedMiniCatalog, testContext } from '../../../test/support/factories.ts';
import { encodeHep } from './encode.ts';
import { startTelemetry } from './start-telemetry.ts';

const silent = { warn() {}, error() {}, info() {} };
let store: Store;

beforeAll(async () => {
  store = await openStore({ sqliteFile: ':memory:' });
  await seedMiniCatalog(store);
  await store.db
    .insertInto('telemetry_peers')
    .values({
      id: 'uas',
      component_id: 'sip-trunk',
      name_de: 'U',
      name_en: 'U',
      match: '127.0.0.2',
      port: null,
      position: 0,
    })
    .execute();
});
afterAll(() => store.close());

/** A port free right now for UDP and TCP (the OS picks it; closed again before use). */
async function freePort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

it('with port 0 starts no collector but keeps the retention job', async () => {
  const t = await startTelemetry({
    config: { hepPort: 0, hepHost: '::', hepAuthKey: undefined },
    ctx: testContext(store),
    log: silent,
  });
  expect(t.collector).toBeNull();
  expect(t.jobs.map((j) => j.name)).toEqual(['telemetry-retention']);
  await t.stop();
});

it('keeps running without a collector when the HEP port is taken, and says so', async () => {
  const busy = createSocket('udp4');
  await new Promise<void>((r) => busy.bind(0, '127.0.0.1', () => r()));
  const errors: string[] = [];
  const t = await startTelemetry({
    config: { hepPort: busy.address().port, hepHost: '127.0.0.1', hepAuthKey: undefined },
    ctx: testContext(store),
    log: { ...silent, error: (_o: unknown, msg: string) => void errors.push(msg) } as never,
  });
  expect(t.collector).toBeNull();
  expect(errors[0]).toContain('DIALTONE_HEP_PORT');
  await t.stop();
  busy.close();
});

it('collects HEP into stored windows of the catalog’s peers, and reports liveness', async () => {
  const t = await startTelemetry({
    config: { hepPort: await freePort(), hepHost: '127.0.0.1', hepAuthKey: undefined },
    ctx: testContext(store),
    log: silent,
  });
  expect(liveness.parts().map((p) => p.name)).toContain('hep-collector');
  const sip = 'INVITE sip:x@y SIP/2.0\r\nCall-ID: s1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
  const packet = encodeHep({
    srcIp: '127.0.0.1',
    srcPort: 5060,
    dstIp: '127.0.0.2',
    dstPort: 5080,
    payload: sip,
  });
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.send(packet, t.collector!.udpPort, '127.0.0.1', () => r()));
  s.close();
  for (let i = 0; i < 200 && t.collector!.stats.decoded < 1; i++) await new Promise((r) => setTimeout(r, 10));
  await t.stop();
  expect(liveness.parts().map((p) => p.name)).not.toContain('hep-collector');
  const rows = await store.db.selectFrom('telemetry_windows').selectAll().execute();
  expect(rows.map((r) => [r.peer_id, r.invites])).toEqual([['uas', 1]]);
  expect((await store.db.selectFrom('telemetry_hourly').select('invites').execute())[0]?.invites).toBe(1);
});
