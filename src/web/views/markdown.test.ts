import { expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

it('keeps formatting and safe links, marking links nofollow noopener', () => {
  const out = renderMarkdown('**Ausfall** in [Cottbus](https://example.net/x) – [Hotline](tel:+4930123)');
  expect(out).toContain('<strong>Ausfall</strong>');
  expect(out).toContain('<a href="https://example.net/x" rel="nofollow noopener noreferrer">Cottbus</a>');
  expect(out).toContain('href="tel:+4930123"');
});

it('drops raw HTML, scripts, event handlers and javascript: links', () => {
  const out = renderMarkdown(
    '<script>alert(1)</script><img src=x onerror=alert(1)> <b onclick="x">b</b>\n\n[x](javascript:alert(1))',
  );
  expect(out).not.toMatch(/<script|onerror|onclick|href="javascript:|<img/);
});

it('gives plain text for feeds', () => {
  expect(markdownToText('# Titel\n\n**fett** und _kursiv_')).toBe('Titel fett und kursiv');
});
