/**
 * @module Benchmark sender (its own process): sends the call packets over UDP to 127.0.0.1,
 * either as fast as it can (`max`) or paced at `rate` packets/s (`paced`), for `seconds`, then
 * prints `{"sent": n}`. Each run uses fresh Call-IDs (the `seed` argument).
 *
 *   node bench/hep-ingest/sender.ts <port> <max|paced> <seconds> [rate] [seed]
 */
import { createSocket } from 'node:dgram';
import { CallStream } from './packets.ts';

const [portArg, mode, secondsArg, rateArg, seed = 's'] = process.argv.slice(2);
const port = Number(portArg);
const seconds = Number(secondsArg);
const rate = Number(rateArg ?? 0);
// Every call distinct (fresh Call-IDs), as on a real trunk.
const stream = new CallStream(seed);
const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
socket.connect(port, '127.0.0.1', () => void run());

let sent = 0;
let inFlight = 0;

function sendOne(): void {
  inFlight++;
  socket.send(stream.next(), () => {
    inFlight--;
  });
  sent++;
}

async function run(): Promise<void> {
  const start = performance.now();
  const end = start + seconds * 1000;
  if (mode === 'max') {
    // Keep a bounded number of sends queued in libuv so memory stays flat.
    while (performance.now() < end) {
      while (inFlight < 512) sendOne();
      await new Promise((r) => setImmediate(r));
    }
  } else {
    // Paced: every millisecond or so, catch up to where `rate` says we should be.
    while (performance.now() < end) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      while (sent < due && inFlight < 4096) sendOne();
      await new Promise((r) => setTimeout(r, 1));
    }
    const due = seconds * rate;
    while (sent < due) {
      while (sent < due && inFlight < 4096) sendOne();
      await new Promise((r) => setImmediate(r));
    }
  }
  while (inFlight > 0) await new Promise((r) => setImmediate(r));
  const elapsed = (performance.now() - start) / 1000;
  process.stdout.write(`${JSON.stringify({ sent, seconds: elapsed })}\n`);
  socket.close();
}
