// /admin is for administrators: others see "Accès refusé" with status 403 (rendered on the server), signed-out people the sign-in page.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BASE, bothJs, DEMO_PASSWORD, expectPath, expectText, signIn, withBrowser } from './helpers.mjs';

withBrowser();

describe('admin access', () => {
  bothJs('a citizen (Awa) is refused at /admin, and sees no admin data', async (page, { js }) => {
    await signIn(page, '76000001', DEMO_PASSWORD, { js });
    await expectText(page.locator('header a[href="/account"]'), 'Connecté·e : Awa Traoré');
    assert.equal(await page.locator('header a[href="/admin"]').count(), 0, 'no admin link for a citizen');
    for (const p of ['/admin', '/admin/audit', '/admin/users/1']) {
      const res = await page.goto(`${BASE}${p}`);
      assert.equal(res.status(), 403, `${p} answers 403`);
      const html = await res.text();
      assert.ok(html.includes('>Accès refusé</h1>'), `${p} says access denied in the HTML itself (JS ${js ? 'on' : 'off'})`);
      assert.ok(!html.includes('admin@baro.ml') && !html.includes('user.register'), `${p} leaks no admin data`);
      await expectText(page.locator('h1'), 'Accès refusé');
    }
  });

  bothJs('the administrator sees /admin', async (page, { js }) => {
    await signIn(page, 'admin@baro.ml', DEMO_PASSWORD, { js });
    await expectText(page.locator('header a[href="/admin"]'), 'Administration');
    const res = await page.goto(`${BASE}/admin`);
    assert.equal(res.status(), 200);
    await expectText(page.locator('h1'), 'Administration');
    await expectText(page.locator('#roles-title'), 'Rôles');
    assert.ok((await page.locator('main li').count()) >= 7, 'the demo accounts are listed');
  });

  bothJs('a signed-out visitor at /admin is sent to sign in', async (page) => {
    await page.goto(`${BASE}/admin`);
    await expectPath(page, '/login');
    await expectText(page.locator('h1'), 'Se connecter');
  });
});
