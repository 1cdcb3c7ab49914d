import { describe, expect, it } from 'vitest';
import { validateCatalog } from './catalog.ts';

const base = { components: [{ id: 'sbc', name: 'SBC' }] };
const withMonitor = (m: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  validateCatalog({ ...base, ...extra, monitors: [{ id: 'm1', component: 'sbc', name: 'M', ...m }] });
const errorsOf = (r: ReturnType<typeof validateCatalog>) =>
  r.ok ? [] : r.errors.map((e) => `${e.path} ${e.key}`);

describe('catalog monitors', () => {
  it('reads a SIP OPTIONS monitor with defaults', () => {
    const r = withMonitor({ kind: 'sip-options', target: 'sip:sbc1.example.net:5060;transport=tls' });
    expect(r.ok && r.document.monitors[0]).toEqual({
      id: 'm1',
      component: 'sbc',
      kind: 'sip-options',
      name: { de: 'M', en: 'M' },
      target: 'sip:sbc1.example.net:5060;transport=tls',
      settings: { accept: '200-299' },
      intervalMs: 15_000,
      timeoutMs: 2_000,
      downAfter: 2,
      enabled: true,
    });
    expect(r.ok && r.document.components[0]?.alerting).toEqual({ policy: 'confirm', resolve: 'propose' });
  });

  it('reads every kind with its settings', () => {
    const monitors = [
      {
        id: 'a',
        kind: 'http',
        target: 'https://portal.example.net/health',
        settings: { accept: '200-299,401', keyword: 'ok' },
      },
      { id: 'b', kind: 'tcp', target: '[2001:db8::1]:5432', interval: '30s', timeout: '500ms', downAfter: 3 },
      {
        id: 'c',
        kind: 'dns',
        target: 'sip.example.net',
        settings: { server: '192.0.2.53:5353', type: 'AAAA', expect: '2001:db8::5' },
      },
      { id: 'd', kind: 'tls', target: 'portal.example.net', settings: { minDaysLeft: 7 } },
      { id: 'e', kind: 'heartbeat', settings: { periodSeconds: 86_400, graceSeconds: 3600 }, enabled: false },
      {
        id: 'f',
        kind: 'sip-register',
        target: 'sip:reg.example.net;transport=tcp',
        settings: { username: 'probe', password: 'env:REG_PASSWORD' },
      },
    ].map((m) => ({ component: 'sbc', name: m.id, ...m }));
    const r = validateCatalog({ ...base, monitors });
    expect(errorsOf(r)).toEqual([]);
    const doc = r.ok ? r.document : null;
    expect(doc?.monitors.map((m) => m.settings)).toEqual([
      { accept: '200-299,401', keyword: 'ok', followRedirects: false, method: 'GET' },
      {},
      { server: '192.0.2.53:5353', type: 'AAAA', expect: '2001:db8::5' },
      { minDaysLeft: 7, warnDaysLeft: 30 },
      { periodSeconds: 86_400, graceSeconds: 3600 },
      { username: 'probe', password: 'env:REG_PASSWORD', expires: 60, accept: '200' },
    ]);
    expect(doc?.monitors[1]).toMatchObject({ intervalMs: 30_000, timeoutMs: 500, downAfter: 3 });
  });

  it('names each mistake by its path', () => {
    const monitors = [
      {
        id: 'a',
        component: 'nope',
        kind: 'sip-options',
        name: 'A',
        target: 'sips:x.example.net;transport=udp',
      },
      { id: 'b', component: 'sbc', kind: 'ping', name: 'B' },
      { id: 'c', component: 'sbc', kind: 'http', name: 'C', target: 'ftp://x', settings: { accept: '2xx' } },
      {
        id: 'd',
        component: 'sbc',
        kind: 'sip-register',
        name: 'D',
        target: 'sip:r.example.net',
        settings: { username: 'u', password: 'hunter2' },
      },
      {
        id: 'e',
        component: 'sbc',
        kind: 'tcp',
        name: 'E',
        target: 'db.example.net',
        interval: '1s',
        timeout: '3s',
      },
      { id: 'f', component: 'sbc', kind: 'heartbeat', name: 'F', target: 'x', settings: { graceSeconds: 5 } },
      {
        id: 'g',
        component: 'sbc',
        kind: 'dns',
        name: 'G',
        target: 'x.example.net',
        settings: { server: 'resolver.example.net' },
      },
      {
        id: 'h',
        component: 'sbc',
        kind: 'sip-options',
        name: 'H',
        target: 'sip:x.example.net;transport=sctp',
        settings: { secret: 1 },
      },
    ];
    const r = validateCatalog({
      components: [{ id: 'sbc', name: 'SBC', alerting: { policy: 'always' } }],
      monitors,
    });
    expect(errorsOf(r)).toEqual([
      'components[0].alerting.policy monitors.catalog.invalidChoice',
      'monitors[0].target monitors.catalog.sipsOverUdp',
      'monitors[1].kind monitors.catalog.invalidKind',
      'monitors[2].target monitors.catalog.invalidTarget.http',
      'monitors[2].settings.accept monitors.catalog.invalidCodeRanges',
      'monitors[3].settings.password monitors.catalog.secretAsEnv',
      'monitors[4].interval monitors.catalog.durationRange',
      'monitors[4].target monitors.catalog.invalidTarget.tcp',
      'monitors[5].target monitors.catalog.heartbeatNoTarget',
      'monitors[5].settings.periodSeconds error.required',
      'monitors[6].settings.server monitors.catalog.invalidDnsServer',
      'monitors[7].target monitors.catalog.invalidTransport',
      'monitors[7].settings.secret catalog.error.unknownKey',
    ]);
    const unknown = withMonitor({ component: 'nope', kind: 'tcp', target: 'h.example.net:1' });
    expect(errorsOf(unknown)).toEqual(['monitors[0].component catalog.error.unknownComponent']);
  });

  it('refuses a timeout not below the interval', () => {
    expect(
      errorsOf(withMonitor({ kind: 'tcp', target: 'h.example.net:1', interval: '5s', timeout: '5s' })),
    ).toEqual(['monitors[0].timeout monitors.catalog.timeoutNotBelowInterval']);
  });
});
