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
  // Not converted yet (issue 16): each file leaves this list when its reads move to lib/. The list must end empty.
  {
    files: [
    'app/\\[locale\\]/page.tsx',
    'app/\\[locale\\]/projects/\\[id\\]/revisions/page.tsx',
    'app/\\[locale\\]/register/page.tsx',
    'app/\\[locale\\]/search/page.tsx',
    'app/\\[locale\\]/topics/\\[id\\]/edit/page.tsx',
    'app/\\[locale\\]/topics/\\[id\\]/page.tsx',
    'app/\\[locale\\]/topics/\\[id\\]/revisions/page.tsx',
    'app/\\[locale\\]/topics/new/page.tsx',
    'app/\\[locale\\]/topics/page.tsx',
    'app/actions/auth.ts',
    'app/actions/participation.ts',
    'app/actions/topics.ts',
    'app/cached/\\[locale\\]/topics/\\[id\\]/page.tsx',
    'app/exports/topics/\\[file\\]/route.ts',
    'app/feeds/\\[file\\]/route.ts',
    'app/media/\\[file\\]/route.ts',
    'components/topics/comment-form.tsx',
    'components/topics/comment-item.tsx',
    'components/topics/comment-thread.tsx',
    'components/topics/phase-badge.tsx',
    'components/topics/topic-card.tsx',
    'components/topics/topic-form.tsx',
    'components/topics/topic-view.tsx',
    'components/ui/highlight.tsx',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'data/**'] },
];
export default config;
