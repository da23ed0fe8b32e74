// Shared-computer mode on a 360 px screen, with JavaScript on and off: a facilitator marks the browser,
// a citizen signs in, looks at her account and notifications and ends her session; then Back and
// reload show nothing of hers (pages are sent no-store, so the back/forward cache keeps none). Sessions
// end on the server after SHARED_IDLE_MINUTES without a request (30 s in this suite, see scripts/e2e.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { BASE, bothJs, DEMO_PASSWORD, expectPath, expectText, markAsShared, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const IDLE_MS = Number(process.env.SHARED_IDLE_MINUTES || '0.5') * 60_000;
const AWA = { phone: '76000001', name: 'Awa Traoré' };

/** Everything a page shows of Awa: her name, and what her account form holds. */
async function personalData(page) {
  const text = await page.locator('body').innerText();
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value));
  return { name: text.includes(AWA.name), values: values.filter((v) => v.includes('Awa') || v.includes('76 00 00 01') || v.includes('+22376000001')) };
}

describe('a shared computer at a connected space', () => {
  bothJs('after "End my session", Back and reload show nothing of the person who left', async (page, { js, context }) => {
    await markAsShared(page, { js });
    const device = (await context.cookies()).find((c) => c.name === '__Host-baro-shared-device');
    assert.ok(device, 'the browser carries the shared-computer mark');
    assert.equal(device.httpOnly, true);
    assert.equal(device.secure, true);
    assert.equal(device.sameSite, 'Lax');
    assert.ok(device.expires > Date.now() / 1000 + 300 * 24 * 3600, 'the mark lasts (400 days)');

    // The next person: the login form asks the browser not to remember what she types.
    await open(page, '/login', { js });
    assert.equal(await page.getAttribute('#f-identifier', 'autocomplete'), 'off');
    assert.equal(await page.getAttribute('#f-password', 'autocomplete'), 'off');
    await expectText(page.locator('#shared-note'), /Ordinateur partagé : votre session se terminera/);
    await signIn(page, AWA.phone, DEMO_PASSWORD, { js });

    // A large "End my session" button, always at the top of the screen.
    const end = page.locator('#end-session');
    await expectText(end, 'Terminer ma session');
    await expectText(page.locator('#shared-computer-bar p').first(), `Ordinateur partagé · ${AWA.name}`);
    const box = await end.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 150, `the button is large (${JSON.stringify(box)})`);
    await page.mouse.wheel(0, 2000);
    assert.ok(await end.isVisible(), 'still visible once scrolled');
    assert.equal(await page.locator('#shared-computer-bar').evaluate((el) => getComputedStyle(el).position), 'sticky');

    const account = await open(page, '/account', { js });
    assert.match(account.headers()['cache-control'], /no-store/);
    assert.ok((await personalData(page)).name, 'her account page shows her name');
    assert.equal(await page.inputValue('#f-displayName'), AWA.name);
    assert.equal(await page.getAttribute('#f-displayName', 'autocomplete'), 'off');
    const notifications = await open(page, '/notifications', { js });
    assert.match(notifications.headers()['cache-control'], /no-store/);
    await expectText(page.locator('h1'), 'Notifications');

    // Keyboard: the button is reached with Tab from the top of the page.
    await page.keyboard.press('Tab');
    let reached = false;
    for (let i = 0; i < 4 && !reached; i++) {
      reached = await page.evaluate(() => document.activeElement?.id === 'end-session');
      if (!reached) await page.keyboard.press('Tab');
    }
    assert.ok(reached, '"End my session" is among the first stops of the keyboard');
    await Promise.all([page.waitForURL((u) => u.pathname === '/login' && u.search === '?out=1'), page.keyboard.press('Enter')]);
    await expectText(page.locator('[role="status"]'), /Vous êtes déconnecté·e/);

    // Back, twice (notifications, then account), and reload: nothing of hers.
    for (const step of ['back to notifications', 'back to account']) {
      await page.goBack();
      await page.waitForLoadState('load');
      const seen = await personalData(page);
      assert.equal(seen.name, false, `${step}: her name is shown (${page.url()})`);
      assert.deepEqual(seen.values, [], `${step}: her details are in a form`);
      await page.reload();
      await page.waitForLoadState('load');
      assert.equal((await personalData(page)).name, false, `${step}, reloaded: her name is shown`);
      assert.equal(await page.locator('#end-session').count(), 0);
    }
    if (js) {
      const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
      assert.deepEqual(stored, { local: 0, session: 0 }, 'nothing kept in the browser storage');
    }
    // The account page itself, asked again: the sign-in page.
    await open(page, '/account', { js });
    await expectPath(page, '/login');
  });

  test('an idle session ends on the server; without JavaScript the page leaves by itself, with it a warning comes first', async () => {
    const run = async (js) => {
      const { context, page } = await newPage({ js });
      try {
        await markAsShared(page, { js });
        await signIn(page, AWA.phone, DEMO_PASSWORD, { js });
        const signedInAt = Date.now();
        if (js) {
          // The warning comes before the end; "stay signed in" keeps the session.
          const warning = page.locator('#shared-session-warning');
          await warning.waitFor({ state: 'visible', timeout: IDLE_MS });
          await expectText(warning.locator('p'), /Votre session va se terminer/);
          await page.click('#shared-session-warning button');
          await warning.waitFor({ state: 'hidden' });
          // Past the first deadline, still signed in thanks to the keep-alive.
          await page.waitForTimeout(Math.max(0, signedInAt + IDLE_MS + 1000 - Date.now()));
          await open(page, '/account', { js });
          await expectPath(page, '/account');
          // Then left alone: the page goes to the sign-in page when the session ends.
          await page.waitForURL((u) => u.pathname === '/login' && u.search === '?idle=1', { timeout: IDLE_MS + 15_000 });
        } else {
          // No script: a refresh in <noscript> takes the screen to the sign-in page at the deadline.
          await page.waitForURL((u) => u.pathname === '/login' && u.search === '?idle=1', { timeout: IDLE_MS + 15_000 });
          assert.ok(Date.now() - signedInAt >= IDLE_MS - 2000, 'not before the deadline');
        }
        await expectText(page.locator('[role="status"]'), /Votre session s'est terminée après/);
        assert.equal((await personalData(page)).name, false);
        // The server agrees: the old session cookie no longer signs her in.
        await open(page, '/account', { js });
        await expectPath(page, '/login');
      } finally {
        await context.close();
      }
    };
    // Both at once: the wait is the same half-minute.
    await Promise.all([run(false), run(true)]);
  });

  test('a facilitator unmarks the computer; an ordinary browser has no shared-computer bar', async () => {
    const js = false;
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, AWA.phone, DEMO_PASSWORD, { js });
      assert.equal(await page.locator('#end-session').count(), 0, 'no "End my session" bar on an ordinary browser');
      const denied = await open(page, '/spaces/nioro/device', { js });
      assert.equal(denied.status(), 403);
      await expectText(page.locator('h1'), 'Accès refusé');

      await context.clearCookies();
      await markAsShared(page, { js });
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/spaces/nioro/device', { js });
      await expectText(page.locator('#device-status'), /Ce navigateur est un ordinateur partagé\. Espace : Espace connecté de Nioro ;/);
      const mine = page.locator('#shared-devices li', { hasText: 'ce navigateur' });
      await Promise.all([page.waitForEvent('load'), mine.locator('button[type="submit"]').click()]);
      await expectPath(page, '/login', '?unshared=1');
      assert.equal((await context.cookies()).some((c) => c.name === '__Host-baro-shared-device'), false, 'the mark is gone');
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      assert.equal(await page.locator('#end-session').count(), 0);
      await open(page, '/spaces/nioro/device', { js });
      await expectText(page.locator('#device-status'), "Ce navigateur n'est pas un ordinateur partagé.");
    } finally {
      await context.close();
    }
  });

  test('the shared-computer page and the bar: no axe WCAG 2 A/AA violation', async () => {
    const js = true;
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/spaces/nioro/device', { js });
      let results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], '/spaces/nioro/device');
      await page.click('#mark-device-form button[type="submit"]');
      await expectPath(page, '/login', '?shared=1');
      await signIn(page, AWA.phone, DEMO_PASSWORD, { js });
      await open(page, '/account', { js });
      results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], '/account on a shared computer');
      assert.equal((await page.request.post(`${BASE}/api/shared-session`)).status(), 200);
    } finally {
      await context.close();
    }
  });
});
