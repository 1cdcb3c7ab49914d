/**
 * @module HEP v3 collector: a UDP listener (one packet per datagram) and a TCP listener (packets
 * framed by their length field, reassembled across segments) on the same port. Packets are
 * decoded, counted by drop reason, and aggregated per peer into 10-second windows; closed windows
 * are handed to `onWindows` (the store) once a second. Beats the liveness registry on each flush.
 * Runs without the web server (wired in main.ts).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { PeerMatcher } from '#src/domain/peer-address.ts';
import type { Liveness } from '#src/jobs/liveness.ts';
import { Aggregator, type ClosedWindow } from './aggregator.ts';
import { decodeHep, type HepDropReason, hepFrameLength } from './decode.ts';
import { inflate } from './inflate.ts';

export interface CollectorOptions {
  host: string;
  /** UDP and TCP port; 0 picks a free one (tests). */
  port: number;
  authKey?: string | undefined;
  matcher: () => PeerMatcher;
  onWindows: (windows: ClosedWindow[]) => Promise<unknown>;
  /** Epoch ms now (windows follow this clock). */
  nowMs?: () => number;
  log: Pick<Logger, 'warn' | 'error' | 'info'>;
  liveness?: Liveness | undefined;
  /** How often closed windows are written (ms). */
  flushEveryMs?: number;
  /** Concurrent TCP connections (capture agents); more are refused. */
  maxConnections?: number;
  /** A TCP connection silent this long is closed (ms). */
  idleTimeoutMs?: number;
}

export type CollectorDropReason =
  | HepDropReason
  | 'not_sip'
  | 'sip_unparsable'
  | 'tcp_out_of_sync'
  | 'internal_error';

export interface CollectorStats {
  packets: { udp: number; tcp: number };
  bytes: { udp: number; tcp: number };
  decoded: number;
  dropped: Partial<Record<CollectorDropReason, number>>;
  /** Packets between addresses that are no configured peer (normal on a shared proxy). */
  unmatched: number;
  /** Transactions not tracked because the table was full (their answers are not counted). */
  untracked: number;
  windowsFlushed: number;
  flushFailures: number;
  /** Windows dropped after failed writes beyond `maxRetainedWindows`. */
  windowsLost: number;
  connectionsRefused: number;
}

export interface HepCollector {
  udpPort: number;
  tcpPort: number;
  stats: CollectorStats;
  /** Transactions the aggregator remembers now. */
  tracked(): number;
  /** Writes every closed window now (tests; stop() writes the open ones too). */
  flush(all?: boolean): Promise<void>;
  stop(): Promise<void>;
}

export const livenessName = 'hep-collector';
/** Closed windows kept for a retry while the store is unreachable (one per peer per 10 s). */
export const maxRetainedWindows = 50_000;

