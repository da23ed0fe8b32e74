// Local languages (issue 14): /bm, /snk, /ff are served; two translators approve Bambara texts in
// /admin/translations (the seeded machine draft needs two approvals, a new proposal one other person);
// a participant who prefers Bambara signs in with her code and PIN and finds her way in Bambara where
// texts are approved, French elsewhere; taking a text down brings French back at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accessibilityProblems, BASE, DEMO_PASSWORD, expectPath, expectText, htmlLang, newPage, open, openMenu, signIn, submit, withBrowser } from './helpers.mjs';

withBrowser();

const FANTA = 'animatrice.nioro@baro.ml';
const SIRA = 'moderation.nioro@baro.ml';

/** Machine drafts of the core path that the two translators approve (key → the seeded Bambara). */
const APPROVED = {
  'Nav.home': 'Daminɛ',
  'Nav.topics': 'Barow',
  'Nav.account': 'N ka yɔrɔ',
  'Nav.logout': 'Bɔ',
  'Account.title': 'N ka yɔrɔ',
  'Topics.title': 'Barow',
  'Topic.vote': 'I ka kalata',
  'Topic.voteSubmit': 'Kalata kɛ',
  'Comments.write': 'N hakilina di',
};
/** Typed by Fanta in the app (not in the draft), approved by Sira. */
const TYPED = { key: 'Topic.exports', text: 'Kunnafoni dayɛlɛlenw', french: 'Données ouvertes' };

