/**
 * @module Real telephony peers for tests: Kamailio (stateful proxy with siptrace mirroring every
 * message as HEP v3, digest registrar without a database) and SIPp processes (UAS/UAC scenarios
 * from `test/fixtures/sipp/`). Everything listens on 127.0.0.1 on free ports, rates and counts
 * are bounded, and every process is stopped by its PID (`stop()`, idempotent; `stopAll` in
 * afterAll). Without the binaries a test skips with a printed reason; with `CI=true` it fails.
 *
 * @example
 * const skip = telephonySkipReason();
 * describe.skipIf(skip)('…', () => {
 *   const uas = await startSipp({ scenario: 'uas-options.xml', port: await freePort() });
 *   afterAll(() => stopAll());
 * });
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipOrFail } from './peers.ts';

export const sippFixtures = fileURLToPath(new URL('../fixtures/sipp/', import.meta.url));

const kamailioModules = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];

/**
 * Where a program is: on PATH, or in sbin, which a non-login PATH (CI, cron) may lack — Debian
 * installs kamailio to /usr/sbin. Null when it is nowhere.
 */
function binary(name: string): string | null {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return onPath.stdout.trim();
  return (
    ['/usr/sbin', '/sbin', '/usr/local/sbin'].map((d) => join(d, name)).find((p) => existsSync(p)) ?? null
  );
}
const hasBinary = (name: string) => binary(name) !== null;

/** Reason to skip (printed), undefined when Kamailio and SIPp are installed; throws under CI. */
export function telephonySkipReason(): string | undefined {
  const missing = ['kamailio', 'sipp'].filter((b) => !hasBinary(b));
  if (missing.length === 0) return undefined;
  return skipOrFail('Kamailio/SIPp', `${missing.join(', ')} not installed (Debian: kamailio sip-tester)`);
}

