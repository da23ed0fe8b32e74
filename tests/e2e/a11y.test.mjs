// axe-core (WCAG 2 A and AA) on every page type, signed out and signed in as each role, JavaScript on,
// at 360 px: no violation, no text in the colour of its background, no sideways scrolling. French
// everywhere, English for a representative subset. Pages added by later features (facilitator,
// meetings, shared computers…) carry their own checks in their own files.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, accessibilityProblems, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

// Demo data: topic 1 is open in Nioro du Sahel, project 1 collects supports; user 2 is Moussa Diarra.
const SIGNED_OUT = [
  '/',
  '/topics',
  '/topics/1', // served from the cache to anonymous readers
  '/topics/1/revisions',
  '/projects',
  '/projects/1',
  '/search?q=eau',
  '/login',
  '/register',
  '/spaces',
  '/spaces/nioro',
  '/stats',
  '/moderation/stats',
  '/moderation/log',
  '/pas-une-page', // 404
  '/en',
  '/en/topics',
  '/en/topics/1',
  '/en/projects/1',
  '/en/search?q=water',
  '/en/login',
  '/en/register',
  '/en/spaces/nioro',
  '/en/stats',
  '/en/not-a-page',
];

const SIGNED_IN = {
  // a citizen: the comment and vote forms, supports, account and notifications
  '76000001': ['/', '/topics/1', '/topics/1?sort=newest', '/projects/1', '/projects/new', '/account', '/notifications', '/en/topics/1', '/en/account', '/en/notifications'],
  // an official: publishing and managing a topic, answering a project
  'maire.nioro@baro.ml': ['/topics/new', '/topics/1', '/topics/1/edit', '/projects/1', '/en/topics/1/edit'],
  // a moderator of every commune
  'moderation@baro.ml': ['/moderation', '/moderation/log', '/moderation/stats', '/moderation/terms', '/moderation/appeals', '/moderation/users/2', '/en/moderation'],
  // the administrator
  'admin@baro.ml': ['/admin', '/admin/audit', '/admin/messages', '/admin/users/2', '/moderation/settings', '/en/admin'],
};

/**
 * Opens each path in turn and gathers every problem, so that one run reports all the pages. An
 * uncaught error counts too: a failed hydration (HTML the browser's parser rebuilt differently, such
 * as a <form> inside a <p>) makes React render the whole page again on the phone.
 */
async function checkPages(page, paths) {
  const report = [];
  let errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught error: ${e.message}`));
  for (const path of paths) {
    errors = [];
    const res = await open(page, path, { js: true });
    assert.ok(res.status() < 500, `${path} answered ${res.status()}`);
    const problems = [...(await accessibilityProblems(page)), ...errors];
    if (problems.length) report.push(`${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return report;
}

describe('accessibility (axe, wcag2a + wcag2aa) of every page type', () => {
  test('signed out: every public page, in French and English', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      const report = await checkPages(page, SIGNED_OUT);
      assert.equal(report.length, 0, `accessibility problems:\n${report.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('a form refused with errors next to its fields stays accessible', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      await open(page, '/register', { js: true });
      await page.fill('#f-displayName', 'A');
      await page.fill('#f-phone', '12');
      await page.click('#register-form button[type="submit"]');
      await page.locator('#f-displayName-error').waitFor();
      const problems = await accessibilityProblems(page);
      assert.equal(problems.length, 0, `accessibility problems on the refused registration form:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  for (const [who, paths] of Object.entries(SIGNED_IN)) {
    test(`signed in as ${who}: ${paths.join(', ')}`, async () => {
      const { context, page } = await newPage({ js: true });
      try {
        await signIn(page, who, DEMO_PASSWORD, { js: true });
        const report = await checkPages(page, paths);
        assert.equal(report.length, 0, `accessibility problems (signed in as ${who}):\n${report.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
