import { describe, expect, it } from 'vitest';
import { banner, deriveStatuses, worstOf } from './status.ts';

const components = [
  { id: 'media-cottbus', dependsOn: [] },
  { id: 'local-numbers', dependsOn: ['media-cottbus'] },
  { id: 'fax', dependsOn: ['local-numbers'] },
  { id: 'callthrough', dependsOn: [] },
];

describe('deriveStatuses', () => {
  it('is operational without incidents or maintenance', () => {
    const d = deriveStatuses({ components, incidents: [], maintenances: [] });
    expect([...d.values()].every((s) => s.status === 'operational' && s.causeComponentId === null)).toBe(
      true,
    );
  });

  it('lets the worst of several incidents win', () => {
    const d = deriveStatuses({
      components,
      incidents: [
        { id: 'i1', components: [{ componentId: 'callthrough', status: 'degraded_performance' }] },
        { id: 'i2', components: [{ componentId: 'callthrough', status: 'partial_outage' }] },
      ],
      maintenances: [{ id: 'm1', componentIds: ['callthrough'] }],
    });
    expect(d.get('callthrough')).toMatchObject({
      status: 'partial_outage',
      incidentIds: ['i1', 'i2'],
      maintenanceIds: ['m1'],
    });
  });

  it('propagates an outage along dependencies, naming the root cause', () => {
    const d = deriveStatuses({
      components,
      incidents: [{ id: 'i1', components: [{ componentId: 'media-cottbus', status: 'major_outage' }] }],
      maintenances: [],
    });
    expect(d.get('local-numbers')).toMatchObject({
      status: 'major_outage',
      ownStatus: 'operational',
      causeComponentId: 'media-cottbus',
    });
    expect(d.get('fax')).toMatchObject({ status: 'major_outage', causeComponentId: 'media-cottbus' });
    expect(d.get('callthrough')?.status).toBe('operational');
  });

  it('keeps a worse own status and names no cause then', () => {
    const d = deriveStatuses({
      components,
      incidents: [
        { id: 'i1', components: [{ componentId: 'media-cottbus', status: 'degraded_performance' }] },
        { id: 'i2', components: [{ componentId: 'fax', status: 'major_outage' }] },
      ],
      maintenances: [],
    });
    expect(d.get('fax')).toMatchObject({ status: 'major_outage', causeComponentId: null });
    expect(d.get('local-numbers')).toMatchObject({
      status: 'degraded_performance',
      causeComponentId: 'media-cottbus',
    });
  });

  it('does not propagate maintenance to dependants', () => {
    const d = deriveStatuses({
      components,
      incidents: [],
      maintenances: [{ id: 'm', componentIds: ['media-cottbus'] }],
    });
    expect(d.get('media-cottbus')?.status).toBe('under_maintenance');
    expect(d.get('fax')?.status).toBe('operational');
  });

  it('survives a dependency cycle', () => {
    const cyclic = [
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['a'] },
    ];
    const d = deriveStatuses({
      components: cyclic,
      incidents: [{ id: 'i', components: [{ componentId: 'a', status: 'partial_outage' }] }],
      maintenances: [],
    });
    expect(d.get('b')).toMatchObject({ status: 'partial_outage', causeComponentId: 'a' });
  });
});

describe('banner', () => {
  it('sums the page up from the worst status', () => {
    expect(banner(['operational', 'operational']).kind).toBe('all_operational');
    expect(banner(['operational', 'under_maintenance'])).toEqual({
      kind: 'under_maintenance',
      indicator: 'maintenance',
    });
    expect(banner(['degraded_performance', 'under_maintenance']).kind).toBe('degraded');
    expect(banner(['partial_outage', 'degraded_performance']).indicator).toBe('major');
    expect(banner(['major_outage', 'partial_outage']).indicator).toBe('critical');
    expect(worstOf([])).toBe('operational');
  });
});
