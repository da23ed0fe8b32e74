// Public meetings without JavaScript on a 360 px phone: the list and a meeting's page (minutes and
// attendance, never a group of 1–4 people), a citizen registering, a facilitator scheduling a debate
// about a consultation (shown on the consultation's page) and publishing minutes with a checked grid.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, expectText, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;

async function fitsThePhone(page, path) {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= width, `${path} scrolls sideways at 360 px (${scrollWidth} > ${width})`);
}

const click = (page, selector) => Promise.all([page.waitForEvent('load'), page.click(selector)]);

/** "2027-03-10T15:00" in `days` days, what a datetime-local field takes. */
function inDays(days, hour = 15) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().slice(0, 16);
}

describe('public meetings', () => {
  test('the list shows upcoming and past debates; a past one shows its minutes and attendance [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      const res = await open(page, '/meetings', { js });
      assert.equal(res.status(), 200);
      await expectText(page.locator('h1'), 'Débats publics');
      assert.ok((await page.locator('#meetings-upcoming > li').count()) >= 1);
      await expectText(page.locator('#meetings-upcoming'), /Débat public : où placer le forage de Tata \?/);
      await fitsThePhone(page, '/meetings');
      const past = page.locator('#meetings-past li', { hasText: 'le nouveau marché à bétail' });
      await expectText(past.locator('p').last(), /Compte rendu · 45 personnes présentes/);
      await click(page, '#meetings-past li:has-text("marché à bétail") h3 a');
      await expectText(page.locator('h1'), 'Débat public : le nouveau marché à bétail');
      await expectText(page.locator('#meeting-status'), 'Débat passé');
      await expectText(page.locator('#minutes-text'), /Les éleveurs acceptent le terrain/);
      await expectText(page.locator('#attendance-total'), '45 personnes présentes');
      await expectText(page.locator('#attendance-gender tbody tr').first(), /Femmes\s*29/);
      for (const c of await page.locator('table td').allTextContents()) assert.ok(!/^\s*[1-4]\s*$/.test(c), `a cell shows "${c}"`);
      await expectText(page.locator('#registration'), /Le débat a commencé : les inscriptions sont fermées/);
      await fitsThePhone(page, page.url());

      // Filtered by commune (a GET form).
      await open(page, '/meetings', { js });
      await page.selectOption('#flt-commune', { label: 'Kayes' });
      await click(page, 'form[method="get"] button[type="submit"]');
      await expectText(page.locator('#upcoming-title + p'), 'Aucun débat prévu pour l\'instant.');
      // The space page lists its next debates.
      await open(page, '/spaces/nioro', { js });
      await expectText(page.locator('#space-meetings'), /où placer le forage de Tata/);
      await open(page, '/en/meetings', { js });
      await expectText(page.locator('h1'), 'Public debates');
    } finally {
      await context.close();
    }
  });

  test('a citizen registers for an upcoming debate and withdraws; the count follows [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await open(page, '/meetings', { js });
      await click(page, '#meetings-upcoming li:has-text("forage de Tata") h3 a');
      await expectText(page.locator('#registration a'), 'Connectez-vous pour vous inscrire.');
      const meetingPath = new URL(page.url()).pathname;
      await signIn(page, '76000002', DEMO_PASSWORD, { js });
      await open(page, meetingPath, { js });
      const before = Number((await page.locator('#registration-count').textContent()).match(/\d+/)?.[0] ?? 0);
      await click(page, '#registration-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Vous êtes inscrit·e. À bientôt !');
      await expectText(page.locator('#registration-count'), `${before + 1} personnes inscrites`);
      await expectText(page.locator('#registration-form button'), 'Retirer mon inscription');
      await click(page, '#registration-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Votre inscription est retirée.');
      await expectText(page.locator('#registration-count'), before === 1 ? '1 personne inscrite' : `${before} personnes inscrites`);
    } finally {
      await context.close();
    }
  });

  test('a facilitator schedules a debate about a consultation; a refused form keeps what was typed [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/spaces/nioro', { js });
      await click(page, '#space-meetings-title ~ p a:has-text("Programmer un débat")');
      await expectText(page.locator('h1'), 'Programmer un débat public');
      const title = `Débat du quartier Tata ${Date.now().toString(36)}`;
      await page.fill('#f-title', title);
      await page.fill('#f-startsAt', '2020-01-01T10:00');
      await page.fill('#f-agenda', '1. Le forage\n2. Le comité de gestion des femmes');
      await page.selectOption('#f-topicId', { label: "Un forage d'eau potable pour le quartier Tata" });
      await click(page, '#meeting-form button[type="submit"]');
      await expectText(page.locator('#f-startsAt-error'), 'Choisissez une date et une heure à venir.');
      assert.equal(await page.inputValue('#f-title'), title);
      assert.equal(await page.inputValue('#f-agenda'), '1. Le forage\n2. Le comité de gestion des femmes');
      await page.fill('#f-startsAt', inDays(9));
      await click(page, '#meeting-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Le débat est programmé.');
      await expectText(page.locator('h1'), title);
      await expectText(page.locator('dd a[href^="/topics/"]'), "Un forage d'eau potable pour le quartier Tata");
      const topicHref = await page.locator('dd a[href^="/topics/"]').getAttribute('href');

      // The consultation's page lists it, for signed-in readers and for anonymous ones (served from the cache).
      await open(page, topicHref, { js });
      await expectText(page.locator('#public-debates'), 'Débats publics');
      assert.ok(await page.locator(`section:has(#public-debates) a:has-text("${title}")`).count());
      await context.clearCookies();
      await open(page, topicHref, { js });
      assert.ok(await page.locator(`section:has(#public-debates) a:has-text("${title}")`).count(), 'the cached page was refreshed');
    } finally {
      await context.close();
    }
  });

  test('after a debate, the facilitator publishes minutes and attendance; wrong numbers are refused next to their box [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/meetings', { js });
      await click(page, '#meetings-past li:has-text("marché à bétail") h3 a');
      await click(page, 'a:has-text("Corriger le compte rendu ou les présences")');
      await expectText(page.locator('h1'), 'Compte rendu et présences');
      assert.equal(await page.inputValue('#f-att_woman_15_24'), '14');
      await page.fill('#f-att_woman_15_24', '-2');
      await page.fill('#f-att_man_25_35', '2,5');
      await page.fill('#f-att_man_36plus', '4');
      await click(page, '#minutes-form button[type="submit"]');
      await expectText(page.locator('#f-att_woman_15_24-error'), 'Un nombre de personnes ne peut pas être négatif.');
      await expectText(page.locator('#f-att_man_25_35-error'), /Écrivez un nombre entier/);
      assert.equal(await page.inputValue('#f-att_man_36plus'), '4', 'the other boxes keep what was typed');
      await page.fill('#f-att_woman_15_24', '15');
      await page.fill('#f-att_man_25_35', '5');
      await click(page, '#minutes-form button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'Le compte rendu et les présences sont publiés.');
      await expectText(page.locator('#attendance-total'), '47 personnes présentes');
      // 4 men of 36 and over: never shown as such
      for (const c of await page.locator('table td').allTextContents()) assert.ok(!/^\s*[1-4]\s*$/.test(c), `a cell shows "${c}"`);
    } finally {
      await context.close();
    }
  });

  test('meeting pages: no axe WCAG 2 A/AA violation', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js: true });
      await open(page, '/meetings', { js: true });
      const first = await page.locator('#meetings-past h3 a').first().getAttribute('href');
      for (const path of ['/meetings', first, `${first}/minutes`, '/meetings/new?space=nioro']) {
        await open(page, path, { js: true });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
      }
    } finally {
      await context.close();
    }
  });
});