const anchor = (key) => `#key-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Approves the pending proposal of `key` from the list page, as whoever is signed in. */
async function approve(page, key) {
  await open(page, `/admin/translations/bm?filter=review&q=${encodeURIComponent(key)}`, { js: true });
  const button = page.locator(`${anchor(key)} form[id^="approve-"] button`).first();
  await Promise.all([page.waitForURL((u) => u.searchParams.has('done') || u.searchParams.has('error')), button.click()]);
  const done = new URL(page.url()).searchParams.get('done');
  assert.ok(done === 'approved' || done === 'live', `approving ${key}: ${page.url()}`);
  return done;
}

describe('the languages are served', () => {
  test('/bm, /snk and /ff answer in their language, and the switcher names each language in itself', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      for (const [lang, name] of [['bm', 'Bamanankan'], ['snk', 'Sooninkanxanne'], ['ff', 'Pulaar']]) {
        const res = await page.goto(`${BASE}/${lang}`);
        assert.equal(res.status(), 200, `/${lang}`);
        assert.equal(await htmlLang(page), lang);
        await expectText(page.locator('header nav [aria-current="true"]'), name);
      }
      // Nothing approved yet: French, key by key.
      await expectText(page.locator('header nav[aria-label="Navigation principale"] li').first(), 'Accueil');
    } finally {
      await context.close();
    }
  });
});

describe('translating Bambara in the app, two people', () => {
  test('Fanta and Sira approve the draft of the core path; Fanta proposes a missing text, cannot approve it herself, Sira does', async () => {
    const fanta = await newPage({ js: true });
    const sira = await newPage({ js: true });
    try {
      await signIn(fanta.page, FANTA, DEMO_PASSWORD, { js: true });
      await signIn(sira.page, SIRA, DEMO_PASSWORD, { js: true });
      await expectText(fanta.page.locator('#translations-link'), 'Traductions');

      // The draft is marked as a machine's, to review, and needs two approvals.
      await open(fanta.page, `/admin/translations/bm?filter=review&q=Nav.home`, { js: true });
      await expectText(fanta.page.locator(`${anchor('Nav.home')} li[id^="proposal-"] span`).first(), 'à relire');
      for (const key of Object.keys(APPROVED)) assert.equal(await approve(fanta.page, key), 'approved', key);
      for (const key of Object.keys(APPROVED)) assert.equal(await approve(sira.page, key), 'live', key);

      // A text nobody drafted: Fanta proposes it, the page will not let her approve it.
      await open(fanta.page, `/admin/translations/bm/key?k=${TYPED.key}`, { js: true });
      await expectText(fanta.page.locator('#source-text'), TYPED.french);
      await fanta.page.fill('#propose-text', TYPED.text);
      await submit(fanta.page, 'propose-form', { js: true });
      await fanta.page.waitForURL((u) => u.searchParams.get('done') === 'proposed');
      await expectText(fanta.page.locator('#proposals li[id^="proposal-"] p').first(), TYPED.text);
      assert.equal(await fanta.page.locator('#proposals form[id^="approve-"]').count(), 0, 'no Approve button on her own proposal');

      await open(sira.page, `/admin/translations/bm/key?k=${TYPED.key}`, { js: true });
      await Promise.all([sira.page.waitForURL((u) => u.searchParams.get('done') === 'live'), sira.page.click('#proposals form[id^="approve-"] button')]);
      await expectText(sira.page.locator('#live-text'), TYPED.text);

      // The translation pages, and a Bambara page with its five-language switcher, at 360 px: axe WCAG 2 A/AA, no sideways scroll.
      for (const path of ['/admin/translations', '/admin/translations/bm?filter=core', `/admin/translations/bm/key?k=${TYPED.key}`, '/bm/topics']) {
        await open(sira.page, path, { js: true });
        assert.deepEqual(await accessibilityProblems(sira.page), [], path);
      }
    } finally {
      await fanta.context.close();
      await sira.context.close();
    }
  });
});

describe('a participant who prefers Bambara', () => {
  test('signs in with her code and PIN and finds her way in Bambara where texts are approved, French elsewhere [JS off]', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      await signIn(page, 'NIO-DEM42', '482916', { js: false, lands: 'bm' });
      assert.equal(await htmlLang(page), 'bm');
      await expectText(page.locator('h1'), APPROVED['Account.title']);
      const nav = page.locator('header nav[aria-label="Navigation principale"]');
      await expectText(nav.locator('li').nth(0), APPROVED['Nav.home']);
      await expectText(nav.locator('li').nth(1), APPROVED['Nav.topics']);
      await expectText(nav.locator('li').nth(2), 'Projets citoyens'); // not approved: French

      await openMenu(page);
      await page.click(`header nav a:has-text("${APPROVED['Nav.topics']}")`);
      await expectPath(page, '/bm/topics');
      await expectText(page.locator('h1'), APPROVED['Topics.title']);
      await Promise.all([page.waitForURL(/\/bm\/topics\/\d+$/), page.click('a:has-text("Un forage d\'eau potable pour le quartier Tata")')]);
      await expectText(page.locator('#vote-form legend'), APPROVED['Topic.vote']);
      await expectText(page.locator('#vote-form button[type="submit"]'), APPROVED['Topic.voteSubmit']);
      await expectText(page.locator('section#comments h3').first(), APPROVED['Comments.write']);
      assert.ok((await page.textContent('main')).includes(TYPED.text), 'the text Fanta typed and Sira approved shows at once');
      await expectText(page.locator('#logout-form button[type="submit"]'), APPROVED['Nav.logout']);
    } finally {
      await context.close();
    }
  });

  test('an anonymous reader of /bm/topics/N (served from the cache) gets the approved texts too; taking one down brings French back', async () => {
    const reader = await newPage({ js: false });
    const sira = await newPage({ js: true });
    try {
      await open(reader.page, '/bm/topics', { js: false });
      const href = await reader.page.locator('a:has-text("Un forage d\'eau potable pour le quartier Tata")').first().getAttribute('href');
      await open(reader.page, href, { js: false });
      assert.ok((await reader.page.textContent('main')).includes(TYPED.text));

      await signIn(sira.page, SIRA, DEMO_PASSWORD, { js: true });
      await open(sira.page, `/admin/translations/bm/key?k=${TYPED.key}`, { js: true });
      await Promise.all([sira.page.waitForURL((u) => u.searchParams.get('done') === 'reverted'), sira.page.click('#revert-form button')]);
      await expectText(sira.page.locator('#history li p').first(), TYPED.text);

      await open(reader.page, href, { js: false });
      const main = await reader.page.textContent('main');
      assert.ok(!main.includes(TYPED.text) && main.includes(TYPED.french), 'French again after the revert');
    } finally {
      await reader.context.close();
      await sira.context.close();
    }
  });
});

describe('a topic in Bambara', () => {
  test('the mayor writes its title and summary in Bambara; Bambara readers see them with “Lire en français”, French readers the French', async () => {
    const mayor = await newPage({ js: true });
    const reader = await newPage({ js: false });
    const TITLE = 'Kɔlɔn kura Tata kin kɔnɔ';
    const SUMMARY = 'Mɛri bɛ ji kɔlɔn dɔ labɛn Tata kin kɔnɔ: i hakilina di.';
    try {
      await open(reader.page, '/bm/topics', { js: false });
      const href = await reader.page.locator('a:has-text("Un forage d\'eau potable pour le quartier Tata")').first().getAttribute('href');
      const id = /\/topics\/(\d+)$/.exec(href)[1];

      await signIn(mayor.page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js: true });
      await open(mayor.page, `/topics/${id}/edit`, { js: true });
      await mayor.page.fill('#tr-bm-title', TITLE);
      await mayor.page.fill('#tr-bm-summary', SUMMARY);
      await Promise.all([mayor.page.waitForURL((u) => u.searchParams.get('translated') === 'bm'), mayor.page.click('#topic-translation-bm button[type="submit"]')]);
      await expectText(mayor.page.locator('#translation-saved'), /Bamanankan/);

      // Anonymous, served from the cache (refreshed by the save).
      await open(reader.page, `/bm/topics/${id}`, { js: false });
      await expectText(reader.page.locator('h1'), TITLE);
      assert.equal(await reader.page.locator('h1').getAttribute('lang'), 'bm');
      await expectText(reader.page.locator('#read-in-french'), 'Lire en français');
      await Promise.all([reader.page.waitForURL(`**/topics/${id}`), reader.page.click('#read-in-french')]);
      await expectPath(reader.page, `/topics/${id}`);
      await expectText(reader.page.locator('h1'), "Un forage d'eau potable pour le quartier Tata");
      // The list in Bambara shows it too.
      await open(reader.page, '/bm/topics', { js: false });
      assert.ok((await reader.page.textContent('main')).includes(TITLE));
    } finally {
      await mayor.context.close();
      await reader.context.close();
    }
  });
});
