// Moderation as people live it, JavaScript off, on a phone-sized screen: a newcomer's comment with a
// phone number waits for review and a moderator approves it; three people report another comment, which
// disappears; a moderator hides it with a reason; its author appeals; a second moderator restores it.
// Anyone can read the public moderation statistics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE, DEMO_PASSWORD, expectText, newPage, open, registerCitizen, signIn, submit, withBrowser } from './helpers.mjs';

withBrowser();

const JS_OFF = { js: false };
const TOPIC = '/topics/1'; // "Un forage d'eau potable pour le quartier Tata", Nioro, open
const NEWEST = `${TOPIC}?sort=newest`;
const HELD = 'En attente de vérification';
const AUTO_HIDDEN = 'Masqué en attendant l’avis de la modération';

/** A browser context without JavaScript, signed in (or registered) for the time of `fn`. */
async function session(signInAs, fn) {
  const { context, page } = await newPage(JS_OFF);
  try {
    await signInAs(page);
    return await fn(page);
  } finally {
    await context.close();
  }
}
const demo = (identifier) => (page) => signIn(page, identifier, DEMO_PASSWORD, JS_OFF);
const anonymous = () => async () => {};

/** Posts a comment on the topic and returns its id (from the "#comment-<id>" the answer points to). */
async function postComment(page, stance, body) {
  await open(page, TOPIC, JS_OFF);
  await page.check(`#comment-form input[name="stance"][value="${stance}"]`);
  await page.fill('#comment-form-body', body);
  await submit(page, 'comment-form', JS_OFF);
  const url = new URL(page.url());
  assert.match(url.hash, /^#comment-\d+$/, `no comment anchor in ${page.url()}`);
  return { id: url.hash.replace('#comment-', ''), query: url.search };
}

async function reportComment(page, commentId, reason) {
  await open(page, NEWEST, JS_OFF);
  await Promise.all([page.waitForEvent('load'), page.click(`#comment-${commentId} a:has-text("Signaler")`)]);
  await page.selectOption(`#report-comment-${commentId}-reason`, reason);
  await submit(page, `report-comment-${commentId}`, JS_OFF);
  await expectText(page.locator('main [role="status"]'), /votre signalement est enregistré/);
}

describe('moderation, from held comment to upheld appeal (JS off)', () => {
  test('held, approved, reported, hidden, appealed and restored by a second moderator', async () => {
    const marker = `Mod${Date.now().toString(36)}`;

    // 1. A newcomer posts a comment with a phone number in it: held as personal data.
    let heldText;
    const held = await session(
      async (page) => {
        const phone = await registerCitizen(page, `Bintou Diakité ${marker}`, JS_OFF);
        heldText = `Je peux réparer la pompe, appelez-moi au ${phone} (${marker})`;
      },
      async (page) => {
        const c = await postComment(page, 'for', heldText);
        assert.match(c.query, /held=1/);
        await open(page, NEWEST, JS_OFF);
        await expectText(page.locator(`#comment-${c.id}`), new RegExp(HELD));
        await expectText(page.locator(`#comment-${c.id} p.whitespace-pre-line`), heldText);
        return c.id;
      },
    );
    await session(anonymous(), async (page) => {
      await open(page, NEWEST, JS_OFF);
      assert.equal(await page.locator(`#comment-${held}`).count(), 0, 'a held comment is invisible to the public');
      assert.ok(!(await page.content()).includes(marker));
    });

    // 2. The Nioro moderator approves it from the queue.
    await session(demo('moderation.nioro@baro.ml'), async (page) => {
      await open(page, '/moderation', JS_OFF);
      await expectText(page.locator('h1'), 'File de modération');
      await expectText(page.locator(`li:has(#approve-comment-${held})`), /Retenu : données personnelles/);
      await submit(page, `approve-comment-${held}`, JS_OFF);
      await expectText(page.locator('main [role="status"]'), 'C’est fait.');
      assert.equal(await page.locator(`#approve-comment-${held}`).count(), 0, 'approved items leave the queue');
    });
    await session(anonymous(), async (page) => {
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${held} p.whitespace-pre-line`), heldText);
      assert.ok(!(await page.locator(`#comment-${held}`).textContent()).includes(HELD));
    });

    // 3. Awa posts a comment; three people report it; it disappears behind a placeholder.
    const awaText = `Ce forage profitera surtout aux amis du chef de quartier (${marker})`;
    const reported = await session(demo('76000001'), async (page) => {
      const c = await postComment(page, 'against', awaText);
      assert.match(c.query, /posted=1/);
      return c.id;
    });
    await session(demo('76000002'), (page) => reportComment(page, reported, 'insult'));
    await session(demo('animatrice.nioro@baro.ml'), (page) => reportComment(page, reported, 'insult'));
    await session(
      (page) => registerCitizen(page, `Oumou Sangaré ${marker}`, JS_OFF),
      (page) => reportComment(page, reported, 'spam'),
    );
    await session(anonymous(), async (page) => {
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${reported}`), new RegExp(AUTO_HIDDEN));
      assert.ok(!(await page.content()).includes(awaText), 'the reported text is withheld');
    });

    // 4. The Nioro moderator hides it, with a public reason.
    const reason = `Accusation sans preuve contre une personne ${marker}`;
    await session(demo('moderation.nioro@baro.ml'), async (page) => {
      await open(page, '/moderation', JS_OFF);
      await expectText(page.locator(`li:has(#hide-comment-${reported})`), /Masqué automatiquement \(signalements\)/);
      await expectText(page.locator(`li:has(#hide-comment-${reported}) blockquote`), awaText);
      await page.click(`li:has(#hide-comment-${reported}) summary:has-text("Masquer")`);
      await page.fill(`#hide-comment-${reported}-reason`, reason);
      await submit(page, `hide-comment-${reported}`, JS_OFF);
      await expectText(page.locator('main [role="status"]'), 'C’est fait.');
    });
    await session(anonymous(), async (page) => {
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${reported}`), new RegExp(`Masqué par la modération : ${reason}`));
      assert.ok(!(await page.content()).includes(awaText));
    });

    // 5. Awa, its author, appeals from the comment itself.
    const appealText = `Je parlais de la répartition des travaux, pas d’une personne. ${marker}`;
    await session(demo('76000001'), async (page) => {
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${reported} p.whitespace-pre-line`), awaText);
      const formId = await page.locator(`#comment-${reported} form[id^="appeal-m"]`).getAttribute('id');
      await page.click(`#comment-${reported} summary:has-text("Faire un recours")`);
      await page.fill(`#${formId}-text`, appealText);
      await submit(page, formId, JS_OFF);
      await expectText(page.locator('main [role="status"]'), /Votre recours est envoyé/);
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${reported}`), /Recours en cours d’examen\./);
    });

    // The moderator who hid it cannot settle the appeal.
    await session(demo('moderation.nioro@baro.ml'), async (page) => {
      await open(page, '/moderation/appeals', JS_OFF);
      const item = page.locator('main li', { hasText: appealText });
      await expectText(item, /conflit d’intérêts/);
      assert.equal(await item.locator('form').count(), 0);
    });

    // 6. A second moderator upholds the appeal: the comment is back, word for word.
    await session(demo('moderation@baro.ml'), async (page) => {
      await open(page, '/moderation/appeals', JS_OFF);
      const item = page.locator('main li', { hasText: appealText });
      const formId = await item.locator('form[id^="appeal-"]').getAttribute('id');
      await page.check(`#${formId} input[name="outcome"][value="upheld"]`);
      await page.fill(`#${formId}-note`, 'Après relecture, le propos vise une organisation, pas une personne.');
      await submit(page, formId, JS_OFF);
      await expectText(page.locator('main [role="status"]'), 'C’est fait.');
      assert.equal(await page.locator('main li', { hasText: appealText }).count(), 0, 'a settled appeal leaves the list');
    });
    await session(anonymous(), async (page) => {
      await open(page, NEWEST, JS_OFF);
      await expectText(page.locator(`#comment-${reported} p.whitespace-pre-line`), awaText);
      const text = await page.locator(`#comment-${reported}`).textContent();
      assert.ok(!text.includes('Masqué'), 'no placeholder once restored');
    });

    // The public statistics count what happened, without names.
    await session(anonymous(), async (page) => {
      const res = await open(page, '/moderation/stats', JS_OFF);
      assert.equal(res.status(), 200);
      await expectText(page.locator('h1'), 'Statistiques de modération');
      const appeals = await expectText(page.locator('main p', { hasText: 'Recours :' }), /^Recours : \d+ déposés?, \d+ acceptés?\.$/);
      const [, filed, upheld] = appeals.match(/(\d+) déposés?, (\d+) acceptés?/);
      assert.ok(Number(filed) >= 1 && Number(upheld) >= 1, appeals);
      await expectText(page.locator('main table').first().locator('tbody'), /Insulte ou harcèlement/);
      await expectText(page.locator('main table').nth(1).locator('tbody'), /approuvé/);
      const html = await page.content();
      assert.ok(!html.includes(marker), 'the statistics name nobody and quote nothing');
    });
  });
});

describe('moderation pages', () => {
  test('the public statistics are open to visitors; the queue is not', async () => {
    const { context, page } = await newPage(JS_OFF);
    try {
      const res = await open(page, '/moderation/stats', JS_OFF);
      assert.equal(res.status(), 200);
      await expectText(page.locator('h1'), 'Statistiques de modération');
      await open(page, '/moderation', JS_OFF);
      assert.equal(new URL(page.url()).pathname, '/login');
      await signIn(page, '76000001', DEMO_PASSWORD, JS_OFF);
      const queue = await page.goto(`${BASE}/moderation`);
      assert.ok(queue.status() === 403 || queue.status() === 200);
      assert.equal(await page.locator('form#bulk-form').count(), 0, 'a citizen gets no moderation tools');
    } finally {
      await context.close();
    }
  });
});
