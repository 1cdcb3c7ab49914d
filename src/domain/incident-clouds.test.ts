import { describe, expect, it } from 'vitest';
import { incidentCoversCloud, parseCloudNames } from './incident-clouds.ts';

describe('incident clouds', () => {
  it('reads one name per line (or comma), normalised, without duplicates', () => {
    expect(
      parseCloudNames(
        'https://A.example-cloud.com/\n b.example-cloud.com, a.example-cloud.com\n\n',
        'clouds',
      ),
    ).toEqual({
      names: ['a.example-cloud.com', 'b.example-cloud.com'],
      errors: [],
    });
    expect(parseCloudNames([], 'clouds')).toEqual({ names: [], errors: [] });
  });

  it('names each name that is not a host name', () => {
    const { errors } = parseCloudNames(['ok.example.com', 'no_host', 'single', '-x.example.com'], 'clouds');
    expect(errors.map((e) => e.params?.value)).toEqual(['no_host', 'single', '-x.example.com']);
    expect(errors.every((e) => e.path === 'clouds' && e.key === 'partner.clouds.invalid')).toBe(true);
  });

  it('refuses more than 200 names', () => {
    const many = Array.from({ length: 201 }, (_, i) => `c${i}.example.com`);
    expect(parseCloudNames(many, 'clouds').errors).toEqual([
      { path: 'clouds', key: 'partner.clouds.tooMany', params: { max: 200 } },
    ]);
  });

  it('an incident without clouds covers every cloud; with clouds, only those', () => {
    expect(incidentCoversCloud([], 'a.example-cloud.com')).toBe(true);
    expect(incidentCoversCloud(['a.example-cloud.com'], 'A.Example-Cloud.com')).toBe(true);
    expect(incidentCoversCloud(['a.example-cloud.com'], 'b.example-cloud.com')).toBe(false);
  });
});
