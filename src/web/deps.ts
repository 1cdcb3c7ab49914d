/**
 * @module What the web layer is built from. Passed to buildApp explicitly; routes take what they
 * need from here, never from globals or Fastify decorators holding repositories.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import type { Liveness } from '#src/jobs/liveness.ts';
import type { Config } from '#src/config/env.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';
import type { Actor, ServiceContext } from '#src/services/context.ts';

export interface AppDeps {
  store: Store;
  config: Config;
  clock: Clock;
  newId: IdGenerator;
  /** Parts that must keep beating (jobs/liveness.ts); `/readyz` names stalled ones. Default: the process-wide registry. */
  liveness?: Liveness;
}

export function serviceContext(deps: AppDeps, actor: Actor): ServiceContext {
  return { db: deps.store.db, dialect: deps.store.dialect, clock: deps.clock, newId: deps.newId, actor };
}
