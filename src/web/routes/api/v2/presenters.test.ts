import { describe, expect, it } from 'vitest';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { IncidentView, MaintenanceView } from '#src/services/views.ts';
import {
  type PresentContext,
  pageIndicator,
  presentComponents,
  presentIncident,
  presentMaintenance,
  presentStatus,
} from './presenters.ts';
import { isoWithOffset } from './time.ts';

const ctx: PresentContext = {
  locale: 'en',
  timeZone: 'Europe/Berlin',
  pageId: 'pg0000000001',
  publicUrl: 'https://status.example.net',
};

const component = (id: string, groupId: string | null, position: number): Catalog['components'][number] => ({
  id,
  groupId,
  siteId: null,
  name: { de: `${id} (de)`, en: `${id} (en)` },
  description: { de: id === 'fax' ? 'Faxdienst' : '', en: id === 'fax' ? 'Fax service' : '' },
  position,
  createdAt: '2026-01-01T00:00:00.000Z',
  services: [],
  dependsOn: [],
});

const catalog: Pick<Catalog, 'groups' | 'components'> = {
  groups: [{ id: 'voice', name: { de: 'Telefonie', en: 'Voice' }, position: 1 }],
  components: [
    component('fax', 'voice', 1),
    component('trunk', 'voice', 0),
    component('portal', null, 0),
    // Same id as the group: the group must get another id in the API.
    component('voice', null, 2),
  ],
};

