import { env } from './env';

/**
 * The site's public address, PUBLIC_URL ("https://baro.kayes.ml"): the one source of every absolute link
 * (Atom feeds, share boxes, printed participant slips, canonical and language links). Never the Host or
 * X-Forwarded-* headers: a client can forge them, and a page or feed kept in a cache would hand the
 * forged address to everyone.
 */
export function siteOrigin(): string {
  return env().PUBLIC_URL;
}

/** PUBLIC_URL as a URL (Next's metadataBase). */
export function siteUrl(): URL {
  return new URL(siteOrigin());
}

/** "/topics/3" → "https://baro.kayes.ml/topics/3". Only a site path: "//host" or "http:" is refused. */
export function absoluteUrl(path: string): string {
  if (!/^\/(?![/\\])/.test(path)) throw new Error(`absoluteUrl takes a path on this site, not ${JSON.stringify(path)}`);
  return siteOrigin() + path;
}
