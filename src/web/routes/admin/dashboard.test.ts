import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';

describe('console dashboard', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
  });
  afterEach(async () => t.close());

  it('shows every component with its derived status and the cause, and what is open', async () => {
    const { id } = await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Medienserver <Cottbus> aus', en: 'Media server <Cottbus> down' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'Investigating.' },
      },
    });
    const op = await signedInStaff(t, 'operator');
    const res = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: op.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    expect(body).toContain('<caption>Telefonie</caption>');
    const rowOf = (name: string) => new RegExp(`<th scope="row">${name}</th>.*?</tr>`).exec(body)?.[0] ?? '';
    expect(rowOf('media-cottbus')).toContain('status-major_outage');
    expect(rowOf('media-cottbus')).toContain(`href="/console/incidents/${id}"`);
    expect(rowOf('fax')).toContain('status-major_outage');
    expect(rowOf('fax')).toContain('über Abhängigkeit von media-cottbus');
    expect(rowOf('sip-trunk')).toContain('status-operational');
    expect(body).toContain('Medienserver &#60;Cottbus&#62; aus');
    expect(body).not.toContain('<Cottbus>');
    expect(body).toMatch(/<a href="\/console\/incidents"><strong>1<\/strong> <span>Offene Störungen<\/span>/);
    expect(body).toContain('<a class="button primary" href="/console/incidents/new">Störung eröffnen</a>');
  });

  it('shows admin entries in the navigation to admins only', async () => {
    const op = await signedInStaff(t, 'operator');
    const admin = await signedInStaff(t, 'admin');
    const asOp = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: op.cookie } });
    const asAdmin = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: admin.cookie } });
    expect(asOp.body).not.toContain('href="/console/users"');
    expect(asAdmin.body).toContain('href="/console/users"');
    expect(asOp.body).toContain('<a href="/console" aria-current="page">Übersicht</a>');
  });
});
