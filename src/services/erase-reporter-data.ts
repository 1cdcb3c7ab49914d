/**
 * @module An admin erases one reporter's personal data (the right to erasure): every report filed
 * under the email address loses its personal fields and comments, as the retention job would do
 * (erase-report-personal-data.ts), whatever the report's state; status page subscriptions under the
 * address and the messages to it are deleted (reporter-subscriptions.ts). One transaction with an audit row
 * that counts the reports and names their tickets, never the address or the erased values.
 */
import { validationError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { eraseReportsIn } from './erase-report-personal-data.ts';
import { findReporterData, normaliseEmail } from './find-reporter-data.ts';
import { deleteReporterSubscriptions } from './reporter-subscriptions.ts';
import { writeAudit } from './write-audit.ts';

export async function eraseReporterData({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string };
}): Promise<{ erased: number; tickets: string[]; subscriptions: number }> {
  const email = normaliseEmail(input.email);
  if (!email) throw validationError([{ path: 'email', key: 'error.invalidEmail' }]);
  return ctx.db.transaction().execute(async (trx) => {
    const reports = await findReporterData(trx, { email });
    const erased = await eraseReportsIn(
      trx,
      ctx,
      reports.map((r) => r.id),
    );
    const tickets = reports.map((r) => r.ticket);
    const subscriptions = await deleteReporterSubscriptions(trx, email);
    if (erased > 0 || subscriptions > 0)
      await writeAudit(trx, ctx, {
        action: 'reporter.erase',
        subjectType: 'reporter',
        subjectId: null,
        detail: { reports: erased, tickets, subscriptions },
      });
    return { erased, tickets, subscriptions };
  });
}
