/**
 * @module Benchmark: the status page (`GET /`, 40 components, 3 active incidents) served by
 * dialtone against nginx serving the same bytes as a static file, one after the other in the same
 * run, plus conditional requests (`If-None-Match` → 304) on both. Loopback only; every process
 * started here is stopped by its PID. Figures go to docs/BENCHMARKS.md.
 *
 *   npm run bench -- [--seconds 15] [--connections 200] [--threads 2]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '#src/adapters/store/open-store.ts';
import { seedBenchmarkPage } from './seed.ts';
import { runWrk, type WrkResult } from './wrk.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '200' },
    threads: { type: 'string', default: '2' },
  },
});
const load = {
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  threads: Number(values.threads),
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One GET on a fresh connection. Between wrk runs pooled connections go idle for long and the
 * servers close them; a fresh connection per request keeps the checks independent of that.
 */
function get(url: string | URL, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const children: ChildProcess[] = [];
function stopAll() {
  for (const c of children) if (c.pid && c.exitCode === null) c.kill('SIGTERM');
}
process.on('exit', stopAll);

const dir = mkdtempSync(join(tmpdir(), 'dialtone-bench-'));
// nginx workers run as nobody: they must be able to read the file.
chmodSync(dir, 0o755);
try {
  const store = await openStore({ dataDir: dir });
  await seedBenchmarkPage(store);
  await store.close();

  const appPort = await freePort();
  const app = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    env: { ...process.env, DIALTONE_DATA: dir, PORT: String(appPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(app);
  const appUrl = `http://127.0.0.1:${appPort}/`;
  await waitFor(`${appUrl}readyz`);

  // The same request wrk sends: identity encoding, so the ETag is the one wrk will present.
  const first = await get(appUrl, { 'accept-language': 'de', 'accept-encoding': 'identity' });
  const html = first.text;
  const etag = String(first.headers.etag ?? '');
  const cssHref = /href="(\/assets\/style\.css[^"]*)"/.exec(html)?.[1];
  const css = cssHref ? (await get(new URL(cssHref, appUrl))).text : '';
  writeFileSync(join(dir, 'index.html'), html);

  const nginxPort = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-tmp;
  proxy_temp_path ${dir}/nginx-tmp;
  fastcgi_temp_path ${dir}/nginx-tmp;
  uwsgi_temp_path ${dir}/nginx-tmp;
  scgi_temp_path ${dir}/nginx-tmp;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${dir};
    location = / { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(nginx);
  const nginxUrl = `http://127.0.0.1:${nginxPort}/`;
  await waitFor(nginxUrl);
  const nginxEtag = String((await get(nginxUrl, { 'accept-encoding': 'identity' })).headers.etag ?? '');

  // A third baseline: a bare Node.js HTTP server answering the same bytes, i.e. the ceiling of
  // any single Node process on this machine (dialtone's fast path can only approach it).
  const nodePort = await freePort();
  const bare = spawn(
    process.execPath,
    [
      '-e',
      `const b=require('fs').readFileSync(${JSON.stringify(join(dir, 'index.html'))});const e=${JSON.stringify(etag)};` +
        `require('http').createServer((q,r)=>{if(q.headers['if-none-match']===e){r.writeHead(304,{etag:e}).end();return}` +
        `r.writeHead(200,{'content-type':'text/html; charset=utf-8',etag:e,'content-length':b.length});r.end(b)}).listen(${nodePort},'127.0.0.1')`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.push(bare);
  const nodeUrl = `http://127.0.0.1:${nodePort}/`;
  await waitFor(nodeUrl);

  const headers = { 'Accept-Language': 'de', 'Accept-Encoding': 'identity' };
  // Warm both (JIT, caches), then measure one after the other.
  runWrk(nginxUrl, { ...load, seconds: 3, headers });
  runWrk(appUrl, { ...load, seconds: 3, headers });
  const results: Record<string, WrkResult> = {
    'nginx 200': runWrk(nginxUrl, { ...load, headers }),
    'node http 200': runWrk(nodeUrl, { ...load, headers }),
    'dialtone 200': runWrk(appUrl, { ...load, headers }),
    'nginx 304': runWrk(nginxUrl, { ...load, headers: { ...headers, 'If-None-Match': nginxEtag } }),
  };
  // With incidents open, the page's bytes (today's downtime) change once a minute and with them
  // the ETag: take the current one right before the run, check it still holds right after, and
  // run again with a fresh one if it turned over meanwhile (then some answers were 200s).
  let check304: Fetched = { status: 0, headers: {}, text: '' };
  for (let attempt = 0; attempt < 3 && check304.status !== 304; attempt++) {
    const current = String(
      (await get(appUrl, { 'accept-language': 'de', 'accept-encoding': 'identity' })).headers.etag,
    );
    results['dialtone 304'] = runWrk(appUrl, { ...load, headers: { ...headers, 'If-None-Match': current } });
    check304 = await get(appUrl, {
      'accept-language': 'de',
      'accept-encoding': 'identity',
      'if-none-match': current,
    });
  }
  const ratio = (a: string, b: string) => results[a]!.requestsPerSecond / results[b]!.requestsPerSecond;
  const row = (name: string) => {
    const r = results[name]!;
    return `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.requests} | ${r.errors} |`;
  };
  console.log(
    `\nstatus page: ${Buffer.byteLength(html)} bytes HTML + ${Buffer.byteLength(css)} bytes CSS = ${((Buffer.byteLength(html) + Buffer.byteLength(css)) / 1024).toFixed(1)} KiB; ETag ${etag}; conditional GET → ${check304.status}`,
  );
  console.log(`load: wrk -t${load.threads} -c${load.connections} -d${load.seconds}s, one after the other\n`);
  console.log(
    '| run | req/s | p50 ms | p99 ms | requests | errors |\n| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const name of Object.keys(results)) console.log(row(name));
  console.log(
    `\nratio dialtone/nginx: 200 ${ratio('dialtone 200', 'nginx 200').toFixed(2)}, 304 ${ratio('dialtone 304', 'nginx 304').toFixed(2)}` +
      `; bare node/nginx 200 ${ratio('node http 200', 'nginx 200').toFixed(2)}; dialtone/bare node 200 ${ratio('dialtone 200', 'node http 200').toFixed(2)}`,
  );
  const ok =
    ratio('dialtone 200', 'nginx 200') >= 0.6 &&
    results['dialtone 200']!.p99Ms < 20 &&
    results['dialtone 200']!.errors === 0 &&
    results['dialtone 304']!.errors === 0 &&
    check304.status === 304;
  console.log(
    `target (≥ 0.6 × nginx req/s, p99 < 20 ms at ${load.connections} connections, no errors, 304 works): ${ok ? 'met' : 'NOT met'}`,
  );
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
