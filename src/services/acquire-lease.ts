/**
 * @module Job leases: several dialtone processes may share one PostgreSQL; a job that must run
 * once (probe runner, detector loop) takes a named lease and renews it while it works. One
 * statement decides: insert the lease, or take it over when it is ours or has expired. Whoever
 * gets a row back holds it; the others get nothing back and stay idle until it expires.
 *
 * @example
 * const { acquired } = await acquireLease({ ctx, input: { name: 'probe-runner', holder, ttlMs: 15_000 } });
 */
import type { ServiceContext } from './context.ts';

export interface LeaseInput {
  /** The job's name, e.g. `probe-runner`. */
  name: string;
  /** Who asks: unique per process (e.g. host + pid + random). */
  holder: string;
  /** How long the lease lasts without renewal (ms). Renew well before: at a third of it. */
  ttlMs: number;
}

export interface LeaseResult {
  acquired: boolean;
  /** ISO time the lease ends unless renewed (when acquired). */
  expiresAt: string | null;
}

export async function acquireLease({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: LeaseInput;
}): Promise<LeaseResult> {
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + input.ttlMs).toISOString();
  const row = await ctx.db
    .insertInto('job_leases')
    .values({ name: input.name, holder: input.holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder: input.holder, expires_at: expiresAt })
        // Renew our own lease, or take over one whose holder stopped renewing.
        .where((eb) =>
          eb.or([
            eb('job_leases.holder', '=', input.holder),
            eb('job_leases.expires_at', '<=', now.toISOString()),
          ]),
        ),
    )
    .returning(['holder'])
    .executeTakeFirst();
  const acquired = row?.holder === input.holder;
  return { acquired, expiresAt: acquired ? expiresAt : null };
}
