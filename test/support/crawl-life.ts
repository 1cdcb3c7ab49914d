/**
 * @module The life the crawler finds in the demo installation, made through the verbs the CLI,
 * the forms and the jobs use: the example inventory, an open and a resolved outage, tomorrow's
 * maintenance, the standard templates, reports (one from a partner), an alert, and the mailed
 * links (a subscriber's manage page, an opt-out, a partner invitation) that no page links to.
 */
import { readFileSync } from 'node:fs';
import { addStandardTemplates } from '#src/services/add-standard-templates.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { importInventory } from '#src/services/import-inventory.ts';
import { invitePartner } from '#src/services/invite-partner.ts';
import { optOutLink } from '#src/services/opt-out-link.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { raiseAlert } from '#src/services/raise-alert.ts';
import { requestSubscription } from '#src/services/request-subscription.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { submitReport } from '#src/services/submit-report.ts';
import { unsubscribeLink } from '#src/services/unsubscribe-link.ts';

const inventoryFile = new URL('../../catalog/inventory-example.csv', import.meta.url);

/** Links only a mail leads to: a subscriber's manage page, an opt-out, a partner invitation. */
export async function mailedLinks(ctx: ServiceContext, base: string): Promise<string[]> {
  return [
    await subscriberManageLink(ctx, base),
    await ctx.db.transaction().execute((trx) => optOutLink(trx, base, 'praxis@muster.example')),
    await partnerInvitationLink(ctx, base),
  ];
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
export async function bringToLife(ctx: ServiceContext, partnerId: string) {
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
