/**
 * @module SIP client transactions over UDP, TCP and TLS (RFC 3261 §17.1.2, §18). A connection
 * sends requests built with `buildRequest` and resolves with the final response matched by top
 * Via branch and CSeq; provisional 1xx answers are noted and waited past. Over UDP the request is
 * retransmitted on Timer A (500 ms, doubling, at most T2 = 4 s) until the deadline. Nothing
 * throws: failures are results, sockets are always closed by `close()` (idempotent).
 *
 * @example
 * const opened = await openSipConnection({ transport: 'UDP', host: '127.0.0.1', port: 5060 }, { timeoutMs: 2000 });
 * if (opened.ok) {
 *   const req = buildRequest({ method: 'OPTIONS', uri, via: { transport: 'UDP', ...opened.connection.local }, from });
 *   const outcome = await opened.connection.request(req, 'OPTIONS', 2000);
 *   opened.connection.close();
 * }
 */
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import type { BuiltRequest, SipTransportName } from './build.ts';
import { takeSipFrame } from './framing.ts';
import { parseSipMessage, type SipMessage } from './message.ts';

export interface SipEndpoint {
  transport: SipTransportName;
  host: string;
  port: number;
  /** TLS: server name for SNI and certificate check (defaults to `host` unless it is an IP). */
  serverName?: string;
  /** TLS: false accepts self-signed lab certificates. Default true. */
  rejectUnauthorized?: boolean;
  /** TLS: extra trusted CA certificates (PEM). */
  ca?: string;
}

export type TransactionOutcome =
  | { ok: true; response: SipMessage; transmissions: number; provisionals: number }
  | { ok: false; error: 'timeout' | 'aborted' | 'closed' | 'refused'; detail: string; transmissions: number };

export interface SipConnection {
  /** Local address and port, for the Via and Contact of requests sent on this connection. */
  readonly local: { host: string; port: number };
  request(built: BuiltRequest, method: string, timeoutMs: number): Promise<TransactionOutcome>;
  close(): void;
}

export type OpenResult =
  | { ok: true; connection: SipConnection }
  | { ok: false; error: 'timeout' | 'aborted' | 'refused'; detail: string };

const t1 = 500;
const t2 = 4000;

interface Pending {
  branch: string;
  cseq: number;
  method: string;
  transmissions: number;
  provisionals: number;
  settle: (outcome: TransactionOutcome) => void;
}

