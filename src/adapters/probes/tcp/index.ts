/**
 * @module TCP connect probe: up when the three-way handshake completes within the timeout; the
 * connect time is the round-trip time. The connection is closed at once, nothing is sent.
 *
 * @example
 * await probeTcp({ host: 'db.example.net', port: 5432, timeoutMs: 2000 });
 * // → { outcome: 'up', rttMs: 3, detail: 'connected' }
 */
import { connect } from 'node:net';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export interface TcpProbeSettings {
  host: string;
  port: number;
  timeoutMs: number;
}

export function probeTcp(settings: TcpProbeSettings, options: ProbeOptions = {}): Promise<ProbeResult> {
  const started = performance.now();
  const rtt = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host: settings.host, port: settings.port });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ outcome: 'down', rttMs: rtt(), detail: 'aborted' });
    const timer = setTimeout(
      () => finish({ outcome: 'down', rttMs: rtt(), detail: `timeout after ${settings.timeoutMs} ms` }),
      settings.timeoutMs,
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ outcome: 'up', rttMs: rtt(), detail: 'connected' }));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      finish({ outcome: 'down', rttMs: rtt(), detail: err.code ?? err.message }),
    );
  });
}
