import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeXml, messageText } from './xml.ts';
import { xmlProblem } from './xml-check.ts';

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;',
    );
    expect(escapeXml('a\u0000b\u0007c\u000Bd\uD800e\tf\ng')).toBe('abcde\tf\ng');
    expect(escapeXml('ä € 😀')).toBe('ä € 😀');
  });
});

describe('messageText', () => {
  it('turns markdown into plain text without leftover entities', () => {
    expect(messageText('**Tom & Jerry** <b>x</b> 5 > 3 `a<b>`')).toBe('Tom & Jerry x 5 > 3 a<b>');
    expect(messageText('Literal &amp;lt; stays text')).toBe('Literal &lt; stays text');
    expect(messageText('<script>alert(1)</script>Rest')).toBe('Rest');
  });

  it('decodes numeric and the predefined entities in one pass only', () => {
    expect(decodeEntities('&amp;lt; &#65;&#x42; &quot;&apos; &unknown; &constructor;')).toBe(
      `&lt; AB "' &unknown; &constructor;`,
    );
  });
});

describe('xmlProblem (the tests’ well-formedness check)', () => {
  it('accepts a well-formed document', () => {
    expect(
      xmlProblem('<?xml version="1.0"?>\n<a x="1" y=\'2\'><b/>t &amp; &#38;<!-- c --><c>z</c></a>\n'),
    ).toBeNull();
  });

  it.each([
    ['<a><b></a></b>', 'closes'],
    ['<a>', 'unclosed'],
    ['<a>x & y</a>', 'bare "&"'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a x=1/>', 'malformed'],
    ['<a/><b/>', 'second root'],
    ['<a>\u0001</a>', 'not allowed'],
    ['text<a/>', 'outside the root'],
    ['<a x="<"/>', 'malformed'],
  ])('rejects %j', (doc, problem) => {
    expect(xmlProblem(doc)).toContain(problem);
  });
});
