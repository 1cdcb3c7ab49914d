/**
 * @module dialtone as a newcomer meets it after `npm start`, for the crawler: `startDialtone` with
 * the demo seeding (`serve --demo`), an SQLite file in a temp data dir, the example inventory,
 * and some life — an admin, a partner, an open incident on a Cottbus component, a maintenance
 * ahead, a report. Everything is made through the same verbs the CLI and the forms use; only the
 * sessions are written directly (as signing in would leave them), so the crawler needs no form.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { seedDemo } from '#src/cli/commands/serve.ts';
import { loadConfig } from '#src/config/env.ts';
import { startDialtone } from '#src/main.ts';
import { addStandardTemplates } from '#src/services/add-standard-templates.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { importInventory } from '#src/services/import-inventory.ts';
import { invitePartner } from '#src/services/invite-partner.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { optOutLink } from '#src/services/opt-out-link.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { raiseAlert } from '#src/services/raise-alert.ts';
import { requestSubscription } from '#src/services/request-subscription.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { submitReport } from '#src/services/submit-report.ts';
import { unsubscribeLink } from '#src/services/unsubscribe-link.ts';
import { partnerSession, seedPartner } from './partners.ts';
import { freePort } from './postgres.ts';

export interface CrawlApp {
  base: string;
  /** Cookie headers of the signed-in admin and partner. */
  adminCookie: string;
  partnerCookie: string;
  /**
   * Pages only a mailed link leads to (a subscriber's manage page, an affected customer's
   * opt-out page, a partner invitation): start URLs of their own.
   */
  mailedLinks: string[];
  /** Ids of catalog entries (components, services, groups, sites): URL segments that name data. */
  catalogIds: Set<string>;
  close(): Promise<void>;
}

