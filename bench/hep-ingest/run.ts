/**
 * @module Benchmark: HEP ingest. Three parts in one run, each receiver and sender its own process
 * on loopback (stopped by PID when done):
 *  1. Peak: a sender blasts UDP as fast as it can for `--seconds`; received packets/s of a bare
 *     Node socket that only counts (the limit) against dialtone's collector (decode, peer match,
 *     SIP parse, 10-second aggregation), and each receiver's CPU use.
 *  2. Pure: decode + aggregate in one process from memory, packets/s on one core (no socket).
 *  3. Sustained: `--rate` packets/s (default 50 000) for `--sustain` seconds (default 60) into the
 *     collector; every packet must be received and decoded (zero loss).
 * Figures go to docs/BENCHMARKS.md.
 *
 *   npm run bench:hep-ingest -- [--seconds 5] [--rate 50000] [--sustain 60]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Aggregator } from '#src/adapters/hep/aggregator.ts';
import { decodeHep } from '#src/adapters/hep/decode.ts';
import { inflate } from '#src/adapters/hep/inflate.ts';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { CallStream, peer } from './packets.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rate: { type: 'string', default: '50000' },
    sustain: { type: 'string', default: '60' },
  },
});
const peakSeconds = Number(values.seconds);
const rate = Number(values.rate);
const sustainSeconds = Number(values.sustain);
const here = new URL('.', import.meta.url).pathname;
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.pid) process.kill(c.pid);
});

interface Counts {
  received: number;
  decoded?: number;
  dropped?: Record<string, number>;
  cpuSeconds: number;
}

async function startReceiver(mode: 'bare' | 'collector') {
  const child = fork(`${here}receiver.ts`, [mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const { port } = await new Promise<{ port: number }>((r) => child.once('message', (m) => r(m as never)));
  return {
    port,
    async counts(): Promise<Counts> {
      child.send('count');
      return new Promise((r) => child.once('message', (m) => r(m as Counts)));
    },
    async stop() {
      child.send('stop');
      await new Promise((r) => child.once('exit', r));
      children.delete(child);
    },
  };
}

async function send(port: number, mode: 'max' | 'paced', seconds: number, seed: string, pps = 0) {
  const child = fork(`${here}sender.ts`, [String(port), mode, String(seconds), String(pps), seed], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  await new Promise((r) => child.once('exit', r));
  children.delete(child);
  return JSON.parse(out) as { sent: number; seconds: number };
}

const settle = () => new Promise((r) => setTimeout(r, 1_000));
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function peak(mode: 'bare' | 'collector') {
  const receiver = await startReceiver(mode);
  const before = await receiver.counts();
  const sent = await send(receiver.port, 'max', peakSeconds, `p${mode}`);
  await settle();
  const after = await receiver.counts();
  await receiver.stop();
  const received = after.received - before.received;
  return {
    mode,
    sent: sent.sent,
    received,
    perSecond: received / sent.seconds,
    lost: sent.sent - received,
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    cpuShare: (after.cpuSeconds - before.cpuSeconds) / (sent.seconds + 1),
    decoded: after.decoded,
  };
}

function pure(seconds: number) {
  // Packets built before timing: the loop measures decode + aggregate only.
  const stream = new CallStream('pure');
  const packets = Array.from({ length: 300_000 }, () => stream.next().slice());
  const matcher = new PeerMatcher([{ id: 'bench-peer', match: peer.ip, port: peer.port }]);
  const agg = new Aggregator(() => matcher);
  let n = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 10_000; i++) {
      const r = decodeHep(packets[n % packets.length]!, { inflate });
      if (r.ok) agg.add(r.packet, 1_763_780_000_000 + n);
      n++;
    }
  }
  const used = process.cpuUsage(cpu);
  return {
    wall: n / ((performance.now() - start) / 1000),
    perCpuSecond: n / ((used.user + used.system) / 1e6),
  };
}

async function sustained() {
  const receiver = await startReceiver('collector');
  const sent = await send(receiver.port, 'paced', sustainSeconds, 'sustain', rate);
  await settle();
  const c = await receiver.counts();
  await receiver.stop();
  return {
    sent: sent.sent,
    seconds: sent.seconds,
    received: c.received,
    decoded: c.decoded ?? 0,
    dropped: c.dropped,
  };
}

const bare = await peak('bare');
const collector = await peak('collector');
const pureRate = pure(peakSeconds);
console.log(`\nHEP ingest, peak over UDP (${peakSeconds} s blast from a separate sender process):`);
for (const r of [bare, collector]) {
  console.log(
    `  ${r.mode.padEnd(9)} received ${fmt(r.perSecond)} packets/s (sent ${fmt(r.sent)}, lost ${fmt(r.lost)}, receiver CPU ${(r.cpuShare * 100).toFixed(0)} %, ${fmt(r.received / r.cpuSeconds)} packets per CPU-second)`,
  );
}
console.log(
  `  collector / bare = ${(collector.perSecond / bare.perSecond).toFixed(2)} (received/s), ${(collector.received / collector.cpuSeconds / (bare.received / bare.cpuSeconds)).toFixed(2)} (per CPU-second)`,
);
console.log(
  `Decode + aggregate from memory, one core: ${fmt(pureRate.wall)} packets/s wall, ${fmt(pureRate.perCpuSecond)} packets per CPU-second`,
);
const s = await sustained();
console.log(
  `Sustained ${fmt(rate)} packets/s for ${s.seconds.toFixed(1)} s: sent ${fmt(s.sent)}, received ${fmt(s.received)}, decoded ${fmt(s.decoded)}, lost ${fmt(s.sent - s.received)}, dropped ${JSON.stringify(s.dropped)}`,
);
console.log(s.sent === s.received && s.decoded === s.sent ? '  zero loss: yes' : '  zero loss: NO');
