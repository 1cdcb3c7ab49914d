/**
 * @module What "erasing a report's personal data" means, in one place for the retention job and
 * the admin's erase of one reporter. The report stays as an anonymous statistic: service, queue,
 * reporter kind, state, close reason, times, incident link, language and the self-check path
 * (answers in the tree's words). Erased: who reported (company, names, email, phone, partner
 * account), the service's identifiers (cloud name, licence, DSL order number: each leads to one
 * customer), the free texts (description, the "other" service's specification), the staff's
 * internal comments on it, which quote the reporter as often as not, and the notifications (mails)
 * about it, which carry the reporter's address. See docs/DATA-PROTECTION.md.
 */
import type { ReportTable } from '#src/adapters/store/schema.ts';
import type { ServiceContext, Tx } from './context.ts';

/** The personal fields of a report, emptied in place. */
export const erasedReportFields = {
  company: '',
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  partner_user_id: null,
  identifiers: '{}',
  description: '',
  service_other: '',
} as const satisfies Partial<ReportTable>;

/**
 * Erases the given reports (those not erased yet) and their comments; returns how many were
 * erased. Conditional on `erased_at is null`, so two processes erasing at once erase each once.
 */
export async function eraseReportsIn(
  trx: Tx,
  ctx: ServiceContext,
  reportIds: readonly string[],
): Promise<number> {
  if (reportIds.length === 0) return 0;
  const now = ctx.clock().toISOString();
  const result = await trx
    .updateTable('reports')
    .set((eb) => ({ ...erasedReportFields, erased_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', reportIds)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  await trx.deleteFrom('report_comments').where('report_id', 'in', reportIds).execute();
  // The mails to the reporter hold their address, name and follow link: they go too (with their
  // delivery attempts); one still pending is not sent any more.
  await trx.deleteFrom('notifications').where('report_id', 'in', reportIds).execute();
  return Number(result.numUpdatedRows);
}
