import { expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { renderDocument } from './document.ts';
import { errorSummary, input, select } from './forms.ts';

it('renders inputs with kept values, linked errors and escaped user text', () => {
  const out = input({
    name: 'title_de',
    label: 'Titel',
    value: '"><script>x</script>',
    error: 'Pflichtfeld.',
    hint: 'kurz',
    required: true,
  });
  expect(out).toContain('<p class="error" id="f-title_de-error">Pflichtfeld.</p>');
  expect(out).toContain('aria-describedby="f-title_de-hint f-title_de-error"');
  expect(out).toContain('aria-invalid="true"');
  expect(out).toContain(' required ');
  expect(out).not.toContain('<script>');
  expect(out).toContain('value="&#34;&#62;&#60;script&#62;');
});

it('marks the selected option and escapes labels', () => {
  const out = select({
    name: 'status',
    label: 'Status',
    options: [
      { value: 'a', label: '<b>' },
      { value: 'b', label: 'B' },
    ],
    value: 'b',
  });
  expect(out).toContain('<option value="b" selected>B</option>');
  expect(out).toContain('<option value="a">&#60;b&#62;</option>');
});

it('summarises errors in the reader language and links stylesheets', () => {
  const t = translator('en');
  expect(errorSummary(t, [{ path: 'title_de', key: 'error.tooLong', params: { max: 200 } }])).toContain(
    '<li>title_de: At most 200 characters.</li>',
  );
  const doc = renderDocument({
    locale: 'en',
    title: 'T & U',
    body: '<main id="main"></main>',
    stylesheets: ['/assets/style.css?v=1'],
    skipLinkText: 'Skip',
  });
  expect(doc).toContain('<link rel="stylesheet" href="/assets/style.css?v&#61;1">');
  expect(doc).toContain('<title>T &#38; U</title>');
});
