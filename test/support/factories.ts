/**
 * @module Small factories for tests: a service context with a controllable clock and counting
 * ids, and a minimal catalog.
 */
import { createIdGenerator } from '#src/adapters/ids.ts';
import type { Store } from '#src/adapters/store/open-store.ts';
import type { Actor, ServiceContext } from '#src/services/context.ts';

export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-11-20T10:00:00.000Z'): TestClock {
  let t = new Date(start).getTime();
  const clock = (() => new Date(t)) as TestClock;
  clock.set = (iso) => {
    t = new Date(iso).getTime();
  };
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}

export const operator: Actor = { type: 'user', id: 'u-op', label: 'op@example.net', role: 'operator' };

export function testContext(
  store: Store,
  clock: TestClock = testClock(),
  actor: Actor = operator,
): ServiceContext {
  return {
    db: store.db,
    dialect: store.dialect,
    clock,
    newId: createIdGenerator(() => clock().getTime()),
    actor,
  };
}

/** Inserts a minimal catalog: two sites, one group, components with a dependency chain. */
export async function seedMiniCatalog(store: Store, createdAt = '2026-01-01T00:00:00.000Z') {
  const db = store.db;
  await db.deleteFrom('incidents').execute();
  await db.deleteFrom('maintenances').execute();
  await db.deleteFrom('status_intervals').execute();
  await db.deleteFrom('components').execute();
  await db.deleteFrom('component_groups').execute();
  await db.deleteFrom('sites').execute();
  await db
    .insertInto('sites')
    .values([
      { id: 'fra', name_de: 'Frankfurt', name_en: 'Frankfurt', position: 0 },
      { id: 'cottbus', name_de: 'Cottbus', name_en: 'Cottbus', position: 1 },
    ])
    .execute();
  await db
    .insertInto('component_groups')
    .values({ id: 'voice', name_de: 'Telefonie', name_en: 'Voice', position: 0 })
    .execute();
  const comp = (id: string, site: string, position: number) => ({
    id,
    group_id: 'voice',
    site_id: site,
    name_de: id,
    name_en: id,
    description_de: '',
    description_en: '',
    position,
    created_at: createdAt,
  });
  await db
    .insertInto('components')
    .values([
      comp('media-cottbus', 'cottbus', 0),
      comp('local-numbers', 'cottbus', 1),
      comp('fax', 'cottbus', 2),
      comp('sip-trunk', 'fra', 3),
    ])
    .execute();
  await db
    .insertInto('component_dependencies')
    .values([
      { component_id: 'local-numbers', depends_on_id: 'media-cottbus' },
      { component_id: 'fax', depends_on_id: 'local-numbers' },
    ])
    .execute();
}
