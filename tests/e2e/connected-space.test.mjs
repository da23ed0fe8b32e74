// Issue 6's "done when", as one visit to the Nioro connected space, without JavaScript, at 360 px, on ONE
// browser marked as a shared computer: the facilitator registers a woman who has no phone, helps her
// comment with her consent, and ends her session; the woman signs in with her code and PIN on the same
// computer, finds her comment, and ends her session; the next person, with Back and reload, finds
// nothing of either of them: no name, no PIN, no comment form holding their words.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, expectPath, expectText, markAsShared, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;
const FORAGE = "Un forage d'eau potable pour le quartier Tata";

async function press(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

/** Ends the session with the big button and lands on the sign-in page. */
async function endSession(page) {
  await Promise.all([page.waitForURL((u) => u.pathname === '/login' && u.search === '?out=1'), page.click('#end-session')]);
  await expectText(page.locator('[role="status"]'), /Vous êtes déconnecté·e/);
}

/** What the screen shows and what its form fields hold. */
async function everything(page) {
  const text = await page.locator('body').innerText().catch(() => '');
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value)).catch(() => []);
  return { text, values: values.join('\n') };
}

describe('a morning at the Nioro connected space, on one shared computer', () => {
  test('register a woman with no phone, comment with her consent, end the session: the next person finds nothing [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await markAsShared(page, { js });

      // The facilitator signs in on the shared computer and registers Mariam, who has no phone.
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await expectText(page.locator('#end-session'), 'Terminer ma session');
      const name = `Mariam Diakité ${Date.now().toString(36)}`;
      await open(page, '/facilitator/register', { js });
      await page.fill('#f-displayName', name);
      await page.check('input[name="gender"][value="woman"]');
      await page.fill('#f-birthYear', '2001');
      await page.check('#f-consent');
      await press(page, '#register-participant button[type="submit"]');
      const code = (await page.locator('#slip-code').textContent()).trim();
      const pin = (await page.locator('#slip-pin').textContent()).trim();
      assert.match(pin, /^\d{6}$/);

      // She asks the facilitator to write her comment; she agrees, so the box is ticked.
      await open(page, '/facilitator/assist', { js });
      await Promise.all([page.waitForEvent('load'), page.click(`a:has-text("${FORAGE}")`)]);
      const topicPath = await page.locator('a', { hasText: 'Voir la page publique' }).getAttribute('href');
      const body = `Le forage doit être près du marché, les femmes y vont chaque matin. ${Date.now().toString(36)}`;
      await page.fill('#assist-comment-participant', code);
      await page.check('#assist-comment input[name="stance"][value="for"]');
      await page.fill('#assist-comment-body', body);
      await page.check('#assist-comment-consent');
      await press(page, '#assist-comment button[type="submit"]');
      await expectText(page.locator('#assist-comment [role="status"]'), `Commentaire publié au nom de ${name}.`);
      await endSession(page);

      // Mariam signs in with her code and PIN on the same computer and finds her comment, marked as assisted.
      await signIn(page, code, pin, { js });
      await expectText(page.locator('#shared-computer-bar p').first(), `Ordinateur partagé · ${name}`);
      await open(page, topicPath, { js });
      const comment = page.locator('article', { hasText: body });
      await expectText(comment.locator('strong').first(), name);
      await expectText(comment.locator('.assisted-badge'), /Saisi avec l’aide de : Espace connecté de Nioro$/);
      await open(page, '/account/assisted', { js });
      await expectText(page.locator('#assisted-list > li').first().locator('h2'), 'Commentaire');
      await endSession(page);

      // The next person: Back through every page of the visit, and reload, shows nothing of the two women.
      const visited = [];
      for (let step = 0; step < 6; step++) {
        const back = await page.goBack().catch(() => null);
        if (!back && page.url() === 'about:blank') break;
        visited.push(new URL(page.url()).pathname);
        await page.waitForLoadState('load');
        for (const reloaded of [false, true]) {
          const seen = await everything(page);
          const where = `${reloaded ? 'reloaded ' : ''}${page.url()}`;
          // Her public comment may be read by anyone; what is personal is never shown again.
          assert.ok(!seen.text.includes(pin), `her PIN on ${where}`);
          assert.ok(!seen.text.includes(code), `her participant code on ${where}`);
          assert.ok(!/Connecté·e :|Ordinateur partagé ·/.test(seen.text), `someone still signed in on ${where}`);
          for (const v of [name, body, code, pin]) assert.ok(!seen.values.includes(v), `a form still holds "${v}" on ${where}`);
          assert.equal(await page.locator('#end-session').count(), 0, `an "End my session" button on ${where}`);
          if (!reloaded) await page.reload().catch(() => null);
          await page.waitForLoadState('load');
        }
      }
      assert.ok(visited.length >= 4, `Back went through the visit (${visited.join(', ')})`);
      await open(page, '/account/assisted', { js });
      await expectPath(page, '/login');
    } finally {
      await context.close();
    }
  });
});
