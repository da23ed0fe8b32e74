// The topic page as issue 16 §6 left it (bench/results.md, "Throughput"): anonymous readers get it from the
// server's front cache and Next's cache, refreshed by a write in any server process (the e2e server runs
// WEB_CONCURRENCY processes, two on a 2-core machine); three replies under a comment and "See all N
// replies"; supporting a comment and withdrawing the support, with JavaScript on and off.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { Client } from '../../scripts/lib/form-client.mjs';
import { BASE, DEMO_PASSWORD, bothJs, expectText, hydrated, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

// Demo data (scripts/demo-content.ts): topic 1 "forage" (Nioro, open) with Moussa's question; topic 2
// "budget" (Kayes, open).
const FORAGE = '/topics/1';
const BUDGET = '/topics/2';

/** An anonymous GET on a new connection each time: with several server processes, they take turns. */
function anonymousGet(path) {
  return new Promise((resolve, reject) => {
    http
      .get(BASE + path, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, cache: res.headers['x-nextjs-cache'], body }));
      })
      .on('error', reject);
  });
}

/** What every server process answers an anonymous reader now (six connections). */
async function everyProcess(path) {
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await anonymousGet(path));
  return answers;
}

describe('the topic page', () => {
  /** the comment the replies go to, posted by the first test */
  let thread = '';
  const marker = Date.now().toString(36);

  test('anonymous readers get the cached page, and a reply posted through any process refreshes it in all of them', async () => {
    const before = await everyProcess(BUDGET);
    assert.ok(before.every((a) => a.status === 200));
    assert.ok(before.slice(2).every((a) => a.cache === 'HIT'), 'served from the cache once warm');

    // Moussa asks a question; four people answer, the last one an official of Kayes: the official answer.
    const moussa = new Client(BASE);
    await moussa.signIn('76000002', DEMO_PASSWORD);
    const asked = await moussa.submit(BUDGET, 'comment-form', { stance: 'question', body: `Combien de salles de classe en plus (${marker}) ?` });
    assert.equal(asked.status, 303);
    thread = new URL(asked.location, BASE).hash.replace('#comment-', '');
    const repliers = ['76000001', 'animatrice.nioro@baro.ml', 'moderation@baro.ml', 'hydraulique.kayes@baro.ml'];
    for (const [i, who] of repliers.entries()) {
      const citizen = new Client(BASE);
      await citizen.signIn(who, DEMO_PASSWORD);
      const r = await citizen.submit(`${BUDGET}?reply=${thread}`, `reply-${thread}`, { stance: 'neutral', body: `Réponse ${i + 1} sur les écoles (${marker}).` });
      assert.equal(r.status, 303, `reply ${i + 1} acknowledged`);
      // Every process answers with the new reply at once: no stale copy anywhere.
      const answers = await everyProcess(BUDGET);
      // In the HTML (the page's RSC payload repeats the texts): one paragraph per reply shown.
      const shown = answers.map((a) => [...a.body.matchAll(new RegExp(`>Réponse \\d sur les écoles \\(${marker}\\)\\.<`, 'g'))].length);
      assert.deepEqual(shown, answers.map(() => Math.min(i + 1, 3)), `after reply ${i + 1} (${r.location}), replies shown by each answer: ${shown} (${answers.map((a) => a.cache).join(', ')})`);
    }
    const after = (await everyProcess(BUDGET))[0].body;
    assert.match(after, /Voir les 4 réponses/);
    assert.match(after, new RegExp(`>Réponse 4 sur les écoles \\(${marker}\\)`), 'the official answer is among the three shown');
    assert.doesNotMatch(after, new RegExp(`>Réponse 3 sur les écoles \\(${marker}\\)`));
  });

  bothJs('"See all replies" opens the whole thread of one comment', async (page, { js }) => {
    await open(page, BUDGET, { js });
    const item = page.locator(`#comment-${thread}`);
    const link = item.locator('a:has-text("Voir les 4 réponses")');
    await expectText(link, 'Voir les 4 réponses');
    assert.equal(await item.locator('ul li').count(), 3);
    await Promise.all([page.waitForURL(new RegExp(`[?&]replies=${thread}`)), link.click()]);
    await expectText(page.locator(`#comment-${thread} ul li`).nth(3), new RegExp(`Réponse 4 sur les écoles \\(${marker}\\)`));
    assert.equal(await page.locator(`#comment-${thread} ul li`).count(), 4);
    assert.equal(await page.locator(`#comment-${thread} a:has-text("Voir les 4 réponses")`).count(), 0);
  });

  bothJs('a citizen supports a comment and withdraws the support', async (_page, { js }) => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'moderation.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, FORAGE, { js });
      const item = page.locator('li[id^="comment-"]:has-text("Qui va payer la réparation de la pompe")').first();
      const id = (await item.getAttribute('id')).replace('comment-', '');
      const count = () => page.locator(`#comment-${id} div.mt-2 > span`).first();
      const before = Number(((await count().textContent()) ?? '').match(/\d+/)?.[0] ?? 0);
      const says = (n) => (n === 0 ? 'aucun soutien' : n === 1 ? '1 soutien' : `${n} soutiens`);

      await Promise.all([page.waitForURL(/supported=1/), page.locator(`#comment-${id} div.mt-2 button:has-text("Soutenir")`).click()]);
      if (js) await hydrated(page);
      await expectText(count(), says(before + 1));
      // The same address again (?supported=1): the page, not the address, says it is done.
      const answered = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.locator(`#comment-${id} div.mt-2 button:has-text("Retirer mon soutien")`).click();
      await answered;
      await page.waitForLoadState('load');
      await expectText(count(), says(before));
      await expectText(page.locator(`#comment-${id} div.mt-2 button`).first(), 'Soutenir');
    } finally {
      await context.close();
    }
  });
});
