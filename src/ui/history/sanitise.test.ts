// @vitest-environment jsdom
// DOMPurify needs a DOM it supports: happy-dom is not one (see sanitise.happy-dom.test.ts).
import { describe, expect, it } from 'vitest';
import { isWebLink, sanitiseDescription } from './sanitise';

/** Parses the sanitised output the way the page will insert it. */
function parse(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = sanitiseDescription(html);
  return div;
}

const allAttributes = (root: Element) =>
  [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.tagName.toLowerCase()}[${a.name}]`));

describe('sanitiseDescription', () => {
  it('keeps the formatting a provider uses, and links to web pages', () => {
    const out = parse(
      '<p>In 2013, <b>Adobe</b> lost <strong>153M</strong> records; see <a href="https://example.com/x?a=1&amp;b=2">the report</a>.</p>' +
        '<ul><li><em>one</em></li><li><i>two</i><br></li></ul><ol><li>three</li></ol>',
    );
    expect(out.querySelector('p')?.textContent).toBe('In 2013, Adobe lost 153M records; see the report.');
    expect([...out.querySelectorAll('*')].map((e) => e.tagName.toLowerCase())).toEqual(['p', 'b', 'strong', 'a', 'ul', 'li', 'em', 'li', 'i', 'br', 'ol', 'li']);
    const link = out.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/x?a=1&b=2');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('drops images and their handlers, so nothing runs and nothing is fetched', () => {
    const out = parse('<p>Hi<img src=x onerror=alert(1)><img src="https://tracker.example/p.gif"></p>');
    expect(out.querySelector('img')).toBeNull();
    expect(out.innerHTML).toBe('<p>Hi</p>');
  });

  it('removes scripts, styles and their content entirely', () => {
    const out = parse('<script>alert(1)</script><style>p{background:url(https://x.example)}</style><p>text</p><noscript><p>x</p></noscript>');
    expect(out.innerHTML).toBe('<p>text</p>');
  });

  it('removes javascript:, data:, vbscript: and relative links but keeps their text', () => {
    const hrefs = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'javascript&colon;alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/local/page',
      '//evil.example/',
      'chrome-extension://abc/page.html',
      'mailto:a@example.com',
      'https:/missing-slash',
    ];
    for (const href of hrefs) {
      const out = parse(`<a href="${href}">click</a>`);
      const a = out.querySelector('a');
      expect(a?.textContent, href).toBe('click');
      expect(a?.hasAttribute('href'), href).toBe(false);
      expect(a?.hasAttribute('target'), href).toBe(false);
    }
  });

  it('keeps no attribute but href, and adds only target and rel to web links', () => {
    const out = parse(
      '<p style="color:red" class="x" id="y" data-x="1" aria-label="z" onclick="alert(1)" title="t">a</p>' +
        '<a href="http://example.com/" onmouseover="alert(1)" style="position:fixed" target="_self" rel="opener" ping="https://ping.example/" download>b</a>',
    );
    expect(allAttributes(out).sort()).toEqual(['a[href]', 'a[rel]', 'a[target]']);
    expect(out.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('strips forms, frames, media, SVG and MathML', () => {
    const out = parse(
      '<form action="https://evil.example"><input name="p"><button>go</button></form>' +
        '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">' +
        '<video src="x" poster="https://evil.example/p.png"></video><audio src="x"></audio>' +
        '<svg><script>alert(1)</script><image href="https://evil.example/i.png"/><a xlink:href="javascript:alert(1)">s</a></svg>' +
        '<math><mi xlink:href="javascript:alert(1)">m</mi></math><link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    );
    expect(out.querySelectorAll('form, input, button, iframe, object, embed, video, audio, svg, image, math, link, meta, script').length).toBe(0);
    expect(out.innerHTML).not.toMatch(/evil\.example|javascript:/i);
  });

  it('survives mutation-XSS and malformed markup', () => {
    const payloads = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<p><svg><p><style><img src=x onerror=alert(1)></style></p></svg></p>',
      '<a href="https://ok.example/"><img src=x onerror=alert(1)>',
      '<scr<script>ipt>alert(1)</scr</script>ipt>',
      '"><img src=x onerror=alert(1)>',
      '<<p>>',
      '<template><img src=x onerror=alert(1)></template>',
      '<details open ontoggle=alert(1)>',
    ];
    for (const payload of payloads) {
      const html = sanitiseDescription(payload);
      const out = parse(payload);
      expect(out.querySelector('img, svg, style, script, template, details'), payload).toBeNull();
      expect(allAttributes(out).every((a) => /^a\[(href|target|rel)\]$/.test(a)), payload).toBe(true);
      expect(html, payload).not.toMatch(/<img|onerror=|<script/i);
    }
  });

  it('keeps plain text as the same text', () => {
    expect(sanitiseDescription('')).toBe('');
    for (const text of ['Names & emails from 2019', '1 < 2 and 3 > 2', 'a &lt;script&gt; tag', 'Ünïcödé — “quotes”']) {
      const out = parse(text);
      expect(out.children.length, text).toBe(0);
      expect(out.textContent, text).toBe(text.replace('&lt;', '<').replace('&gt;', '>'));
    }
  });
});

describe('isWebLink', () => {
  it('accepts only absolute http and https addresses', () => {
    expect(isWebLink('https://example.com/')).toBe(true);
    expect(isWebLink('http://example.com')).toBe(true);
    expect(isWebLink('HTTPS://EXAMPLE.COM/a')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('//example.com')).toBe(false);
    expect(isWebLink('ftp://example.com')).toBe(false);
    expect(isWebLink('https://')).toBe(false);
    expect(isWebLink('not a url')).toBe(false);
  });
});
