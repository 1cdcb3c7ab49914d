/**
 * @module Imports the inventory CSV (docs/INVENTORY.md): checks every row against the catalog, then
 * brings customers, contacts, contracts (with their indexed identifiers) and resources (with their
 * components) to the file's state in one transaction, with one audit row `inventory.import`.
 * A file with errors imports nothing unless `skipBadRows`; then the good rows are imported and
 * nothing named in a bad row is deleted. A dry run computes the same changes and writes nothing.
 *
 * @example
 * const r = await importInventory({ ctx, input: { text, dryRun: true } });
 * r.counts.resources.create // → 10000
 */
import { sql } from 'kysely';
import { parseCsv } from '#src/domain/csv.ts';
import {
  type CheckedInventory,
  checkInventory,
  type InventoryCatalog,
  type InventoryError,
} from '#src/domain/inventory.ts';
import {
  countChanges,
  diffInventory,
  type InventoryChanges,
  type inventoryKinds,
} from '#src/domain/inventory-diff.ts';
import type { ServiceContext } from './context.ts';
import { loadStoredInventory, writeInventoryChanges } from './inventory-store.ts';
import { writeAudit } from './write-audit.ts';

export interface ImportInventoryInput {
  text: string;
  dryRun?: boolean;
  skipBadRows?: boolean;
  /** Named in the audit row (a file name). */
  source?: string;
  /** Told while writing: `done` of `total` changes written. */
  onProgress?: (done: number, total: number) => void;
}

export type ChangeCounts = Record<
  (typeof inventoryKinds)[number],
  { create: number; update: number; delete: number }
>;

export interface ImportInventoryResult {
  /** Data rows in the file. */
  rows: number;
  errors: InventoryError[];
  /** Lines of the rows left out (with `skipBadRows`) or that refused the file. */
  badLines: number[];
  /** False when the file was refused: its errors stopped everything. */
  accepted: boolean;
  /** What was (or, for a dry run or refused file, would be) changed. */
  counts: ChangeCounts;
  /** True when something was written. */
  written: boolean;
  /** The changes themselves (none for a refused file). */
  changes: InventoryChanges | null;
}

/** Arbitrary constant key for the PostgreSQL advisory lock that serialises inventory imports. */
const inventoryLockKey = 7_410_004;

export async function importInventory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ImportInventoryInput;
}): Promise<ImportInventoryResult> {
  const checked = await check(ctx, input.text);
  const refused = checked.fatal || (checked.errors.length > 0 && !input.skipBadRows);
  const result = (changes: InventoryChanges | null, written: boolean): ImportInventoryResult => ({
    rows: checked.rows,
    errors: checked.errors,
    badLines: checked.badLines,
    accepted: !refused,
    counts: countsOf(changes),
    written,
    changes,
  });
  if (refused) return result(null, false);
  if (input.dryRun)
    return result(
      diffInventory(await loadStoredInventory(ctx.db), checked.inventory, checked.untouchable),
      false,
    );
  return ctx.db.transaction().execute(async (trx) => {
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${inventoryLockKey})`.execute(trx);
    const changes = diffInventory(await loadStoredInventory(trx), checked.inventory, checked.untouchable);
    const total = countChanges(changes);
    // Nothing to do: write nothing, not even an audit row (re-importing the same file is a no-op).
    if (total === 0) return result(changes, false);
    await writeInventoryChanges(trx, ctx, changes, (done) => input.onProgress?.(done, total));
    await writeAudit(trx, ctx, {
      action: 'inventory.import',
      subjectType: 'inventory',
      subjectId: null,
      detail: {
        source: input.source ?? null,
        rows: checked.rows,
        // The first thousand are enough to find the file's problem; the count says how many.
        skippedLines: checked.badLines.slice(0, 1000),
        skippedCount: checked.badLines.length,
        counts: countsOf(changes),
      },
    });
    return result(changes, true);
  });
}

async function check(ctx: ServiceContext, text: string): Promise<CheckedInventory> {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const error = { line: parsed.line, key: `inventory.error.${parsed.key.slice('csv.'.length)}` };
    return {
      inventory: { customers: [], contacts: [], contracts: [], resources: [] },
      errors: [error],
      rows: 0,
      badLines: [parsed.line],
      fatal: true,
      untouchable: { customers: [], contracts: [] },
    };
  }
  return checkInventory(parsed.records, await inventoryCatalog(ctx));
}

async function inventoryCatalog(ctx: ServiceContext): Promise<InventoryCatalog> {
  const [services, components] = await Promise.all([
    ctx.db.selectFrom('services').select(['id', 'identifiers']).execute(),
    ctx.db.selectFrom('components').select('id').execute(),
  ]);
  return {
    services: new Map(
      services.map(
        (s) => [s.id, (JSON.parse(s.identifiers) as { key: string }[]).map((i) => i.key)] as const,
      ),
    ),
    componentIds: new Set(components.map((c) => c.id)),
  };
}

function countsOf(changes: InventoryChanges | null): ChangeCounts {
  const of = (k: (typeof inventoryKinds)[number]) => ({
    create: changes?.[k].create.length ?? 0,
    update: changes?.[k].update.length ?? 0,
    delete: changes?.[k].delete.length ?? 0,
  });
  return {
    customers: of('customers'),
    contacts: of('contacts'),
    contracts: of('contracts'),
    resources: of('resources'),
  };
}
