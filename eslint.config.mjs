import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Plain <a> on purpose: <Link> prefetches every visible link, which costs prepaid data on 2G.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // Every CSV goes through toCsv (lib/open-data/exports.ts), which neutralises spreadsheet formulas.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['csv-stringify', 'csv-stringify/sync', 'csv-stringify/browser/esm', 'csv-stringify/browser/esm/sync'].map((name) => ({
            name,
            message: 'Write CSV with toCsv from lib/open-data/exports.ts: it neutralises formulas (= + - @).',
          })),
        },
      ],
    },
  },
  { files: ['lib/open-data/exports.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['next.config.js', 'lib/security/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'data/**'] },
];
export default config;
