import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch, negotiateEncoding, renderedPage } from './http-cache.ts';

describe('content negotiation and validators', () => {
  it('prefers Brotli, then gzip, honouring q=0 and *', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, identity')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
  });

  it('does not compress tiny pages', () => {
    const tiny = renderedPage('<p>x</p>');
    expect(tiny.as('br')).toMatchObject({ encoding: 'identity', etag: tiny.etag });
    const big = renderedPage(`<p>${'Störung '.repeat(500)}</p>`);
    expect(big.as('gzip').encoding).toBe('gzip');
    // Compressed once, then kept.
    expect(big.as('gzip').body).toBe(big.as('gzip').body);
  });

  it('matches If-None-Match lists weakly', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});
