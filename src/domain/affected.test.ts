import { describe, expect, it } from 'vitest';
import { affectedComponentIds, restorationProgress } from './affected.ts';

const components = [
  { id: 'core', dependsOn: [] },
  { id: 'sbc', dependsOn: ['core'] },
  { id: 'media', dependsOn: ['sbc'] },
  { id: 'fax', dependsOn: ['media', 'core'] },
  { id: 'dsl', dependsOn: [] },
];

describe('affectedComponentIds', () => {
  it('follows dependents transitively from a fault', () => {
    expect(
      [...affectedComponentIds([{ componentId: 'sbc', status: 'partial_outage' }], components)].sort(),
    ).toEqual(['fax', 'media', 'sbc']);
  });

  it('does not spread maintenance, and stops in cycles', () => {
    expect([
      ...affectedComponentIds([{ componentId: 'core', status: 'under_maintenance' }], components),
    ]).toEqual(['core']);
    const cyclic = [
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['a'] },
    ];
    expect([...affectedComponentIds([{ componentId: 'a', status: 'major_outage' }], cyclic)].sort()).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('restorationProgress', () => {
  it('rounds down so that 100 % means every resource', () => {
    expect(restorationProgress(199, 200)).toEqual({ restored: 199, total: 200, percent: 99 });
    expect(restorationProgress(200, 200).percent).toBe(100);
    expect(restorationProgress(0, 0)).toEqual({ restored: 0, total: 0, percent: 0 });
    expect(restorationProgress(5, 3).restored).toBe(3);
  });
});
