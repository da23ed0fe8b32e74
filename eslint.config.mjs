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
  // Pages, components and server actions ask lib/ (view loaders, use cases, requestContext()); only lib/
  // reaches db/ (issue 16, docs/architecture.md).
  {
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db', '@/db/*', '**/db/*', '**/db'],
              message: 'app/ and components/ never reach the database: add a view loader or use case in lib/<feature>/ and call it with requestContext().',
            },
          ],
        },
      ],
    },
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
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'data/**'] },
];
export default config;
