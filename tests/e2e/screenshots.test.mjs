// Every main page fits a 360 px phone without sideways scrolling (JS off), and is photographed for a
// human look: into E2E_SCREENSHOT_DIR when set, else a temporary folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, open, withBrowser } from './helpers.mjs';

const dir = process.env.E2E_SCREENSHOT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'baro-shots-'));

withBrowser();

const PAGES = [
  ['home', '/'],
  ['register', '/register'],
  ['login', '/login'],
  ['topics', '/topics'],
  ['topic', '/topics/1'],
  ['topic-en', '/en/topics/1'],
  ['search', '/search?q=eau'],
  ['moderation-stats', '/moderation/stats'],
];

test('the main pages fit a 360 px screen without sideways scrolling (JS off)', async () => {
  const { context, page } = await newPage({ js: false });
  try {
    for (const [name, p] of PAGES) {
      const res = await open(page, p, { js: false });
      assert.equal(res.status(), 200, p);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${p} is ${width}px wide at a 360px viewport`);
      const file = path.join(dir, `${name}-360.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 5_000, `${p} screenshot is not blank`);
    }
  } finally {
    await context.close();
  }
});
