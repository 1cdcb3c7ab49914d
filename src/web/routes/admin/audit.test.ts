import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { writeAudit } from '#src/services/write-audit.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';

describe('console audit log', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  const page = async (url: string, role: 'admin' | 'operator' = 'operator') => {
    const who = await signedInStaff(t, role);
    return t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  };

  it('lists entries newest first with actor, action, linked subject and escaped detail', async () => {
    const ctx = testContext(t.store, t.clock, cliActor('cli:root'));
    const user = await createUser({
      ctx,
      input: { email: 'ops@example.net', role: 'operator', password: 'x'.repeat(12) },
    });
    t.clock.advance(60_000);
    await writeAudit(t.store.db, ctx, {
      action: 'incident.declare',
      subjectType: 'incident',
      subjectId: 'inc-1',
      detail: { title: '<script>alert(1)</script>' },
    });
    const res = await page('/console/audit', 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.indexOf('incident.declare')).toBeLessThan(body.indexOf('user.create'));
    expect(body).toContain('href="/console/incidents/inc-1"');
    expect(body).toContain(`href="/console/users#user-${user.id}"`);
    expect(body).toContain('cli:root <span class="hint">Kommandozeile</span>');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(body).toContain('<time datetime="2026-11-20T10:01:00.000Z">20. Nov. 2026, 11:01 MEZ</time>');
  });

  it('filters by action prefix, actor and subject, and pages with the filter kept', async () => {
    const ctx = testContext(t.store, t.clock, cliActor('cli:root'));
    for (let i = 0; i < 55; i++) {
      t.clock.advance(1000);
      await writeAudit(t.store.db, ctx, {
        action: 'incident.update',
        subjectType: 'incident',
        subjectId: `inc-${i}`,
      });
    }
    await writeAudit(
      t.store.db,
      { ...ctx, actor: cliActor('cli:other') },
      {
        action: 'user.disable',
        subjectType: 'user',
        subjectId: 'u-9',
      },
    );

    const first = await page('/console/audit?action=incident.');
    expect(first.body).toContain('55 Einträge · Seite 1 von 2');
    expect(first.body).not.toContain('user.disable');
    expect(first.body).toContain('href="/console/audit?action&#61;incident.&#38;page&#61;2"');
    const second = await page('/console/audit?action=incident.&page=2');
    expect(second.body).toContain('55 Einträge · Seite 2 von 2');
    expect(second.body).toContain('<code>inc-0</code>');

    expect((await page('/console/audit?actor=CLI:OTHER')).body).toContain('1 Einträge');
    expect((await page('/console/audit?subject=incident:inc-7')).body).toContain('1 Einträge');
    expect((await page('/console/audit?subject=user')).body).toContain('1 Einträge');
    const none = await page('/console/audit?action=%25');
    expect(none.body).toContain('Keine Einträge.');
    expect(none.body).toContain('value="%"');
  });
});
