/**
 * @module dialtone as a newcomer meets it after `npm start`, for the crawler: `startDialtone` with
 * the demo seeding (`serve --demo`), an SQLite file in a temp data dir, an admin (made as
 * `dialtone user add` makes one), a partner, and the life of crawl-life.ts. Only the sessions are
 * written directly (as signing in would leave them), so the crawler needs no form.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { seedDemo } from '#src/cli/commands/serve.ts';
import { loadConfig } from '#src/config/env.ts';
import { startDialtone } from '#src/main.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { bringToLife, mailedLinks } from './crawl-life.ts';
import { partnerSession, seedPartner } from './partners.ts';
import { freePort } from './postgres.ts';

export interface CrawlApp {
  base: string;
  /** Cookie headers of the signed-in admin and partner. */
  adminCookie: string;
  /** An operator's session: the console as someone who is not an admin sees it. */
  operatorCookie: string;
  partnerCookie: string;
  /**
   * Pages only a mailed link leads to (a subscriber's manage page, an affected customer's
   * opt-out page, a partner invitation): start URLs of their own.
   */
  mailedLinks: string[];
  close(): Promise<void>;
}

export async function startCrawlApp(): Promise<CrawlApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialtone-crawl-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // As `npm start`, with the outward-facing parts off: no HEP socket on the shared 9060, no probes
  // reaching for the demo catalog's (fictional) hosts.
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DIALTONE_PUBLIC_URL: base,
    DIALTONE_DATA: dataDir,
    DIALTONE_HEP_PORT: '0',
    DIALTONE_PROBES: 'false',
  });
  const logSilently = console.log;
  console.log = () => {}; // startDialtone prints the address and the setup link for a person
  let running: Awaited<ReturnType<typeof startDialtone>>;
  try {
    running = await startDialtone(config, { seed: seedDemo, logger: pino({ level: 'silent' }) });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    console.log = logSilently;
  }
  const close = async () => {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { store } = running;
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock: () => new Date(),
      newId: createIdGenerator(),
      actor: cliActor('crawl'),
    };
    const partnerId = await seedPartner(store, { id: 'crawl-partner' });
    await bringToLife(ctx, partnerId);
    const admin = await createUser({
      ctx,
      input: {
        email: 'admin@beispiel-telekom.example',
        password: 'Leitstelle-Cottbus-2026',
        role: 'admin',
        locale: 'de',
      },
    });
    const operator = await createUser({
      ctx,
      input: {
        email: 'noc@beispiel-telekom.example',
        password: 'Leitstelle-Cottbus-2026',
        role: 'operator',
        locale: 'de',
      },
    });
    const now = new Date();
    // partnerSession writes a session row for any user id, as signing in leaves it.
    return {
      base,
      mailedLinks: await mailedLinks(ctx, base),
      adminCookie: (await partnerSession(store, admin.id, now)).cookie,
      operatorCookie: (await partnerSession(store, operator.id, now)).cookie,
      partnerCookie: (await partnerSession(store, partnerId, now)).cookie,
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
