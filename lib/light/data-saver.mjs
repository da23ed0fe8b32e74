// @ts-check
/**
 * Data-saver mode (issue 17 §1): pages without the framework's JavaScript. Plain JavaScript, because
 * both scripts/server.mjs (Node, no bundler) and the app (app/api/data-saver/route.ts, the header's
 * toggle) read it. docs/features/light.md explains the choices.
 */

/** The person's choice, remembered a year: "on" or "off" (off wins over the browser's Save-Data). */
export const DATA_SAVER_COOKIE = 'baro-saver';
export const DATA_SAVER_MAX_AGE = 365 * 24 * 3600;

/**
 * Is data-saver mode on for this request? The cookie decides when it is set; otherwise the browser's
 * `Save-Data: on` (Chrome's Lite mode, Opera Mini, Android's data saver).
 * @param {string | undefined | null} cookieHeader
 * @param {string | undefined | null} saveDataHeader
 */
export function dataSaverOn(cookieHeader, saveDataHeader) {
  const choice = cookieValue(cookieHeader, DATA_SAVER_COOKIE);
  if (choice === 'on') return true;
  if (choice === 'off') return false;
  return /^\s*on\s*$/i.test(saveDataHeader ?? '');
}

/**
 * @param {string | undefined | null} header
 * @param {string} name
 */
export function cookieValue(header, name) {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The page without the framework's JavaScript: every <script> element (Next's chunks, the inline RSC
 * payload `self.__next_f`, the Turbopack bootstrap), the <link>s that preload scripts, and Next's
 * render-blocking `rel="expect"` link that waits for one of those scripts. <noscript> content is
 * unwrapped, since no script will run. Structured data (application/ld+json) is data, and is kept.
 * `<html>` gets data-saver="on", which the stylesheet uses to show the toggle's state.
 *
 * Regular expressions are enough here because the input is React's own output: React escapes "<" in
 * text and attributes, and Next escapes "</" inside inline scripts, so "<script" and "</script" only
 * appear as real tags.
 * @param {string} html
 */
export function stripFrameworkScripts(html) {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (tag, attrs) => (/\btype\s*=\s*["']?application\/ld\+json/i.test(attrs) ? tag : ''))
    .replace(/<link\b[^>]*>/gi, (tag) => (/\brel\s*=\s*["']?(?:modulepreload|expect)\b/i.test(tag) || (/\brel\s*=\s*["']?preload\b/i.test(tag) && /\bas\s*=\s*["']?script\b/i.test(tag)) ? '' : tag))
    .replace(/<noscript>([\s\S]*?)<\/noscript>/gi, '$1')
    .replace(/<html\b(?![^>]*\bdata-saver=)/i, '<html data-saver="on"');
}
