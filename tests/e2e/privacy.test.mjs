// Small groups stay private (docs/features/privacy.md), without JavaScript on a 360 px phone: the
// mayor of Nioro opens the drilling consultation (3 votes: two women for, one man abstaining). Beside
// the public tally, any split by gender or age would give the man's vote away: both say plainly that
// there are not yet enough votes. On /stats, hidden figures say why they are hidden, in French and English.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, expectText, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;
const NOT_YET_FR = "Pas encore assez de votes pour montrer cette répartition sans révéler le vote de quelqu'un.";
const NOT_YET_EN = "Not enough votes yet to show this breakdown without revealing someone's vote.";

async function drillingTopic(page) {
  await open(page, '/topics?commune=', { js });
  const href = await page.locator('a', { hasText: "Un forage d'eau potable pour le quartier Tata" }).first().getAttribute('href');
  assert.ok(href, 'the drilling consultation is listed');
  return href.replace(/^\/(en\/)?/, '/');
}

describe('an official’s split on a small topic', () => {
  test('says there are not yet enough votes, and shows no figure that the tally would complete [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js });
      const path = await drillingTopic(page);
      await open(page, path, { js });
      // The public tally is there, exact: 3 votes.
      await expectText(page.locator('#vote-section p').first(), '3 votes au total');
      // The officials' splits: a plain message each, and no table.
      await expectText(page.locator('#votes-by-gender-withheld'), NOT_YET_FR);
      await expectText(page.locator('#votes-by-age-withheld'), NOT_YET_FR);
      assert.equal(await page.locator('table#votes-by-gender, table#votes-by-age').count(), 0);

      await open(page, `/en${path}`, { js });
      await expectText(page.locator('#votes-by-gender-withheld'), NOT_YET_EN);

      // A citizen sees the tally, never the splits.
      await context.clearCookies();
      await open(page, path, { js });
      await expectText(page.locator('#vote-section p').first(), '3 votes au total');
      assert.equal(await page.locator('#votes-by-gender-withheld, #votes-by-gender').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('on /stats, "moins de 5" is only for 1 to 4 people; a figure hidden to protect one says so [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      for (const [path, few, masked] of [
        ['/stats', 'moins de 5', 'masqué pour protéger un petit groupe'],
        ['/en/stats', 'fewer than 5', 'hidden to protect a small group'],
      ]) {
        await open(page, path, { js });
        const fewCells = await page.locator('table td[data-hidden="few"]').allTextContents();
        const maskedCells = await page.locator('table td[data-hidden="masked"]').allTextContents();
        assert.ok(fewCells.length > 0 && maskedCells.length > 0, `${path}: the demo data has small and masked figures`);
        for (const c of fewCells) assert.equal(c.trim(), few);
        for (const c of maskedCells) assert.equal(c.trim(), masked);
        // No number from 1 to 4 anywhere in a table.
        for (const c of await page.locator('table td').allTextContents()) assert.ok(!/^\s*[1-4]\s*$/.test(c), `${path}: a cell shows "${c}"`);
      }
    } finally {
      await context.close();
    }
  });
});
