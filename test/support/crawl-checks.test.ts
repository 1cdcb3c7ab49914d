/**
 * The crawler's detectors, on pages written for the purpose: each problem is found, and the
 * things that merely look alike (host names, code samples, e-mail addresses) are not.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '#src/web/i18n/index.ts';
import type { CrawledPage } from './crawl.ts';
import { knownKeys, pageFindings, rawMessageKeys } from './crawl-checks.ts';
import { linksOf, pageFrame, readableText } from './crawl-html.ts';
import { routePattern } from './crawl-routes.ts';

const page = (body: string, head = '<title>Status</title>', lang = ' lang="de"'): CrawledPage => ({
  url: 'http://127.0.0.1:1/x',
  status: 200,
  contentType: 'text/html; charset=utf-8',
  visitor: 'anonymous',
  from: null,
  html: `<!doctype html><html${lang}><head>${head}</head><body>${body}</body></html>`,
  location: null,
});
const problems = (p: CrawledPage) => pageFindings(p).map((f) => f.problem);

describe('raw message keys', () => {
  it('finds a known key and a vanished key of a known area, not addresses or file names', () => {
    expect(knownKeys.has('console.nav.dashboard')).toBe(true);
    expect(rawMessageKeys('Menü: console.nav.dashboard und public.foo.barBaz.')).toEqual([
      'console.nav.dashboard',
      'public.foo.barBaz',
    ]);
    expect(
      rawMessageKeys(
        'maxmuster.beispiel-cloud.de, status.beispiel.de, noc@console.example.net, catalog.export.yaml, /status.json, 1.5.2',
      ),
    ).toEqual([]);
  });
});

describe('page findings', () => {
  it('a clean page has none', () => {
    expect(problems(page('<h1>Alles in Ordnung</h1><p>Seit 10:00 Uhr.</p>'))).toEqual([]);
  });

  it('names a missing frame: lang, title, a second or no h1', () => {
    expect(problems(page('<h1>A</h1><h1>B</h1>', '', ''))).toEqual([
      'no <html lang>',
      'no <title>',
      '2 <h1> elements, expected one',
    ]);
    expect(problems(page('<p>x</p>'))).toEqual(['0 <h1> elements, expected one']);
    expect(problems({ ...page('<h1>x</h1>'), url: 'http://127.0.0.1:1/x?lang=en' })).toEqual([
      'asked for English, got <html lang="de">',
    ]);
  });

  it('finds leftovers in text and in what is read aloud, not in code samples', () => {
    const found = problems(
      page(
        '<h1>Störung</h1><p>Dauer: NaN Minuten</p><img alt="undefined"><p>Hallo {name}</p><span>[object Object]</span><p>Invalid Date</p>',
      ),
    );
    expect(found.map((f) => f.split(':')[0])).toEqual([
      'shows undefined',
      'shows NaN',
      'shows [object Object]',
      'shows Invalid Date',
      'shows an unreplaced placeholder',
    ]);
    expect(problems(page('<h1>API</h1><pre>GET /incidents/{id}</pre><code>error.required</code>'))).toEqual(
      [],
    );
  });

  it('finds a message of the other language, unless its element declares that language', () => {
    const german = translator('de')('aftercare.affected.none');
    const english = (body: string) => page(`<h1>Aftercare</h1>${body}`, '<title>T</title>', ' lang="en"');
    expect(problems(english(`<p>${german}</p>`))).toEqual([
      `in <html lang="en"> shows the other language: "${german}"`,
    ]);
    expect(problems(english(`<figure lang="de"><p>${german}</p></figure>`))).toEqual([]);
  });

  it('finds an id used twice and a POST form without the CSRF field', () => {
    expect(
      problems(
        page(
          '<h1 id="x">A</h1><p id="x">B</p><form method="post" action="/a"><input type="hidden" name="_csrf" value="t"></form><form method="post" action="/b"><button>Go</button></form>',
        ),
      ),
    ).toEqual([
      'id="x" is used twice (labels and links find the first)',
      '1 POST form(s) without the _csrf field',
    ]);
    // One-click unsubscribe: the route is declared csrfExempt, its URL is the secret.
    const oneClick = '<form method="post" action="/opt-out/abc.def"><button>Ja</button></form>';
    expect(problems(page(`<h1>Abmelden</h1>${oneClick}`))).toEqual([]);
  });

  it('reports a 5xx and links built from missing values', () => {
    expect(problems({ ...page('<h1>x</h1>'), status: 500 })).toEqual(['answered 500']);
    expect(problems(page('<h1>x</h1><a href="/incidents/undefined">y</a>'))).toEqual([
      'links to /incidents/undefined',
    ]);
  });
});

describe('other text answers', () => {
  const answer = (contentType: string, text: string): CrawledPage => ({
    ...page(''),
    contentType,
    html: null,
    text,
  });
  it('JSON must parse; feeds and JSON carry no leftovers; message keys in JSON are the API’s own', () => {
    expect(problems(answer('application/json', '{"a":'))).toEqual(['answers JSON that does not parse']);
    expect(problems(answer('application/json', '{"key":"error.required"}'))).toEqual([]);
    expect(problems(answer('application/atom+xml', '<title>Seit undefined</title>'))).toEqual([
      'carries undefined: "…<title>Seit undefined</title>…"',
    ]);
  });
});

describe('reading HTML', () => {
  it('decodes entities in text and links, and follows GET forms only', () => {
    expect(readableText('<p>A &amp; B &#8211; &lt;C&gt;</p><script>var undefinedThing</script>')).toBe(
      'A & B – <C>',
    );
    expect(
      linksOf(
        '<a href="/x?a=1&amp;b=2">x</a><a href="mailto:a@b.example">m</a><form method="post" action="/p"></form><form action="/history"></form>',
      ),
    ).toEqual(['/x?a=1&b=2', '/history']);
    expect(
      pageFrame('<html lang="en"><title>T</title><h1>x</h1><script>document.write("<h1>")</script>'),
    ).toEqual({
      lang: 'en',
      title: 'T',
      h1Count: 1,
    });
  });

  it('maps paths to the route that serves them, static routes first', () => {
    expect(routePattern('/console/incidents/01abc')).toBe('/console/incidents/:id');
    expect(routePattern('/console/incidents/new')).toBe('/console/incidents/new');
    expect(routePattern('/console/incidents/01abc/aftercare')).toBe('/console/incidents/:id/aftercare');
  });
});
