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
    'app/\\[locale\\]/account/assisted/page.tsx',
    'app/\\[locale\\]/account/page.tsx',
    'app/\\[locale\\]/account/pin/page.tsx',
    'app/\\[locale\\]/admin/audit/page.tsx',
    'app/\\[locale\\]/admin/page.tsx',
    'app/\\[locale\\]/admin/users/\\[id\\]/page.tsx',
    'app/\\[locale\\]/facilitator/assist/page.tsx',
    'app/\\[locale\\]/facilitator/assist/project/page.tsx',
    'app/\\[locale\\]/facilitator/guard.ts',
    'app/\\[locale\\]/facilitator/page.tsx',
    'app/\\[locale\\]/facilitator/participants/\\[id\\]/page.tsx',
    'app/\\[locale\\]/facilitator/register/page.tsx',
    'app/\\[locale\\]/meetings/\\[id\\]/edit/page.tsx',
    'app/\\[locale\\]/meetings/\\[id\\]/minutes/page.tsx',
    'app/\\[locale\\]/meetings/\\[id\\]/page.tsx',
    'app/\\[locale\\]/meetings/new/page.tsx',
    'app/\\[locale\\]/meetings/page.tsx',
    'app/\\[locale\\]/moderation/appeals/page.tsx',
    'app/\\[locale\\]/moderation/log/page.tsx',
    'app/\\[locale\\]/moderation/page.tsx',
    'app/\\[locale\\]/moderation/settings/page.tsx',
    'app/\\[locale\\]/moderation/stats/page.tsx',
    'app/\\[locale\\]/moderation/terms/page.tsx',
    'app/\\[locale\\]/moderation/users/\\[id\\]/page.tsx',
    'app/\\[locale\\]/notifications/page.tsx',
    'app/\\[locale\\]/projects/\\[id\\]/edit/page.tsx',
    'app/\\[locale\\]/projects/\\[id\\]/page.tsx',
    'app/\\[locale\\]/projects/new/page.tsx',
    'app/\\[locale\\]/projects/page.tsx',
    'app/\\[locale\\]/register/page.tsx',
    'app/\\[locale\\]/spaces/\\[slug\\]/device/page.tsx',
    'app/\\[locale\\]/spaces/\\[slug\\]/page.tsx',
    'app/\\[locale\\]/spaces/page.tsx',
    'app/\\[locale\\]/stats/page.tsx',
    'app/actions/account.ts',
    'app/actions/admin.ts',
    'app/actions/auth.ts',
    'app/actions/commune.ts',
    'app/actions/facilitator.ts',
    'app/actions/meetings.ts',
    'app/actions/moderation.ts',
    'app/actions/notifications.ts',
    'app/actions/projects.ts',
    'app/actions/shared-devices.ts',
    'app/actions/spaces.ts',
    'app/exports/stats.csv/route.ts',
    'app/media/\\[file\\]/route.ts',
    'components/facilitator/assist-form.tsx',
    'components/forms/profile-fields.tsx',
    'components/layout/header.tsx',
    'components/meetings/meeting-card.tsx',
    'components/meetings/meeting-form.tsx',
    'components/meetings/meetings-section.tsx',
    'components/meetings/minutes-form.tsx',
    'components/moderation/report-form.tsx',
    'components/projects/project-card.tsx',
    'components/projects/project-form.tsx',
    'components/projects/project-settings-section.tsx',
    'components/projects/status-badge.tsx',
    'components/spaces/space-admin-section.tsx',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'data/**'] },
];
export default config;
