// Screening as people write, JavaScript off, on a phone-sized screen: "connards" and "salopes" are not
// published (the text stays in the form to rephrase), "les députés doivent venir" is; a threat to burn a
// house waits for a moderator, who sees it in the queue as a threat; the terms page shows the Bambara
// starter list marked "à relire".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, expectText, newPage, open, signIn, submit, withBrowser } from './helpers.mjs';

withBrowser();

const JS_OFF = { js: false };
const TOPIC = '/topics/1'; // "Un forage d'eau potable pour le quartier Tata", Nioro, open
const NEWEST = `${TOPIC}?sort=newest`;

async function session(identifier, fn) {
  const { context, page } = await newPage(JS_OFF);
  try {
    await signIn(page, identifier, DEMO_PASSWORD, JS_OFF);
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function comment(page, body) {
  await open(page, TOPIC, JS_OFF);
  await page.check('#comment-form input[name="stance"][value="against"]');
  await page.fill('#comment-form-body', body);
  await submit(page, 'comment-form', JS_OFF);
}

describe('screening (JS off)', () => {
  test('plural insults are refused, trap words are published, a threat is held for a moderator', async () => {
    const marker = `Scr${Date.now().toString(36)}`;
    let threatId;
    await session('76000001', async (page) => {
      for (const insult of [`les conseillers sont des connards ${marker}`, `bande de salopes ${marker}`, `CONNARDS ${marker}`]) {
        await comment(page, insult);
        await expectText(page.locator('#comment-form-error'), /contient une insulte/);
        assert.equal(await page.inputValue('#comment-form-body'), insult, 'the text is kept to be rephrased');
      }

      const fine = `les députés doivent venir voir le forage de Conakry-Plateau, merci pour la salopette des agents ${marker}`;
      await comment(page, fine);
      assert.match(new URL(page.url()).search, /posted=1/);
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator('main'), new RegExp(fine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      const threat = `on va brûler ta maison si le forage va chez vous ${marker}`;
      await comment(page, threat);
      const url = new URL(page.url());
      assert.match(url.search, /held=1/, 'a threat is held, not refused');
      threatId = url.hash.replace('#comment-', '');
    });

    await session('moderation.nioro@baro.ml', async (page) => {
      await open(page, '/moderation', JS_OFF);
      await expectText(page.locator(`li:has(#approve-comment-${threatId})`), /Retenu : menace/);
      await open(page, '/moderation/terms', JS_OFF);
      const review = page.locator('section[aria-labelledby="terms-to-review"]');
      await expectText(review.locator('h2'), 'Termes de départ à relire');
      await expectText(review.locator('li').filter({ hasText: 'ɲamɔgɔden' }), /Bamanankan.*à relire/s);
      assert.ok((await review.locator('li').count()) >= 5, 'the Bambara starter list is listed');
      const items = await review.locator('li').allTextContents();
      assert.ok(items.every((t) => /à relire/.test(t)), 'every starter term carries the mark');
    });
  });
});
