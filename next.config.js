// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle; nodemailer too (it reads its own files at run time).
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'nodemailer', 'sharp'],
  poweredByHeader: false,
  // The build type-checks the app only; `npm run typecheck` covers the tests as well.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  compress: true,
  // Forms that carry a recording (5 MiB at most, lib/media) or a lesson's picture (8 MiB at most, re-encoded to
  // ≤ 60 KB): Next accepts 1 MB by default.
  experimental: { serverActions: { bodySizeLimit: '10mb' } },
  // The icon's name carries no content hash (the build's files do, and are cached a year): a week,
  // so that a repeat visit fetches the page alone.
  async headers() {
    return [{ source: '/icon.svg', headers: [{ key: 'Cache-Control', value: 'public, max-age=604800' }] }];
  },
};

module.exports = withNextIntl(nextConfig);