export async function startHepCollector(options: CollectorOptions): Promise<HepCollector> {
  const nowMs = options.nowMs ?? Date.now;
  const aggregator = new Aggregator(options.matcher);
  const authKey = options.authKey ? new TextEncoder().encode(options.authKey) : undefined;
  const decodeOptions = { authKey, inflate };
  const stats: CollectorStats = {
    packets: { udp: 0, tcp: 0 },
    bytes: { udp: 0, tcp: 0 },
    decoded: 0,
    dropped: {},
    unmatched: 0,
    untracked: 0,
    windowsFlushed: 0,
    flushFailures: 0,
    windowsLost: 0,
    connectionsRefused: 0,
  };
  const drop = (reason: CollectorDropReason) => {
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
  };
  const ingest = (bytes: Uint8Array) => {
    const r = decodeHep(bytes, decodeOptions);
    if (!r.ok) return drop(r.reason);
    stats.decoded++;
    try {
      aggregator.add(r.packet, nowMs());
    } catch (err) {
      // Decoder and SIP scan are total; this guards the listener against a bug we do not know of.
      drop('internal_error');
      options.log.error({ err }, 'HEP packet could not be counted');
    }
  };

  const udp = await bindUdp(options.host, options.port, (msg) => {
    stats.packets.udp++;
    stats.bytes.udp += msg.length;
    ingest(msg);
  });
  const udpPort = udp.address().port;
  const tcp = await listenTcp(
    options,
    options.port === 0 ? udpPort : options.port,
    stats,
    (frame) => {
      stats.packets.tcp++;
      ingest(frame);
    },
    drop,
  );

  let flushing: Promise<void> = Promise.resolve();
  // Windows a failed write left behind are tried again with the next flush (bounded: a database
  // that stays away for long loses the oldest, counted as windowsLost).
  let retry: ClosedWindow[] = [];
  const flush = (all = false) => {
    flushing = flushing.then(async () => {
      const windows = [...retry, ...aggregator.closeWindows(nowMs(), all)];
      retry = [];
      syncEvents(aggregator, stats);
      if (windows.length > 0) {
        try {
          await options.onWindows(windows);
          stats.windowsFlushed += windows.length;
        } catch (err) {
          stats.flushFailures++;
          retry = windows.slice(-maxRetainedWindows);
          stats.windowsLost += windows.length - retry.length;
          options.log.error(
            { err, windows: windows.length },
            'telemetry windows could not be stored; retrying',
          );
        }
      }
      options.liveness?.beat(livenessName);
    });
    return flushing;
  };
  const flushEveryMs = options.flushEveryMs ?? 1_000;
  // Expected beat: the window length, so a slow database write does not read as a stall.
  options.liveness?.register(livenessName, Math.max(flushEveryMs, 10_000));
  const timer = setInterval(() => void flush(), flushEveryMs);
  options.log.info({ udpPort, tcpPort: tcpPort(tcp), host: options.host }, 'HEP collector listening');

  return {
    udpPort,
    tcpPort: tcpPort(tcp),
    stats,
    tracked: () => aggregator.tracked,
    flush,
    async stop() {
      clearInterval(timer);
      options.liveness?.unregister(livenessName);
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await closeTcp(tcp);
      await flush(true);
    },
  };
}

function syncEvents(aggregator: Aggregator, stats: CollectorStats): void {
  const e = aggregator.events;
  stats.unmatched = e.unmatched;
  stats.untracked = e.tracking_full;
  stats.dropped.not_sip = e.not_sip;
  stats.dropped.sip_unparsable = e.sip_unparsable;
}

function tcpPort(server: Server): number {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
}

async function bindUdp(host: string, port: number, onMessage: (msg: Buffer) => void): Promise<UdpSocket> {
  // An IPv6 socket on `::` also receives IPv4 (dual stack); an IPv4 host gets an IPv4 socket.
  const socket = createSocket({
    type: host.includes(':') ? 'udp6' : 'udp4',
    recvBufferSize: 8 * 1024 * 1024,
  });
  socket.on('message', onMessage);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

async function listenTcp(
  options: CollectorOptions,
  port: number,
  stats: CollectorStats,
  onFrame: (frame: Uint8Array) => void,
  drop: (reason: CollectorDropReason) => void,
): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    readFrames(socket, options.idleTimeoutMs ?? 300_000, stats, onFrame, drop);
  });
  openSockets.set(server, sockets);
  server.maxConnections = options.maxConnections ?? 64;
  server.on('drop', () => {
    stats.connectionsRefused++;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Cuts a byte stream into HEP packets by their length field; bytes outside a frame end it. */
function readFrames(
  socket: Socket,
  idleTimeoutMs: number,
  stats: CollectorStats,
  onFrame: (frame: Uint8Array) => void,
  drop: (reason: CollectorDropReason) => void,
): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    stats.bytes.tcp += chunk.length;
    let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    for (;;) {
      const length = hepFrameLength(buf, at);
      if (length === 'truncated') break;
      if (typeof length === 'string') {
        // Not HEP at a frame boundary: the stream cannot be re-synchronised safely.
        drop('tcp_out_of_sync');
        socket.destroy();
        return;
      }
      if (buf.length - at < length) break;
      onFrame(buf.subarray(at, at + length));
      at += length;
    }
    // Copy the partial frame (≤ 64 KiB by the uint16 length) so the chunk can be freed.
    buf = buf.subarray(at);
    pending = buf.length > 0 ? Buffer.from(buf) : Buffer.alloc(0);
  });
}

/** Connections of each TCP listener, so stop() can end them (net.Server does not list them). */
const openSockets = new WeakMap<Server, Set<Socket>>();

async function closeTcp(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of openSockets.get(server) ?? []) s.destroy();
  });
}
