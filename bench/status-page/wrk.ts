/**
 * @module Runs wrk against a URL and parses what it prints: requests per second, latency
 * percentiles (ms) and errors (socket errors and non-2xx/3xx responses).
 */
import { spawnSync } from 'node:child_process';

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  raw: string;
}

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

export function parseWrk(raw: string): WrkResult {
  const num = (re: RegExp) => Number(re.exec(raw)?.[1] ?? Number.NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(raw);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(raw);
  return {
    requestsPerSecond: num(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: toMs(/\n\s+50%\s+(\S+)/.exec(raw)?.[1] ?? ''),
    p99Ms: toMs(/\n\s+99%\s+(\S+)/.exec(raw)?.[1] ?? ''),
    requests: num(/(\d+) requests in/),
    errors: socketErrors + (non2xx ? Number(non2xx[1]) : 0),
    raw,
  };
}

export function runWrk(
  url: string,
  o: { threads: number; connections: number; seconds: number; headers?: Record<string, string> },
): WrkResult {
  const args = [
    '-t',
    String(o.threads),
    '-c',
    String(o.connections),
    '-d',
    `${o.seconds}s`,
    '--latency',
    '--timeout',
    '5s',
  ];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}: ${v}`);
  args.push(url);
  const r = spawnSync('wrk', args, { encoding: 'utf8', timeout: (o.seconds + 30) * 1000 });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  return parseWrk(r.stdout);
}
