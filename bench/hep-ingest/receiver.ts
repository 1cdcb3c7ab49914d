/**
 * @module Benchmark receiver (its own process, one core): either a bare Node UDP socket that only
 * counts packets (the limit of what Node can take in), or dialtone's HEP collector (decode,
 * match the peer, parse SIP, aggregate into windows). Prints `{"port": n}` when ready; on
 * `count` from the parent (IPC) answers with what it counted; on `stop` exits.
 *
 *   node bench/hep-ingest/receiver.ts <bare|collector>
 */
import { createSocket } from 'node:dgram';
import { startHepCollector } from '#src/adapters/hep/collector.ts';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { peer } from './packets.ts';

const mode = process.argv[2];
const silent = { warn() {}, error() {}, info() {} };
const started = process.cpuUsage();

function cpuSeconds(): number {
  const u = process.cpuUsage(started);
  return (u.user + u.system) / 1e6;
}

if (mode === 'bare') {
  let packets = 0;
  const socket = createSocket({ type: 'udp4', recvBufferSize: 8 * 1024 * 1024 });
  socket.on('message', () => {
    packets++;
  });
  socket.bind(0, '127.0.0.1', () => process.send!({ port: socket.address().port }));
  process.on('message', (m) => {
    if (m === 'count') process.send!({ received: packets, cpuSeconds: cpuSeconds() });
    if (m === 'stop') socket.close(() => process.exit(0));
  });
} else {
  let windows = 0;
  const matcher = new PeerMatcher([{ id: 'bench-peer', match: peer.ip, port: peer.port }]);
  const collector = await startHepCollector({
    host: '127.0.0.1',
    port: 0,
    matcher: () => matcher,
    // The store write is left out: one upsert per peer per 10 s is not what limits ingest.
    onWindows: async (w) => {
      windows += w.length;
    },
    log: silent,
  });
  process.send!({ port: collector.udpPort });
  process.on('message', async (m) => {
    if (m === 'count') {
      await collector.flush(true);
      const s = collector.stats;
      process.send!({
        received: s.packets.udp,
        decoded: s.decoded,
        dropped: s.dropped,
        unmatched: s.unmatched,
        windows,
        cpuSeconds: cpuSeconds(),
      });
    }
    if (m === 'stop') await collector.stop().then(() => process.exit(0));
  });
}