const inventoryFile = new URL('../../catalog/inventory-example.csv', import.meta.url);

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
    const now = new Date();
    const catalog = await loadCatalog(store.db);
    const catalogIds = new Set(
      [
        ...catalog.components,
        ...catalog.services,
        ...catalog.groups,
        ...catalog.sites,
        ...catalog.monitors,
      ].map((e) => e.id),
    );
    const mailedLinks = [
      await subscriberManageLink(ctx, base),
      await store.db.transaction().execute((trx) => optOutLink(trx, base, 'praxis@muster.example')),
      await partnerInvitationLink(ctx, base),
    ];
    return {
      base,
      mailedLinks,
      adminCookie: (await partnerSession(store, admin.id, now)).cookie,
      partnerCookie: (await partnerSession(store, partnerId, now)).cookie,
      catalogIds,
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** An invitation for a second partner company, as the partners page sends it, and its link. */
async function partnerInvitationLink(ctx: ServiceContext, base: string): Promise<string> {
  const invitation = await invitePartner({
    ctx,
    input: {
      email: 'it@schulz-tk.example',
      firstName: 'Jan',
      lastName: 'Schulz',
      company: 'Schulz TK GmbH',
      locale: 'de',
    },
  });
  return `${base}/partner/invitation?token=${encodeURIComponent(invitation.token)}`;
}

/** A DSL outage with an internal note, already resolved: the history and its pages have content. */
async function pastIncident(ctx: ServiceContext) {
  const { id } = await declareIncident({
    ctx,
    input: {
      title: { de: 'DSL-Anschlüsse ohne Verbindung', en: 'DSL lines without connection' },
      components: [{ componentId: 'dsl-access', status: 'partial_outage' }],
      message: { de: 'Einige DSL-Anschlüsse verbinden sich nicht.', en: 'Some DSL lines do not connect.' },
    },
  });
  await postIncidentUpdate({
    ctx,
    input: {
      incidentId: id,
      status: 'identified',
      visibility: 'internal',
      message: { de: 'RADIUS-Server antwortet langsam.', en: 'The RADIUS server answers slowly.' },
    },
  });
  await resolveIncident({
    ctx,
    input: {
      incidentId: id,
      message: { de: 'Alle Anschlüsse sind wieder verbunden.', en: 'All lines are connected again.' },
    },
  });
}

/** A subscription as the public form requests it (waiting for confirmation), and its manage link. */
async function subscriberManageLink(ctx: ServiceContext, base: string): Promise<string> {
  await requestSubscription({
    ctx,
    input: {
      kind: 'email',
      address: 'leitung@muster.example',
      locale: 'de',
      scope: 'components',
      components: ['media-cottbus'],
    },
    options: {
      publicUrl: base,
      pageName: 'dialtone',
      offered: ['email'],
      checkWebhookUrl: async () => 'not offered',
      newWebhookSecret: () => 'whsec_unused',
    },
  });
  const row = await ctx.db
    .selectFrom('subscribers')
    .select('id')
    .where('address', '=', 'leitung@muster.example')
    .executeTakeFirstOrThrow();
  return ctx.db.transaction().execute((trx) => unsubscribeLink(trx, base, row.id));
}

/**
 * The example inventory, an outage in Cottbus, tomorrow's maintenance, the standard update
 * templates, a customer's report and one from the partner (so the partner area lists a ticket),
 * and an alert from a monitor.
 */
async function bringToLife(ctx: ServiceContext, partnerId: string) {
  const imported = await importInventory({ ctx, input: { text: readFileSync(inventoryFile, 'utf8') } });
  if (!imported.accepted) throw new Error('catalog/inventory-example.csv was refused');
  await pastIncident(ctx);
  await declareIncident({
    ctx,
    input: {
      title: { de: 'Störung Mediengateway Cottbus', en: 'Media gateway Cottbus outage' },
      components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
      message: {
        de: 'Anrufe auf Ortsnetzrufnummern in Cottbus scheitern. Wir untersuchen die Ursache.',
        en: 'Calls to local numbers in Cottbus fail. We are investigating.',
      },
    },
  });
  const start = new Date(Date.now() + 24 * 3600_000);
  await scheduleMaintenance({
    ctx,
    input: {
      title: { de: 'Wartung Softswitch', en: 'Softswitch maintenance' },
      message: { de: 'Kurze Unterbrechungen möglich.', en: 'Short interruptions are possible.' },
      componentIds: ['softswitch'],
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    },
  });
  await submitReport({
    ctx,
    input: {
      company: 'Zahnarztpraxis Muster',
      firstName: 'Maria',
      lastName: 'Muster',
      email: 'praxis@muster.example',
      phone: '+49 30 1234567 10',
      reporterKind: 'customer',
      serviceId: 'connect',
      identifiers: { serverLicence: 'SF-LIC-4711-AB' },
      description: 'Seit 9 Uhr keine eingehenden Anrufe.',
      consent: true,
      locale: 'de',
    },
  });
  await submitReport({
    ctx,
    input: {
      company: 'Koch IT GmbH',
      firstName: 'Lena',
      lastName: 'Koch',
      email: 'crawl-partner@partner.example',
      phone: '0355 4711',
      serviceId: 'cloud',
      identifiers: { cloudName: 'maxmuster.beispiel-cloud.de' },
      description: 'Die Cloud-Anlage nimmt keine Anrufe an.',
      consent: true,
      locale: 'de',
      partnerUserId: partnerId,
    },
  });
  await addStandardTemplates({ ctx, input: { locale: 'de' } });
  // The SBC's OPTIONS monitor found it down: an alert for the alert pages (the SBC's policy is
  // to confirm, so no incident is opened by it).
  await raiseAlert({
    ctx,
    input: {
      componentId: 'sbc-fra',
      source: 'monitor',
      ruleKey: 'monitor:sbc-fra-options',
      severity: 'critical',
      evidence: {
        kind: 'probe',
        monitorKind: 'sip-options',
        state: 'down',
        since: new Date(Date.now() - 120_000).toISOString(),
        code: null,
        detail: 'timeout after 2000 ms (3 transmissions)',
        rttMs: null,
      },
      sourceName: { de: 'SBC Frankfurt antwortet auf OPTIONS', en: 'SBC Frankfurt answers OPTIONS' },
      monitorId: 'sbc-fra-options',
      timeZone: 'Europe/Berlin',
    },
  });
}
