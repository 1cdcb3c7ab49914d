import { describe, expect, it } from 'vitest';
import { DialtoneError } from './errors.ts';
import {
  assertIncidentTransition,
  checkAffectedComponents,
  checkBilingual,
  fillBilingual,
  impactFromComponents,
} from './incident.ts';

describe('incident rules', () => {
  it('treats resolved as final', () => {
    expect(() => assertIncidentTransition('monitoring', 'investigating')).not.toThrow();
    expect(() => assertIncidentTransition('resolved', 'monitoring')).toThrow(DialtoneError);
  });

  it('needs text in at least one language and fills the other', () => {
    expect(checkBilingual('title', { de: ' ', en: '' }, 10)).toEqual([
      { path: 'title_de', key: 'error.requiredOneLanguage' },
    ]);
    expect(checkBilingual('title', { de: 'x'.repeat(11), en: '' }, 10)[0]).toMatchObject({
      path: 'title_de',
      key: 'error.tooLong',
    });
    expect(fillBilingual({ de: 'Ausfall', en: '' })).toEqual({ de: 'Ausfall', en: 'Ausfall' });
  });

  it('checks affected components and derives impact', () => {
    const known = new Set(['a', 'b']);
    const errors = checkAffectedComponents(
      [
        { componentId: 'a', status: 'major_outage' },
        { componentId: 'a', status: 'partial_outage' },
        { componentId: 'zz', status: 'operational' },
      ],
      known,
    );
    expect(errors.map((e) => `${e.path}:${e.key}`)).toEqual([
      'components[1].componentId:error.duplicateComponent',
      'components[2].componentId:error.unknownComponent',
      'components[2].status:error.invalidIncidentComponentStatus',
    ]);
    expect(impactFromComponents([{ status: 'degraded_performance' }, { status: 'partial_outage' }])).toBe(
      'major',
    );
    expect(impactFromComponents([{ status: 'major_outage' }])).toBe('critical');
  });
});