const running = new Set<PeerProcess>();
// A worker that dies without afterAll must not leave SIPp or Kamailio behind: kill by PID at exit.
process.once('exit', () => {
  for (const peer of running) {
    try {
      process.kill(-peer.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface PeerProcess {
  pid: number;
  port: number;
  /** Process output so far, for failure messages. */
  log(): string;
  /** SIGSTOP: the process keeps its port but answers nothing (a hung peer, not a closed one). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  stop(): Promise<void>;
}

/** A port free for both UDP and TCP on 127.0.0.1 (SIP uses both on one number). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const s = dgram.createSocket('udp4');
      s.once('error', () => resolve(false));
      s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free port found');
}

/**
 * Peers run in their own process group (spawned detached), so a signal reaches Kamailio's forked
 * children too: the group id is the PID we started.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function track(child: ChildProcess, port: number, name: string): PeerProcess {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const peer: PeerProcess = {
    pid: child.pid ?? -1,
    port,
    log: () => `${name} (pid ${child.pid}):\n${output}`,
    pause: () => signalGroup(child, 'SIGSTOP'),
    resume: () => signalGroup(child, 'SIGCONT'),
    stop: async () => {
      running.delete(peer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A stopped process does not act on SIGTERM until continued.
      signalGroup(child, 'SIGCONT');
      signalGroup(child, 'SIGTERM');
      // Kamailio's children must not outlive a main process that did not stop in time.
      const killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(killTimer);
    },
  };
  running.add(peer);
  return peer;
}

/** Stops every peer this file started (afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

export interface SippOptions {
  /** File name under test/fixtures/sipp/, or `uac`/`uas` built-ins (`-sn`). */
  scenario: string;
  port: number;
  /** `u1` UDP (default), `t1` TCP. */
  transport?: 'u1' | 't1';
  /** Remote `host:port` for a UAC. */
  remote?: string;
  /** CSV rows for `-inf` (first line SEQUENTIAL or RANDOM is added). */
  inf?: string[];
  /** Calls per second and total calls for a UAC (both required: runs stay bounded). */
  rate?: number;
  calls?: number;
  /** Extra arguments, e.g. `['-set', 'user', 'probe']`. */
  args?: string[];
}

/** Starts SIPp in the foreground (no `-bg`: the PID we hold is the process that listens). */
export async function startSipp(options: SippOptions): Promise<PeerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-sipp-'));
  const args = options.scenario.endsWith('.xml')
    ? ['-sf', join(sippFixtures, options.scenario)]
    : ['-sn', options.scenario];
  args.push('-i', '127.0.0.1', '-p', String(options.port), '-t', options.transport ?? 'u1', '-nostdin');
  args.push('-trace_err', '-error_file', join(dir, 'errors.log'), '-max_recv_loops', '100');
  if (options.inf) {
    const file = join(dir, 'inf.csv');
    writeFileSync(file, `SEQUENTIAL\n${options.inf.join('\n')}\n`);
    args.push('-inf', file);
  }
  if (options.remote) {
    if (!options.rate || !options.calls) throw new Error('a SIPp UAC needs a bounded rate and call count');
    args.push(
      '-r',
      String(options.rate),
      '-m',
      String(options.calls),
      '-l',
      String(Math.ceil(options.rate * 10)),
    );
  }
  args.push(...(options.args ?? []));
  if (options.remote) args.push(options.remote);
  const child = spawn(binary('sipp') ?? 'sipp', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
    detached: true,
  });
  const peer = track(child, options.port, `sipp ${options.scenario}`);
  const stop = peer.stop;
  peer.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await waitFor(() => child.exitCode !== null || listening(options.port, options.transport ?? 'u1'), 5000);
  if (child.exitCode !== null && !options.remote) throw new Error(`SIPp exited early\n${peer.log()}`);
  return peer;
}

/** Resolves when the UAC process ends (its calls are done); rejects after `timeoutMs`. */
export function waitForExit(peer: PeerProcess, timeoutMs: number): Promise<void> {
  return waitFor(() => !processAlive(peer.pid), timeoutMs);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

/** Whether something listens on 127.0.0.1:port (UDP: the port is taken). */
async function listening(port: number, transport: 'u1' | 't1'): Promise<boolean> {
  if (transport === 't1') {
    return new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  }
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => resolve(true));
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

export interface KamailioOptions {
  port: number;
  /** Where INVITEs (and in-dialog requests), OPTIONS and REGISTERs go (`127.0.0.1:port`). */
  inviteTo?: string;
  optionsTo?: string;
  /** REGISTER: `'local'` = Kamailio's own digest registrar; `host:port` = forward. Default local. */
  registerTo?: 'local' | string;
  /** Digest password for every user of the local registrar, except user `blocked` (403). */
  password?: string;
  /** HEP v3 mirror target `127.0.0.1:port` (siptrace); omitted = no mirroring. */
  hepTo?: string;
  /** Digest algorithm of the registrar's challenges (auth module). Default MD5. */
  digestAlgorithm?: 'MD5' | 'SHA-256';
}

/** Starts Kamailio in the foreground with a config written to a temp dir. */
export async function startKamailio(options: KamailioOptions): Promise<PeerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-kamailio-'));
  const config = join(dir, 'kamailio.cfg');
  writeFileSync(config, kamailioConfig(options));
  const modules =
    kamailioModules.find((m) => spawnSync('test', ['-d', m]).status === 0) ?? kamailioModules[0]!;
  // -P and -Y absolute: Kamailio changes directory to / (TELEPHONY.md).
  const args = ['-f', config, '-DD', '-E', '-L', modules, '-P', join(dir, 'kamailio.pid'), '-Y', dir];
  args.push('-m', '32', '-M', '8', '-n', '1');
  const child = spawn(binary('kamailio') ?? 'kamailio', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const peer = track(child, options.port, 'kamailio');
  const stop = peer.stop;
  peer.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(() => child.exitCode !== null || listening(options.port, 't1'), 8000);
  } catch {
    await peer.stop();
    throw new Error(`Kamailio did not start\n${peer.log()}`);
  }
  if (child.exitCode !== null) throw new Error(`Kamailio exited\n${peer.log()}`);
  return peer;
}

function kamailioConfig(o: KamailioOptions): string {
  const register = o.registerTo ?? 'local';
  const hep = o.hepTo
    ? `loadmodule "siptrace.so"
modparam("siptrace", "duplicate_uri", "sip:${o.hepTo}")
modparam("siptrace", "hep_mode_on", 1)
modparam("siptrace", "hep_version", 3)
modparam("siptrace", "hep_capture_id", 4711)
modparam("siptrace", "trace_to_database", 0)
modparam("siptrace", "trace_mode", 1)
modparam("siptrace", "trace_on", 1)
`
    : '';
  const forward = (method: string, to: string | undefined) =>
    to ? `  if (is_method("${method}")) { $du = "sip:${to}"; route(RELAY); exit; }\n` : '';
  return `#!KAMAILIO
debug=1
log_stderror=yes
children=2
tcp_children=2
auto_aliases=no
listen=udp:127.0.0.1:${o.port}
listen=tcp:127.0.0.1:${o.port}
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "siputils.so"
loadmodule "textops.so"
loadmodule "xlog.so"
loadmodule "auth.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
${hep}modparam("tm", "fr_timer", 4000)
modparam("auth", "algorithm", "${o.digestAlgorithm ?? 'MD5'}")
modparam("usrloc", "db_mode", 0)

request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
  if (has_totag()) {
    if (loose_route()) { route(RELAY); exit; }
    # ACK to a non-2xx final answer: the transaction absorbs it (hop by hop).
    if (is_method("ACK")) { if (t_check_trans()) route(RELAY); exit; }
    sl_send_reply("404", "Not here"); exit;
  }
  if (is_method("CANCEL")) { if (t_check_trans()) route(RELAY); exit; }
  if (is_method("ACK")) { if (t_check_trans()) route(RELAY); exit; }
${register === 'local' ? '  if (is_method("REGISTER")) { route(REGISTRAR); exit; }\n' : forward('REGISTER', register)}${forward('OPTIONS', o.optionsTo)}  if (is_method("INVITE")) {
    record_route();
${o.inviteTo ? `    $du = "sip:${o.inviteTo}";\n` : ''}    route(RELAY); exit;
  }
  sl_send_reply("501", "Not Implemented");
}

route[RELAY] {
  if (!t_relay()) sl_reply_error();
}

route[REGISTRAR] {
  if ($fU == "blocked") { sl_send_reply("403", "Forbidden"); exit; }
  # User "via-proxy" is challenged as a proxy would (407 + Proxy-Authenticate).
  if ($fU == "via-proxy") {
    if (!pv_proxy_authenticate("$td", "${o.password ?? 'secret'}", "0")) { proxy_challenge("$td", "0"); exit; }
    if (!save("location")) sl_reply_error();
    exit;
  }
  if (!pv_www_authenticate("$td", "${o.password ?? 'secret'}", "0")) { www_challenge("$td", "0"); exit; }
  if (!save("location")) sl_reply_error();
}
`;
}

export interface HepSink {
  port: number;
  /** Every datagram received, in order. */
  packets: Uint8Array[];
  close(): Promise<void>;
}

/** A bare UDP socket standing in for a HEP collector: keeps what Kamailio's siptrace mirrors. */
export async function startHepSink(): Promise<HepSink> {
  const socket = dgram.createSocket('udp4');
  const packets: Uint8Array[] = [];
  socket.on('message', (msg) => packets.push(new Uint8Array(msg)));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  let closed = false;
  return {
    port: socket.address().port,
    packets,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        socket.close(() => resolve());
      }),
  };
}

export interface LabCertificate {
  key: string;
  cert: string;
}

/**
 * A self-signed P-256 certificate for `name` (2 days), made by the openssl command line in a temp
 * dir that is removed at once; undefined (after skipOrFail) without openssl.
 */
export function labCertificate(name: string): LabCertificate | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-lab-cert-'));
  try {
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    if (made.status !== 0) {
      skipOrFail('openssl', 'cannot create a lab certificate');
      return undefined;
    }
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
