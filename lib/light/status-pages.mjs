// @ts-check
/**
 * The readable 404 and 403 pages (issue 17 §6). When a page calls notFound() or forbidden(), Next 16 answers
 * with the right status but an empty document (<html id="__next_error__">): the not-found or forbidden UI is
 * only in the RSC payload, drawn by JavaScript (vercel/next.js#62228). scripts/server.mjs therefore answers
 * such a document with app/[locale]/status/[code]/[[...path]]: the same page rendered on the server, with the
 * status kept. Plain JavaScript: the server (no bundler) and lib/request-url.ts both read it.
 */

/** The language prefixes of lib/i18n/config.ts (French has none); tests/unit/light.test.ts keeps them equal. */
export const LOCALE_PREFIXES = ['en', 'bm', 'snk', 'ff'];

const STATUS = new RegExp(`^(?:/(?:${LOCALE_PREFIXES.join('|')}))?/status/(403|404)(?=/|$)`);

/**
 * The status a path of the status pages answers with, or null for any other path.
 * @param {string} pathname
 * @returns {403 | 404 | null}
 */
export function statusOfPath(pathname) {
  const m = STATUS.exec(pathname);
  return m ? /** @type {403 | 404} */ (Number(m[1])) : null;
}

/**
 * The status page for a path that answered `code`: /topics/9 → /status/404/topics/9, /en/topics/9 →
 * /en/status/404/topics/9 (the language stays first, as the router wants it).
 * @param {string} pathname
 * @param {403 | 404} code
 */
export function statusPagePath(pathname, code) {
  const m = new RegExp(`^/(${LOCALE_PREFIXES.join('|')})(?=/|$)`).exec(pathname);
  const prefix = m ? `/${m[1]}` : '';
  const rest = pathname.slice(prefix.length);
  return `${prefix}/status/${code}${rest === '/' ? '' : rest}`;
}

/**
 * The path a status page stands for: /status/404/topics/9 → /topics/9 (without its language prefix,
 * like lib/request-url.ts's requestPath). Any other path is returned as it is.
 * @param {string} pathWithoutLocale
 */
export function pathBehindStatus(pathWithoutLocale) {
  const m = /^\/status\/(?:403|404)(\/.*)?$/.exec(pathWithoutLocale);
  return m ? m[1] || '/' : pathWithoutLocale;
}

/**
 * Paths that are pages (not files, build output or route handlers): only those get a status page.
 * @param {string} pathname
 */
export function isPagePath(pathname) {
  if (/^\/(?:_next|api|media|exports|feeds)(?:\/|$)/.test(pathname)) return false;
  return !/\.[^/]*$/.test(pathname);
}
