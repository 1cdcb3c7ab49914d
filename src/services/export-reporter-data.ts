/**
 * @module An admin's export of one reporter's data (the right of access): a JSON document with
 * every report filed under the email address, its state and comments, and the status page
 * subscriptions under the same address. The export itself is
 * recorded in the audit log — how many reports, not the address or their contents.
 */
import type { ServiceContext } from './context.ts';
import { findReporterData, normaliseEmail, type ReporterReport } from './find-reporter-data.ts';
import { findReporterSubscriptions, type ReporterSubscription } from './reporter-subscriptions.ts';
import { writeAudit } from './write-audit.ts';

export interface ReporterExport {
  format: 'dialtone.reporter-data/1';
  email: string;
  exportedAt: string;
  reports: ReporterReport[];
  subscriptions: ReporterSubscription[];
  /** Whether the address asked not to be written to about outages it did not subscribe to. */
  optedOutOfOutageMessages: boolean;
}

export async function exportReporterData({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string };
}): Promise<ReporterExport> {
  const email = normaliseEmail(input.email);
  return ctx.db.transaction().execute(async (trx) => {
    const reports = await findReporterData(trx, { email });
    const subscriptions = await findReporterSubscriptions(trx, email);
    const optOut = await trx
      .selectFrom('contact_opt_outs')
      .select('address')
      .where('address', '=', email)
      .executeTakeFirst();
    await writeAudit(trx, ctx, {
      action: 'reporter.export',
      subjectType: 'reporter',
      subjectId: null,
      detail: { reports: reports.length, subscriptions: subscriptions.length },
    });
    return {
      format: 'dialtone.reporter-data/1',
      email,
      exportedAt: ctx.clock().toISOString(),
      reports,
      subscriptions,
      optedOutOfOutageMessages: optOut !== undefined,
    };
  });
}
