// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // The build type-checks the app only; `npm run typecheck` covers the tests as well.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  compress: true,
};

module.exports = withNextIntl(nextConfig);
