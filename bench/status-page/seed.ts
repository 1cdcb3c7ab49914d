/**
 * @module The benchmark's page: the same large page the size-budget and accessibility tests use
 * (test/support/large-page.ts), seeded with a real clock and ids.
 */
import { createIdGenerator } from '#src/adapters/ids.ts';
import type { Store } from '#src/adapters/store/open-store.ts';
import { type ServiceContext, systemActor } from '#src/services/context.ts';
import { seedLargePage } from '../../test/support/large-page.ts';

export async function seedBenchmarkPage(store: Store): Promise<void> {
  const ctx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock: () => new Date(),
    newId: createIdGenerator(),
    actor: systemActor,
  };
  await seedLargePage(store, ctx);
}
