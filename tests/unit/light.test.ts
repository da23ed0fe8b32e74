import { describe, expect, it } from 'vitest';
import { locales, defaultLocale } from '@/lib/i18n/config';
import { dataSaverChoice } from '@/lib/light/choice';
import { DATA_SAVER_COOKIE, cookieValue, dataSaverOn, stripFrameworkScripts } from '@/lib/light/data-saver.mjs';
import { LOCALE_PREFIXES, isPagePath, pathBehindStatus, statusOfPath, statusPagePath } from '@/lib/light/status-pages.mjs';
import { markdownToPlain } from '@/lib/markdown';
import { snippetParts } from '@/lib/search/views';
import { compressible, negotiate } from '@/scripts/lib/compression.mjs';

describe('data-saver mode', () => {
  it('is on with Save-Data: on, unless the person turned it off; the toggle wins either way', () => {
    expect(dataSaverOn(undefined, 'on')).toBe(true);
    expect(dataSaverOn('', ' On ')).toBe(true);
    expect(dataSaverOn(undefined, undefined)).toBe(false);
    expect(dataSaverOn(undefined, 'off')).toBe(false);
    expect(dataSaverOn(`a=1; ${DATA_SAVER_COOKIE}=on`, undefined)).toBe(true);
    expect(dataSaverOn(`${DATA_SAVER_COOKIE}=off; b=2`, 'on')).toBe(false);
    expect(dataSaverOn(`x${DATA_SAVER_COOKIE}=on`, undefined)).toBe(false);
    expect(cookieValue('a=1;  b = two ', 'b')).toBe('two');
  });

  it('takes out every script, the scripts it preloads and the render-blocking link, and nothing else', () => {
    const page =
      '<!DOCTYPE html><html lang="fr"><head><link rel="stylesheet" href="/_next/static/a.css"/>' +
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/><link rel="modulepreload" href="/m.js"/>' +
      '<link rel="expect" href="#_R_" blocking="render"/><link rel="icon" href="/icon.svg"/><link rel="preload" as="image" href="/i.png"/>' +
      '<script src="/_next/static/chunks/a.js" async=""></script><script type="application/ld+json">{"@type":"Event"}</script></head>' +
      '<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><noscript><meta http-equiv="refresh" content="5;url=/login"/></noscript>' +
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"\\u003c/script>"])</script>' +
      '<SCRIPT id="_R_">x</SCRIPT ></body></html>';
    const out = stripFrameworkScripts(page);
    expect(out).not.toMatch(/<script(?![^>]*ld\+json)/i);
    expect(out).toContain('<script type="application/ld+json">{"@type":"Event"}</script>');
    expect(out).not.toContain('x.js');
    expect(out).not.toContain('/m.js');
    expect(out).not.toContain('rel="expect"');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/a.css"/>');
    expect(out).toContain('<link rel="icon" href="/icon.svg"/>');
    expect(out).toContain('<link rel="preload" as="image" href="/i.png"/>');
    expect(out).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out).toContain('<meta http-equiv="refresh" content="5;url=/login"/>');
    expect(out).not.toContain('noscript');
    expect(out).toContain('<html data-saver="on" lang="fr">');
    expect(stripFrameworkScripts(out)).toBe(out);
  });

  it('the toggle sets on or off for a year and goes back only to a path of this site', () => {
    expect(dataSaverChoice({ mode: 'on', back: '/en/topics/3' }, true)).toEqual({
      cookie: `${DATA_SAVER_COOKIE}=on; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly; Secure`,
      back: '/en/topics/3',
    });
    expect(dataSaverChoice({ mode: 'off', back: '/' }, false)?.cookie).toBe(`${DATA_SAVER_COOKIE}=off; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
    for (const back of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a b']) {
      expect(dataSaverChoice({ mode: 'on', back }, true)?.back).toBe('/');
    }
    expect(dataSaverChoice({ mode: 'maybe', back: '/' }, true)).toBeNull();
    expect(dataSaverChoice({ mode: '', back: '/' }, true)).toBeNull();
  });
});

describe('compression', () => {
  it('chooses Brotli, then gzip, as the client accepts them', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiate('gzip, deflate')).toBe('gzip');
    expect(negotiate('br;q=0, gzip')).toBe('gzip');
    expect(negotiate('gzip;q=0.9, br;q=0.5')).toBe('gzip');
    expect(negotiate('identity')).toBeNull();
    expect(negotiate('')).toBeNull();
    expect(negotiate(undefined)).toBeNull();
    expect(negotiate('*')).toBe('br');
    expect(negotiate('*;q=0')).toBeNull();
  });

  it('compresses text, scripts, styles, data and SVG; never audio, video or compressed images', () => {
    for (const t of ['text/html; charset=utf-8', 'text/css', 'application/javascript', 'application/json', 'text/x-component', 'image/svg+xml', 'application/atom+xml', 'text/csv']) {
      expect(compressible(t), t).toBe(true);
    }
    for (const t of ['audio/webm', 'video/mp4', 'image/png', 'image/webp', 'application/zip', 'application/octet-stream', '', undefined]) {
      expect(compressible(t), String(t)).toBe(false);
    }
  });
});

describe('status pages', () => {
  it('knows the same languages as the app', () => {
    expect(LOCALE_PREFIXES).toEqual(locales.filter((l) => l !== defaultLocale));
  });

  it('maps a page to its status page and back, the language first', () => {
    expect(statusPagePath('/topics/9', 404)).toBe('/status/404/topics/9');
    expect(statusPagePath('/en/topics/9', 404)).toBe('/en/status/404/topics/9');
    expect(statusPagePath('/snk', 403)).toBe('/snk/status/403');
    expect(statusPagePath('/', 404)).toBe('/status/404');
    expect(statusPagePath('/enx/a', 404)).toBe('/status/404/enx/a');
    expect(statusOfPath('/status/404/topics/9')).toBe(404);
    expect(statusOfPath('/ff/status/403')).toBe(403);
    expect(statusOfPath('/status/500')).toBeNull();
    expect(statusOfPath('/topics/status/404')).toBeNull();
    expect(pathBehindStatus('/status/404/topics/9')).toBe('/topics/9');
    expect(pathBehindStatus('/status/403')).toBe('/');
    expect(pathBehindStatus('/topics/9')).toBe('/topics/9');
  });

  it('only pages get one: not files, build output or route handlers', () => {
    expect(isPagePath('/topics/9')).toBe(true);
    expect(isPagePath('/')).toBe(true);
    for (const p of ['/_next/static/x.js', '/icon.svg', '/api/data-saver', '/media/a.webm', '/exports/topics/1.csv', '/feeds/all.atom']) expect(isPagePath(p), p).toBe(false);
  });
});

describe('search snippets', () => {
  it('show words, not Markdown marks', () => {
    expect(markdownToPlain("## Le projet\n\nLe quartier **Tata** n'a pas de [point](https://x) d'eau.\n\n- Où ?\n> cité\n1. un")).toBe(
      "Le projet Le quartier Tata n'a pas de point d'eau. Où ? cité un",
    );
    expect(markdownToPlain('snake_case et *vite* et _aussi_')).toBe('snake_case et vite et aussi');
    expect(snippetParts('…## Le \uE000projet\uE001 **Tata**')).toEqual([
      { text: '…Le ', marked: false },
      { text: 'projet', marked: true },
      { text: ' Tata', marked: false },
    ]);
  });
});
