/**
 * @module Gathers what the /api/v2 endpoints present: the status snapshot plus the times the
 * read verbs do not carry (when each component's current status began, when the page last
 * changed), and turns it into Statuspage's page, components and status.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '#src/services/context.ts';
import { getStatusSnapshot, type StatusSnapshot } from '#src/services/get-status-snapshot.ts';
import type { AppDeps } from '#src/web/deps.ts';
import type { Locale } from '#src/web/i18n/index.ts';
import {
  latest,
  type PresentContext,
  pageIndicator,
  presentComponents,
  presentPage,
  presentStatus,
} from './presenters.ts';
import type { SpComponent, SpPage, SpStatus } from './types.ts';

export interface PageTimes {
  /** Component id → when its current (derived) status began. */
  componentChangedAt: Map<string, string>;
  /** Newest public change: a status change, a public incident update, a maintenance change. */
  pageUpdatedAt: string | undefined;
}

/**
 * Reads the open status intervals and the newest public timestamps. Internal incident updates
 * are left out on purpose: their time alone would tell the public that staff wrote something.
 */
export async function loadPageTimes(db: Tx): Promise<PageTimes> {
  const [open, incidentUpdate, maintenance, component] = await Promise.all([
    db
      .selectFrom('status_intervals')
      .select(['component_id', 'started_at'])
      .where('ended_at', 'is', null)
      .execute(),
    db
      .selectFrom('incident_updates')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('visibility', '=', 'public')
      .executeTakeFirst(),
    db
      .selectFrom('maintenances')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('components')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .executeTakeFirst(),
  ]);
  const componentChangedAt = new Map(open.map((o) => [o.component_id, o.started_at]));
  return {
    componentChangedAt,
    pageUpdatedAt: latest([
      ...componentChangedAt.values(),
      incidentUpdate?.at,
      maintenance?.at,
      component?.at,
    ]),
  };
}

/** A stable 12-character page id derived from the public URL (Statuspage ids look alike). */
export function pageIdOf(publicUrl: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const digest = createHash('sha256').update(publicUrl).digest();
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[digest[i]! & 31];
  return id;
}

export interface Base {
  ctx: PresentContext;
  snapshot: StatusSnapshot;
  page: SpPage;
  components: SpComponent[];
  /** Leaf components by id, for the `components` arrays of incidents and maintenance. */
  componentsById: Map<string, SpComponent>;
  status: SpStatus;
}

export async function loadBase(deps: AppDeps, locale: Locale): Promise<Base> {
  const db = deps.store.db;
  const now = deps.clock();
  const [snapshot, times] = await Promise.all([getStatusSnapshot(db, now), loadPageTimes(db)]);
  const ctx: PresentContext = {
    locale,
    timeZone: deps.config.defaultTimeZone,
    pageId: pageIdOf(deps.config.publicUrl),
    publicUrl: deps.config.publicUrl,
  };
  const components = presentComponents(snapshot.catalog, snapshot.statuses, times.componentChangedAt, ctx);
  const page = presentPage(
    {
      id: ctx.pageId,
      name: deps.config.pageName,
      url: deps.config.publicUrl,
      // An empty installation has no history yet: its page "changed" when first asked.
      updatedAt: times.pageUpdatedAt ?? now.toISOString(),
    },
    ctx,
  );
  const indicator = pageIndicator(
    snapshot.activeIncidents.map((i) => i.impact),
    [...snapshot.statuses.values()].map((s) => s.status),
    snapshot.activeMaintenances.length > 0,
  );
  return {
    ctx,
    snapshot,
    page,
    components,
    componentsById: new Map(components.filter((c) => !c.group).map((c) => [c.id, c])),
    status: presentStatus(indicator, locale),
  };
}
