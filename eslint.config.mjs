import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Every CSV goes through toCsv (lib/open-data/exports.ts), which neutralises spreadsheet formulas.
const csvPaths = ['csv-stringify', 'csv-stringify/sync', 'csv-stringify/browser/esm', 'csv-stringify/browser/esm/sync'].map((name) => ({
  name,
  message: 'Write CSV with toCsv from lib/open-data/exports.ts: it neutralises formulas (= + - @).',
}));
// Pages, components and server actions ask lib/ (view loaders, use cases, requestContext()); only lib/
// reaches db/ (issue 16, docs/architecture.md).
const dbPatterns = [
  {
    group: ['@/db', '@/db/*', '**/db/*', '**/db'],
    message: 'app/ and components/ never reach the database: add a view loader or use case in lib/<feature>/ and call it with requestContext().',
  },
];

// One flat-config object replaces a rule's options for its files: each object below repeats the CSV paths.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Plain <a> on purpose: <Link> prefetches every visible link, which costs prepaid data on 2G.
      '@next/next/no-html-link-for-pages': 'off',
      'no-restricted-imports': ['error', { paths: csvPaths }],
    },
  },
  {
    files: ['app/**', 'components/**'],
    rules: { 'no-restricted-imports': ['error', { paths: csvPaths, patterns: dbPatterns }] },
  },
  // One post, one write (issue 17): every server action is wrapped in keyed() (app/actions/helpers.ts).
  {
    files: ['app/actions/**'],
    ignores: ['app/actions/helpers.ts', 'app/actions/cache.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportNamedDeclaration > FunctionDeclaration[async=true]',
          message: "Export server actions as `export const xAction = keyed('file.xAction', async function xAction(…) {…})`: keyed() makes a repeated post (same idempotency key) write once.",
        },
      ],
    },
  },
  { files: ['lib/open-data/exports.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['next.config.js', 'lib/security/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'data/**'] },
];
export default config;
