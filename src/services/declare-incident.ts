/**
 * @module declareIncident: staff declare an incident (title, impact, affected components with
 * their status, the first message, optionally its clouds) in one transaction; the parts are in
 * incident-declaration.ts.
 */
import type { ServiceContext } from './context.ts';
import { type DeclareIncidentInput, insertIncident, prepareIncident } from './incident-declaration.ts';

export async function declareIncident({ ctx, input }: { ctx: ServiceContext; input: DeclareIncidentInput }) {
  const prepared = await prepareIncident(ctx, input);
  return ctx.db.transaction().execute((trx) => insertIncident(trx, ctx, prepared));
}