describe('timestamps', () => {
  it('carries the page zone offset on both sides of the DST change', () => {
    expect(isoWithOffset('2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000+01:00');
    expect(isoWithOffset('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T03:30:00.000+02:00');
    expect(isoWithOffset('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000+02:00');
    expect(isoWithOffset('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000+01:00');
    expect(isoWithOffset('2026-07-01T12:00:00.123Z', 'America/St_Johns')).toBe(
      '2026-07-01T09:30:00.123-02:30',
    );
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', 'UTC')).toBe('2026-07-01T12:00:00.000+00:00');
  });
});

describe('components', () => {
  const statuses = new Map([
    ['fax', { status: 'partial_outage' as const }],
    ['trunk', { status: 'degraded_performance' as const }],
  ]);
  const changed = new Map([['fax', '2026-11-20T10:00:00.000Z']]);
  const list = presentComponents(catalog, statuses, changed, ctx);

  it('lists top-level entries by position, each group followed by its members', () => {
    expect(list.map((c) => [c.id, c.position, c.group_id, c.group])).toEqual([
      ['portal', 1, null, false],
      ['group-voice', 2, null, true],
      ['trunk', 1, 'group-voice', false],
      ['fax', 2, 'group-voice', false],
      ['voice', 3, null, false],
    ]);
  });

  it('puts a group before a component of the same position', () => {
    const tie = presentComponents(
      {
        groups: [{ id: 'zeta', name: { de: 'Z', en: 'Z' }, position: 0 }],
        components: [component('alpha', null, 0), component('member', 'zeta', 0)],
      },
      new Map(),
      new Map(),
      ctx,
    );
    expect(tie.map((c) => c.id)).toEqual(['zeta', 'member', 'alpha']);
  });

  it('uses Statuspage field names and values, in the reader language', () => {
    const fax = list.find((c) => c.id === 'fax')!;
    expect(fax).toEqual({
      id: 'fax',
      name: 'fax (en)',
      status: 'partial_outage',
      created_at: '2026-01-01T01:00:00.000+01:00',
      updated_at: '2026-11-20T11:00:00.000+01:00',
      position: 2,
      description: 'Fax service',
      showcase: true,
      start_date: '2026-01-01',
      group_id: 'group-voice',
      page_id: 'pg0000000001',
      group: false,
      only_show_if_degraded: false,
    });
    expect(list.find((c) => c.id === 'portal')).toMatchObject({ description: null, status: 'operational' });
  });

  it('gives a group its worst member status and member ids', () => {
    expect(list.find((c) => c.group)).toMatchObject({
      name: 'Voice',
      status: 'partial_outage',
      components: ['trunk', 'fax'],
      updated_at: '2026-11-20T11:00:00.000+01:00',
    });
  });
});

describe('status indicator', () => {
  it('takes the worst of incident impacts and component statuses', () => {
    expect(pageIndicator([], ['operational'], false)).toBe('none');
    expect(pageIndicator(['minor'], ['operational'], false)).toBe('minor');
    expect(pageIndicator(['minor'], ['major_outage'], false)).toBe('critical');
    expect(pageIndicator(['critical'], ['degraded_performance'], false)).toBe('critical');
    expect(pageIndicator(['none'], ['partial_outage'], false)).toBe('major');
  });

  it('says maintenance only when nothing is broken', () => {
    expect(pageIndicator([], ['under_maintenance'], true)).toBe('maintenance');
    expect(pageIndicator([], ['operational'], true)).toBe('maintenance');
    expect(pageIndicator(['minor'], ['under_maintenance'], true)).toBe('minor');
  });

  it('describes the indicator in the reader language', () => {
    expect(presentStatus('none', 'en')).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
    expect(presentStatus('critical', 'de').description).toBe('Schwerer Systemausfall');
  });
});

describe('incidents and maintenance', () => {
  const components = new Map(presentComponents(catalog, new Map(), new Map(), ctx).map((c) => [c.id, c]));
  const incident: IncidentView = {
    id: 'inc1',
    title: { de: 'Faxe gehen nicht', en: 'Faxes fail' },
    impact: 'major',
    status: 'monitoring',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
    resolvedAt: null,
    version: 4,
    components: [{ componentId: 'fax', status: 'partial_outage' }],
    updates: [
      {
        id: 'u3',
        status: 'monitoring',
        body: { de: 'intern', en: 'internal' },
        visibility: 'internal',
        createdAt: '2026-11-20T12:00:00.000Z',
        author: 'a',
      },
      {
        id: 'u2',
        status: 'monitoring',
        body: { de: 'Behoben?', en: 'Fixed?' },
        visibility: 'public',
        createdAt: '2026-11-20T11:00:00.000Z',
        author: 'a',
      },
      {
        id: 'u1',
        status: 'investigating',
        body: { de: 'Wir prüfen.', en: 'Checking.' },
        visibility: 'public',
        createdAt: '2026-11-20T10:00:00.000Z',
        author: 'a',
      },
    ],
  };

  it('presents an incident without internal updates or their time', () => {
    const p = presentIncident(incident, components, ctx);
    expect(p).toMatchObject({
      id: 'inc1',
      name: 'Faxes fail',
      status: 'monitoring',
      impact: 'major',
      created_at: '2026-11-20T11:00:00.000+01:00',
      started_at: '2026-11-20T11:00:00.000+01:00',
      updated_at: '2026-11-20T12:00:00.000+01:00',
      monitoring_at: '2026-11-20T12:00:00.000+01:00',
      resolved_at: null,
      shortlink: 'https://status.example.net/incidents/inc1',
      page_id: 'pg0000000001',
    });
    expect(p.incident_updates.map((u) => u.id)).toEqual(['u2', 'u1']);
    expect(p.incident_updates[0]).toEqual({
      id: 'u2',
      status: 'monitoring',
      body: 'Fixed?',
      incident_id: 'inc1',
      created_at: '2026-11-20T12:00:00.000+01:00',
      updated_at: '2026-11-20T12:00:00.000+01:00',
      display_at: '2026-11-20T12:00:00.000+01:00',
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    });
    expect(p.components.map((c) => c.id)).toEqual(['fax']);
    expect(JSON.stringify(p)).not.toContain('internal');
  });

  it('presents maintenance with its window and maps cancelled to completed', () => {
    const m: MaintenanceView = {
      id: 'm1',
      title: { de: 'Wartung Vermittlung', en: 'Switch maintenance' },
      status: 'cancelled',
      scheduledStart: '2026-10-25T00:00:00.000Z',
      scheduledEnd: '2026-10-25T02:00:00.000Z',
      startedAt: null,
      completedAt: '2026-10-24T09:00:00.000Z',
      createdAt: '2026-10-20T09:00:00.000Z',
      updatedAt: '2026-10-24T09:00:00.000Z',
      version: 2,
      componentIds: ['trunk'],
      updates: [
        {
          id: 'mu2',
          status: 'cancelled',
          body: { de: 'Abgesagt.', en: 'Called off.' },
          createdAt: '2026-10-24T09:00:00.000Z',
          author: 'a',
        },
      ],
    };
    const p = presentMaintenance(m, components, { ...ctx, locale: 'de' });
    expect(p).toMatchObject({
      name: 'Wartung Vermittlung',
      status: 'completed',
      impact: 'maintenance',
      scheduled_for: '2026-10-25T02:00:00.000+02:00',
      scheduled_until: '2026-10-25T03:00:00.000+01:00',
      resolved_at: '2026-10-24T11:00:00.000+02:00',
      monitoring_at: null,
      shortlink: 'https://status.example.net/maintenance/m1',
    });
    expect(p.incident_updates[0]).toMatchObject({
      status: 'completed',
      body: 'Abgesagt.',
      incident_id: 'm1',
    });
    expect(p.components.map((c) => c.id)).toEqual(['trunk']);
  });
});