export async function openSipConnection(
  endpoint: SipEndpoint,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<OpenResult> {
  if (options.signal?.aborted) return { ok: false, error: 'aborted', detail: 'aborted' };
  return endpoint.transport === 'UDP' ? openUdp(endpoint, options) : openStream(endpoint, options);
}

/** Shared by every transport: routes responses to their transaction, fails all on close/abort. */
class Transactions {
  readonly #pending = new Map<string, Pending>();
  #closedReason: { error: 'closed' | 'refused' | 'aborted'; detail: string } | undefined;

  deliver(bytes: Uint8Array): void {
    const parsed = parseSipMessage(bytes);
    if (!parsed.ok || parsed.message.kind !== 'response' || !parsed.message.viaBranch) return;
    const m = parsed.message;
    const p = this.#pending.get(m.viaBranch!);
    if (!p || m.cseq.seq !== p.cseq || m.cseq.method !== p.method) return;
    if (m.kind === 'response' && m.status < 200) {
      p.provisionals++;
      return;
    }
    this.#pending.delete(p.branch);
    p.settle({ ok: true, response: m, transmissions: p.transmissions, provisionals: p.provisionals });
  }

  failAll(error: 'closed' | 'refused' | 'aborted', detail: string): void {
    this.#closedReason ??= { error, detail };
    for (const p of this.#pending.values())
      p.settle({ ok: false, error, detail, transmissions: p.transmissions });
    this.#pending.clear();
  }

  /** Runs one transaction; `send` transmits once, `retransmit` says whether to use Timer A. */
  run(built: BuiltRequest, method: string, timeoutMs: number, send: () => void, retransmit: boolean) {
    return new Promise<TransactionOutcome>((resolve) => {
      if (this.#closedReason) return resolve({ ...this.#closedReason, ok: false, transmissions: 0 });
      const timers: NodeJS.Timeout[] = [];
      const pending: Pending = {
        branch: built.branch,
        cseq: built.cseq,
        method,
        transmissions: 0,
        provisionals: 0,
        settle: (outcome) => {
          for (const t of timers) clearTimeout(t);
          resolve(outcome);
        },
      };
      this.#pending.set(built.branch, pending);
      const transmit = (interval: number) => {
        if (!this.#pending.has(built.branch)) return;
        pending.transmissions++;
        try {
          send();
        } catch (err) {
          // A socket closed underneath (shutdown) must end the transaction, not escape a timer.
          this.#pending.delete(built.branch);
          const detail = `send failed: ${err instanceof Error ? err.message : String(err)}`;
          return pending.settle({ ok: false, error: 'closed', detail, transmissions: pending.transmissions });
        }
        // After a provisional answer the peer has the request: RFC 3261 §17.1.2.2 retransmits at T2.
        const next = pending.provisionals > 0 ? t2 : Math.min(interval * 2, t2);
        if (retransmit)
          timers.push(setTimeout(() => transmit(next), pending.provisionals > 0 ? t2 : interval));
      };
      timers.push(
        setTimeout(() => {
          this.#pending.delete(built.branch);
          const n = pending.transmissions;
          pending.settle({
            ok: false,
            error: 'timeout',
            detail: `timeout after ${timeoutMs} ms (${n} transmission${n === 1 ? '' : 's'})`,
            transmissions: n,
          });
        }, timeoutMs),
      );
      transmit(t1);
    });
  }
}

function openUdp(
  endpoint: SipEndpoint,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<OpenResult> {
  const socket = dgram.createSocket(net.isIPv6(endpoint.host) ? 'udp6' : 'udp4');
  const tx = new Transactions();
  let closed = false;
  let settleOpen: (result: OpenResult) => void = () => {};
  const close = () => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', onAbort);
    tx.failAll('closed', 'connection closed');
    socket.close();
  };
  const onAbort = () => {
    tx.failAll('aborted', 'aborted');
    settleOpen({ ok: false, error: 'aborted', detail: 'aborted' });
    close();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  socket.on('message', (msg) => tx.deliver(msg));
  socket.on('error', (err: NodeJS.ErrnoException) => {
    // A connected UDP socket reports the peer's ICMP port unreachable as ECONNREFUSED.
    const refused = err.code === 'ECONNREFUSED';
    tx.failAll(
      refused ? 'refused' : 'closed',
      refused ? 'port unreachable (ICMP)' : `socket error ${err.code}`,
    );
    settleOpen({ ok: false, error: 'refused', detail: `${err.code ?? 'error'}: ${err.message}` });
  });
  return new Promise((resolve) => {
    let settled = false;
    settleOpen = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) close();
      resolve(result);
    };
    const timer = setTimeout(
      () => settleOpen({ ok: false, error: 'timeout', detail: `could not reach ${endpoint.host} in time` }),
      options.timeoutMs,
    );
    socket.connect(endpoint.port, endpoint.host, (err?: Error) => {
      if (err || closed) return settleOpen({ ok: false, error: 'refused', detail: err?.message ?? 'closed' });
      const address = socket.address();
      settleOpen({
        ok: true,
        connection: {
          local: { host: address.address, port: address.port },
          request: (built, method, timeoutMs) =>
            tx.run(built, method, timeoutMs, () => socket.send(built.text, () => {}), true),
          close,
        },
      });
    });
  });
}

function openStream(
  endpoint: SipEndpoint,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<OpenResult> {
  const socket =
    endpoint.transport === 'TLS'
      ? tls.connect({
          host: endpoint.host,
          port: endpoint.port,
          servername: endpoint.serverName ?? (net.isIP(endpoint.host) ? undefined : endpoint.host),
          rejectUnauthorized: endpoint.rejectUnauthorized ?? true,
          ...(endpoint.ca ? { ca: endpoint.ca } : {}),
        })
      : net.connect({ host: endpoint.host, port: endpoint.port });
  const tx = new Transactions();
  let buffer: Uint8Array = new Uint8Array(0);
  let closed = false;
  let settleOpen: (result: OpenResult) => void = () => {};
  const close = () => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', onAbort);
    tx.failAll('closed', 'connection closed');
    socket.destroy();
  };
  const onAbort = () => {
    tx.failAll('aborted', 'aborted');
    settleOpen({ ok: false, error: 'aborted', detail: 'aborted' });
    close();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      const frame = takeSipFrame(buffer);
      if (frame.kind === 'incomplete') break;
      if (frame.kind === 'invalid') {
        tx.failAll('closed', `peer sent an unreadable stream (${frame.reason})`);
        return close();
      }
      buffer = frame.rest;
      tx.deliver(frame.frame);
    }
  });
  socket.on('close', () => {
    tx.failAll('closed', 'connection closed by peer');
    close();
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: OpenResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) close();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, error: 'timeout', detail: `connect timeout after ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    settleOpen = settle;
    socket.on('error', (err: NodeJS.ErrnoException) => {
      tx.failAll('closed', `socket error ${err.code ?? err.message}`);
      settle({ ok: false, error: 'refused', detail: `${err.code ?? 'error'}: ${err.message}` });
    });
    socket.once(endpoint.transport === 'TLS' ? 'secureConnect' : 'connect', () => {
      const connection: SipConnection = {
        local: { host: socket.localAddress ?? '127.0.0.1', port: socket.localPort ?? 0 },
        request: (built, method, timeoutMs) =>
          tx.run(built, method, timeoutMs, () => socket.write(built.text), false),
        close,
      };
      settle({ ok: true, connection });
    });
  });
}
