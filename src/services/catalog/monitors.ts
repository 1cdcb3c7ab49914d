/**
 * @module The catalog's monitors and component alerting in the database: read back as catalog
 * document parts (for export and diff) and written by applyCatalog. Operator state that the
 * catalog does not own — the heartbeat token hash, a console pause, the monitor's state and
 * checks — is kept across applies.
 */

import type { CatalogChange } from '#src/domain/catalog-diff.ts';
import type { AlertingSpec, MonitorSettings, MonitorSpec } from '#src/domain/catalog-monitors.ts';
import { isMonitorKind } from '#src/domain/monitor.ts';
import type { ServiceContext, Tx } from '../context.ts';

export async function loadMonitorSpecs(db: Tx): Promise<MonitorSpec[]> {
  const rows = await db.selectFrom('monitors').selectAll().orderBy('position').orderBy('id').execute();
  return rows.flatMap((m) =>
    isMonitorKind(m.kind)
      ? [
          {
            id: m.id,
            component: m.component_id,
            kind: m.kind,
            name: { de: m.name_de || m.name_en, en: m.name_en || m.name_de },
            target: m.target,
            settings: parseSettings(m.settings),
            intervalMs: m.interval_ms,
            timeoutMs: m.timeout_ms,
            downAfter: m.down_after,
            enabled: m.enabled === 1,
          },
        ]
      : [],
  );
}

export function parseSettings(json: string): MonitorSettings {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as MonitorSettings) : {};
  } catch {
    return {};
  }
}

export const alertingOf = (row: { alert_policy: string; resolve_policy: string }): AlertingSpec => ({
  policy: row.alert_policy === 'auto' ? 'auto' : 'confirm',
  resolve: row.resolve_policy === 'auto' ? 'auto' : 'propose',
});

/**
 * Deletes monitors the document left out (their state and checks cascade), then inserts new ones
 * and updates changed or moved ones, after the components they name exist. A new monitor starts
 * in state `unknown` from now.
 */
export async function writeMonitors(
  trx: Tx,
  ctx: ServiceContext,
  monitors: readonly MonitorSpec[],
  changes: readonly CatalogChange[],
): Promise<void> {
  const gone = changes.filter((c) => c.kind === 'monitor' && c.op === 'delete').map((c) => c.id);
  if (gone.length > 0) await trx.deleteFrom('monitors').where('id', 'in', gone).execute();
  const stored = new Map(
    (await trx.selectFrom('monitors').select(['id', 'position']).execute()).map((m) => [m.id, m.position]),
  );
  const changed = new Set(changes.filter((c) => c.kind === 'monitor' && c.op === 'update').map((c) => c.id));
  const now = ctx.clock().toISOString();
  for (const [position, m] of monitors.entries()) {
    const row = {
      component_id: m.component,
      kind: m.kind,
      name_de: m.name.de,
      name_en: m.name.en,
      target: m.target,
      settings: JSON.stringify(m.settings),
      interval_ms: m.intervalMs,
      timeout_ms: m.timeoutMs,
      down_after: m.downAfter,
      enabled: m.enabled ? 1 : 0,
      position,
    };
    const was = stored.get(m.id);
    if (was === undefined) {
      await trx
        .insertInto('monitors')
        .values({ id: m.id, ...row })
        .execute();
      await trx
        .insertInto('monitor_state')
        .values({ monitor_id: m.id, state: 'unknown', consecutive_failures: 0, since: now, last_detail: '' })
        .execute();
    } else if (changed.has(m.id) || was !== position) {
      await trx.updateTable('monitors').set(row).where('id', '=', m.id).execute();
    }
  }
}
