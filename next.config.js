// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const { assetHeaders, commonHeaders, FILE_POLICY, isHttps } = require('./lib/security/headers');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Pages served from Next's cache (app/cached) carry a Content-Security-Policy of hashes: see the file. They are
// kept in the page store every server process shares (scripts/server/next-cache-handler.cjs, WEB_CONCURRENCY).
// Registered as the process-wide incremental cache (the global IncrementalCache reads when no
// `cacheHandler` is configured), because Next imports a configured `cacheHandler` module again on every
// request (next-server's getIncrementalCache): that cost the cached topic page 15 % of its throughput.
// next.config.js runs in the `next start` process, before the first request.
const CACHE_HANDLERS = Symbol.for('@next/cache-handlers');
globalThis[CACHE_HANDLERS] = { ...globalThis[CACHE_HANDLERS], FetchCache: require('./lib/security/cache-handler.js') };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle; nodemailer too (it reads its own files at run time).
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'nodemailer', 'sharp'],
  poweredByHeader: false,
  // The build type-checks the app only; `npm run typecheck` covers the tests as well.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // scripts/server.mjs compresses (Brotli or gzip, static files once): Next's own gzip would come first.
  compress: false,
  experimental: {
    // Forms that carry a recording (5 MiB at most, lib/media) or a lesson's picture (8 MiB at most, re-encoded to
    // ≤ 60 KB): Next accepts 1 MB by default.
    serverActions: { bodySizeLimit: '10mb' },
    // forbidden() and app/[locale]/forbidden.tsx: pages refused to a person answer 403 (issue 17 §6).
    authInterrupts: true,
  },
  // The icon's name carries no content hash (the build's files do, and are cached a year): a week,
  // so that a repeat visit fetches the page alone.
  async headers() {
    return [
      // Every response but the build's static files: pages, route handlers, files of public/, 404s
      // (lib/security/headers.js). HSTS when PUBLIC_URL is https at build time (`npm start` builds again
      // when that changes).
      { source: '/:path((?!_next/static/).*)', headers: commonHeaders({ https: isHttps(process.env.PUBLIC_URL) }) },
      // The build's static files (scripts, styles, fonts): only what a fetched file needs.
      { source: '/_next/static/:path*', headers: assetHeaders() },
      // The build's files: proxy.ts does not see them (pages get their policy there).
      { source: '/_next/:path*', headers: [{ key: 'Content-Security-Policy', value: FILE_POLICY }] },
      // The icon's name carries no content hash (the build's files do, and are cached a year): a week,
      // so that a repeat visit fetches the page alone.
      { source: '/icon.svg', headers: [{ key: 'Cache-Control', value: 'public, max-age=604800' }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
