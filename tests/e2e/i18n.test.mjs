// Language switcher and the 404 pages in both languages, with JS on and off.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BASE, bothJs, expectNotFoundPage, expectPath, expectText, htmlLang, open, openMenu, withBrowser } from './helpers.mjs';

withBrowser();

describe('language switcher', () => {
  bothJs('from /login, English then Français', async (page, { js }) => {
    await open(page, '/login', { js });
    assert.equal(await htmlLang(page), 'fr');
    await expectText(page.locator('h1'), 'Se connecter');

    await openMenu(page);
    await page.click('header nav[aria-label="Langue"] a:has-text("English")');
    await expectPath(page, '/en/login');
    if (js) await page.waitForLoadState('load');
    await expectText(page.locator('h1'), 'Sign in');
    assert.equal(await htmlLang(page), 'en');
    await expectText(page.locator('header nav[aria-label="Language"] [aria-current="true"]'), 'English');

    await openMenu(page);
    await page.click('header nav[aria-label="Language"] a:has-text("Français")');
    await expectPath(page, '/login');
    await expectText(page.locator('h1'), 'Se connecter');
    assert.equal(await htmlLang(page), 'fr');
  });
});

describe('not found', () => {
  bothJs('an unknown page answers 404 in French at /… and in English at /en/…', async (page, { js }) => {
    const fr = await page.goto(`${BASE}/does-not-exist`);
    await expectNotFoundPage(page, fr, 'Page introuvable', { js });
    assert.equal(await htmlLang(page), 'fr');

    // In the language of the address (scripts/server.mjs serves the status page of /en/…, issue 17 §6).
    const en = await page.goto(`${BASE}/en/does-not-exist`);
    await expectNotFoundPage(page, en, 'Page not found', { js });
    assert.equal(await htmlLang(page), 'en');
  });
});

