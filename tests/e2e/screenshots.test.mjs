// Optional: screenshots for a human look at 360 px. Runs only when E2E_SCREENSHOT_DIR is set.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, open, withBrowser } from './helpers.mjs';

const dir = process.env.E2E_SCREENSHOT_DIR;

withBrowser();

test('screenshots at 360 px (JS off)', { skip: dir ? false : 'set E2E_SCREENSHOT_DIR to take them' }, async () => {
  fs.mkdirSync(dir, { recursive: true });
  const { context, page } = await newPage({ js: false });
  try {
    for (const [name, p] of [['register-360', '/register'], ['login-360', '/login'], ['home-360', '/']]) {
      await open(page, p, { js: false });
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
    }
  } finally {
    await context.close();
  }
});
