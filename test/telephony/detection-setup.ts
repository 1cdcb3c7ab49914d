/**
 * @module The dialtone under test for the detection scenarios: the real `startDialtone` on a
 * temp SQLite file with its HEP collector on a free loopback port, a catalog with one component
 * per scenario (all `alerting: { policy: auto }`), peers for the SIPp UASes and the registrar,
 * and an OPTIONS monitor. Plus polling helpers that read what an operator or a reader would see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { loadConfig } from '#src/config/env.ts';
import { type Running, startDialtone } from '#src/main.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { freePort } from '../support/telephony.ts';

export interface ScenarioPorts {
  /** SIPp UAS behind each scenario's Kamailio. */
  uas503: number;
  uasRamp: number;
  uasNormal: number;
  /** SIPp OPTIONS answerer probed directly. */
  options: number;
  /** Kamailio with the digest registrar. */
  registrar: number;
}

/** Component ids, one per scenario, so that one scenario's alerts cannot pass for another's. */
export const components = {
  s1: 'trunk-carrier-a',
  s2: 'sbc-options',
  s3: 'trunk-carrier-b',
  s4: 'trunk-carrier-c',
  s5: 'registrar',
} as const;

/** OPTIONS monitor interval (the catalog's smallest allowed: 5 s) and timeout. */
export const optionsIntervalMs = 5_000;

function catalogYaml(p: ScenarioPorts): string {
  const component = (id: string, de: string, en: string) =>
    `  - {id: ${id}, name: {de: "${de}", en: "${en}"}, alerting: {policy: auto, resolve: propose}}`;
  const peer = (id: string, component: string, port: number) =>
    `  - {id: ${id}, component: ${component}, name: ${id}, match: 127.0.0.1, port: ${port}}`;
  return [
    'version: 1',
    'components:',
    component(components.s1, 'Carrier A', 'Carrier A'),
    component(components.s2, 'SBC (OPTIONS)', 'SBC (OPTIONS)'),
    component(components.s3, 'Carrier B', 'Carrier B'),
    component(components.s4, 'Carrier C', 'Carrier C'),
    component(components.s5, 'Registrar', 'Registrar'),
    'peers:',
    peer('carrier-a', components.s1, p.uas503),
    peer('carrier-b', components.s3, p.uasRamp),
    peer('carrier-c', components.s4, p.uasNormal),
    peer('registrar', components.s5, p.registrar),
    'monitors:',
    `  - id: sbc-options-ping`,
    `    component: ${components.s2}`,
    '    kind: sip-options',
    '    name: {de: SBC antwortet auf OPTIONS, en: SBC answers OPTIONS}',
    `    target: sip:ping@127.0.0.1:${p.options}`,
    `    interval: ${optionsIntervalMs / 1000}s`,
    '    timeout: 2s',
    '    downAfter: 2',
    '',
  ].join('\n');
}

export interface DialtoneUnderTest {
  running: Running;
  hepPort: number;
  close(): Promise<void>;
}

export async function startDialtoneForScenarios(ports: ScenarioPorts): Promise<DialtoneUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-detection-'));
  const hepPort = await freePort();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DIALTONE_DATA: dir,
    DIALTONE_HEP_PORT: String(hepPort),
    DIALTONE_HEP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const parsed = parseCatalogFile(catalogYaml(ports));
  if (!parsed.ok) throw new Error(`scenario catalog invalid: ${JSON.stringify(parsed.errors)}`);
  const running = await startDialtone(config, {
    seed: async (ctx) => {
      await applyCatalog({ ctx, input: { document: parsed.document } });
    },
  });
  return {
    running,
    hepPort,
    close: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SeenAlert {
  ruleKey: string;
  source: string;
  startedAt: number;
  incidentId: string | null;
}

/** Firing or resolved alerts of a component, oldest first. */
export async function alertsOf(running: Running, componentId: string): Promise<SeenAlert[]> {
  const rows = await running.store.db
    .selectFrom('alerts')
    .select(['rule_key', 'source', 'started_at', 'incident_id'])
    .where('component_id', '=', componentId)
    .orderBy('started_at')
    .execute();
  return rows.map((r) => ({
    ruleKey: r.rule_key,
    source: r.source,
    startedAt: Date.parse(String(r.started_at)),
    incidentId: r.incident_id,
  }));
}

/**
 * The incident an alert of the component opened, once the public status page (`GET /`, English)
 * shows its title; null before.
 */
export async function incidentOnStatusPage(running: Running, componentId: string): Promise<string | null> {
  const incident = await running.store.db
    .selectFrom('alerts')
    .innerJoin('incidents', 'incidents.id', 'alerts.incident_id')
    .select(['incidents.id', 'incidents.title_en'])
    .where('alerts.component_id', '=', componentId)
    .where('incidents.status', '!=', 'resolved')
    .executeTakeFirst();
  if (!incident) return null;
  const html = await (
    await fetch(`${running.url}/?lang=en`, { headers: { 'accept-language': 'en' } })
  ).text();
  return decodeEntities(html).includes(incident.title_en) ? incident.id : null;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return named[e.toLowerCase()] ?? whole;
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
}

/**
 * Polls `probe` every 250 ms until it returns a value; the time it first did (epoch ms), or null.
 * Probes at least once, even when the time is already up (the event may be in the database).
 */
export async function firstTime<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<{ at: number; value: T } | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return { at: Date.now(), value };
    if (Date.now() >= until) return null;
    await new Promise((r) => setTimeout(r, 250));
  }
}
