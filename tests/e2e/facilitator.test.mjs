// A facilitator at the Nioro connected space, without JavaScript, on a 360 px phone: she registers a
// woman who has no phone, prints her slip (code and 6-digit PIN, nothing but the slip on paper), posts a
// comment for her with her consent (refused without it, the text kept), and the participant signs in
// with her code and PIN, sees the comment with its badge and in her account, and withdraws it. Typing the
// mayor's number is refused: accounts with a role are never assisted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, expectPath, expectText, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;
const FORAGE = "Un forage d'eau potable pour le quartier Tata";
/** The badge's text, after its icon. */
const BADGE = /Saisi avec l’aide de : Espace connecté de Nioro$/;

/** Clicks a submit button and waits for the page the server answers with (JavaScript is off). */
async function press(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

async function fitsThePhone(page, path) {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= width, `${path} scrolls sideways at 360 px (${scrollWidth} > ${width})`);
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fanta registers a participant through the form; returns what the slip shows. */
async function registerParticipant(page, name, { js: scripted }) {
  await open(page, '/facilitator', { js: scripted });
  await expectText(page.locator('h1'), 'Espace animation');
  await Promise.all([page.waitForURL((u) => u.pathname === '/facilitator/register'), page.click('a[href="/facilitator/register"]')]);
  await expectText(page.locator('h1'), 'Inscrire un·e participant·e');
  await page.fill('#f-displayName', name);
  assert.equal(await page.locator('#f-communeId option:checked').textContent(), 'Nioro du Sahel', 'the commune defaults to the space’s');
  await page.check('input[name="gender"][value="woman"]');
  await page.fill('#f-birthYear', '2003');
  assert.equal(await page.inputValue('#f-consentDate'), new Date().toISOString().slice(0, 10), 'the consent date defaults to today');
  return page;
}

let participant; // { name, code, pin }
let topicPath;

describe('facilitator tools', () => {
  test('1. the facilitator registers a participant and prints the slip [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await expectText(page.locator('#facilitator-link'), 'Animation');
      const name = `Kadiatou Dembélé ${Date.now().toString(36)}`;
      await registerParticipant(page, name, { js });

      // Without the consent box: refused next to the box, the name kept, nobody registered.
      await press(page, '#register-participant button[type="submit"]');
      await expectText(page.locator('#f-consent-error'), 'Cochez la case d’accord : sans l’accord de la personne, rien n’est enregistré.');
      assert.equal(await page.inputValue('#f-displayName'), name);
      assert.equal(await page.locator('#participant-slip').count(), 0);

      await page.check('#f-consent');
      await press(page, '#register-participant button[type="submit"]');
      await expectText(page.locator('#register-participant [role="status"]'), /est inscrit·e\. Imprimez la carte/);
      await expectText(page.locator('#slip-name'), name);
      const code = (await page.locator('#slip-code').textContent()).trim();
      const pin = (await page.locator('#slip-pin').textContent()).trim();
      assert.match(code, /^NIO-[23456789ACDEFHJKMNPRTUWXY]{5}$/);
      assert.match(pin, /^\d{6}$/);
      await expectText(page.locator('#participant-slip'), /Espace connecté de Nioro/);
      await expectText(page.locator('#participant-slip'), /Près de la mairie, Nioro du Sahel/);
      await expectText(page.locator('#participant-slip ol li').first(), /^Ouvrez http:\/\/localhost:\d+\/login$/);
      // The PIN is in the page only: never in its address.
      assert.ok(!page.url().includes(pin));
      // Without JavaScript the browser's own Print menu is named; the button needs JavaScript.
      assert.equal(await page.locator('#participant-slip ~ .print-hidden button').count(), 0);
      await fitsThePhone(page, 'the slip');

      // Printed: the slip alone, no header, navigation or footer.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('body > header').isVisible(), false, 'the header is not printed');
      assert.equal(await page.locator('body > footer').isVisible(), false, 'the footer is not printed');
      assert.equal(await page.locator('nav').first().isVisible(), false, 'the navigation is not printed');
      assert.equal(await page.locator('#participant-slip').isVisible(), true);
      assert.equal(await page.locator('#slip-pin').isVisible(), true);
      assert.equal(await page.locator('h1').isVisible(), false, 'only the slip is printed');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator('body > header').isVisible(), true);

      // The facilitator area lists her with her code, never her PIN.
      await open(page, `/facilitator?q=${encodeURIComponent(code.toLowerCase().replace('-', ''))}`, { js });
      const row = page.locator('li', { hasText: name });
      await expectText(row.locator('.participant-code'), code);
      assert.ok(!(await page.content()).includes(`>${pin}<`));
      await fitsThePhone(page, '/facilitator');
      participant = { name, code, pin };
    } finally {
      await context.close();
    }
  });

  test('2. the facilitator posts a comment for the participant, with her consent [JS off]', async () => {
    assert.ok(participant, 'needs the participant registered in test 1');
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/facilitator/assist', { js });
      await expectText(page.locator('h1'), 'Contribuer avec un·e participant·e');
      await Promise.all([page.waitForEvent('load'), page.click(`a:has-text("${FORAGE}")`)]);
      await expectText(page.locator('#assist-subject'), FORAGE);
      topicPath = await page.locator('a', { hasText: 'Voir la page publique' }).getAttribute('href');
      assert.match(topicPath, /^\/topics\/\d+$/);

      const body = `Il faut un robinet bas pour les enfants, et un banc à l’ombre. ${Date.now().toString(36)}`;
      await page.fill('#assist-comment-participant', participant.code);
      await page.check('#assist-comment input[name="stance"][value="for"]');
      await page.fill('#assist-comment-body', body);
      // Without her consent: refused, next to the box, and every word kept.
      await press(page, '#assist-comment button[type="submit"]');
      await expectText(page.locator('#assist-comment-consent-error'), 'Cochez la case d’accord : sans l’accord de la personne, rien n’est enregistré.');
      assert.equal(await page.inputValue('#assist-comment-body'), body);
      assert.equal(await page.inputValue('#assist-comment-participant'), participant.code);
      assert.equal(await page.isChecked('#assist-comment input[name="stance"][value="for"]'), true);

      await page.check('#assist-comment-consent');
      await press(page, '#assist-comment button[type="submit"]');
      await expectText(page.locator('#assist-comment [role="status"]'), `Commentaire publié au nom de ${participant.name}.`);
      assert.equal(await page.inputValue('#assist-comment-body'), '', 'the form is empty for the next person');
      participant.body = body;
      await fitsThePhone(page, '/facilitator/assist');

      // Anyone reading the topic, signed out (the page served from the cache), sees it with its badge.
      const { context: anonymous, page: reader } = await newPage({ js });
      try {
        await open(reader, topicPath, { js });
        const comment = reader.locator('article', { hasText: body });
        await expectText(comment.locator('strong').first(), participant.name);
        await expectText(comment.locator('.assisted-badge'), BADGE);
      } finally {
        await anonymous.close();
      }
    } finally {
      await context.close();
    }
  });

  test('3. the participant signs in with code and PIN, sees the comment with its badge, and withdraws it [JS off]', async () => {
    assert.ok(participant?.body && topicPath, 'needs tests 1 and 2');
    const { context, page } = await newPage({ js });
    try {
      // Lower case, no dash: the code is read however it is typed.
      await signIn(page, participant.code.toLowerCase().replace('-', ''), participant.pin, { js });
      await expectText(page.locator('header a[href="/account"]'), `Connecté·e : ${participant.name}`);

      await open(page, topicPath, { js });
      const comment = page.locator('article', { hasText: participant.body });
      await expectText(comment.locator('strong').first(), participant.name);
      await expectText(comment.locator('.assisted-badge'), BADGE);

      await open(page, '/account', { js });
      await Promise.all([page.waitForEvent('load'), page.click('#assisted-link')]);
      await expectPath(page, '/account/assisted');
      const item = page.locator('#assisted-list > li').first();
      await expectText(item.locator('h2'), 'Commentaire');
      await expectText(item.locator('a').first(), FORAGE);
      await expectText(item.locator('dd').nth(1), 'Fanta Sissoko');
      await fitsThePhone(page, '/account/assisted');

      await press(page, '#assisted-list > li:first-child button[type="submit"]');
      await expectText(page.locator('[role="status"]'), 'C’est retiré.');
      await expectText(page.locator('#assisted-list > li').first().locator('p.font-semibold'), /^Retiré le /);
      assert.equal(await page.locator('#assisted-list > li:first-child button[type="submit"]').count(), 0);

      await open(page, topicPath, { js });
      assert.equal(await page.locator('article', { hasText: participant.body }).count(), 0, 'the text is no longer shown');
    } finally {
      await context.close();
    }
  });

  test('4. a new PIN in person; a project and a vote entered for her; she withdraws the vote [JS off]', async () => {
    assert.ok(participant, 'needs the participant registered in test 1');
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, `/facilitator?q=${encodeURIComponent(participant.code)}`, { js });
      await Promise.all([page.waitForEvent('load'), page.click(`a:has-text("Nouveau code PIN pour ${participant.name}")`)]);
      await press(page, '#reset-pin button[type="submit"]');
      await expectText(page.locator('#f-present-error'), 'Cochez la case : un nouveau code PIN se donne seulement en personne.');
      await page.check('#f-present');
      await press(page, '#reset-pin button[type="submit"]');
      await expectText(page.locator('#slip-code'), participant.code);
      const pin = (await page.locator('#slip-pin').textContent()).trim();
      assert.match(pin, /^\d{6}$/);

      await open(page, '/facilitator/assist/project', { js });
      const title = `Un moulin à karité pour le groupement Benkadi ${Date.now().toString(36)}`;
      await page.fill('#f-participant', participant.code.toLowerCase());
      await page.fill('#f-title', title);
      await page.fill('#f-problem', 'Les femmes pilent le karité à la main pendant des heures chaque jour.');
      await page.fill('#f-solution', 'Un moulin motorisé, géré par le groupement Benkadi avec un cahier des comptes.');
      await page.selectOption('#f-sector', 'women');
      await page.fill('#f-location', 'Quartier Tata, Nioro du Sahel');
      await page.check('input[name="beneficiaries"][value="women"]');
      await press(page, '#assist-project button[type="submit"]');
      await expectText(page.locator('#f-consent-error'), 'Cochez la case d’accord : sans l’accord de la personne, rien n’est enregistré.');
      assert.equal(await page.inputValue('#f-title'), title);
      assert.equal(await page.isChecked('input[name="beneficiaries"][value="women"]'), true);
      await page.check('#f-consent');
      await press(page, '#assist-project button[type="submit"]');
      await expectText(page.locator('#assist-project [role="status"]'), `Projet soumis au nom de ${participant.name}.`);

      await open(page, topicPath.replace('/topics/', '/facilitator/assist?topic='), { js });
      await page.fill('#assist-vote-participant', participant.code);
      await page.check('#assist-vote input[name="choice"][value="against"]');
      await page.check('#assist-vote-consent');
      await press(page, '#assist-vote button[type="submit"]');
      await expectText(page.locator('#assist-vote [role="status"]'), `Vote enregistré au nom de ${participant.name}.`);

      // The participant: the old PIN no longer opens her account, the new one does.
      const { context: hers, page: mine } = await newPage({ js });
      try {
        await open(mine, '/login', { js });
        await mine.fill('#f-identifier', participant.code);
        await mine.fill('#f-password', participant.pin === pin ? '000000' : participant.pin);
        await press(mine, '#login-form button[type="submit"]');
        await expectText(mine.locator('#login-form-error'), 'Identifiant, mot de passe ou code PIN incorrect.');
        await signIn(mine, participant.code, pin, { js });
        await open(mine, topicPath, { js });
        assert.equal(await mine.isChecked('#vote-form input[name="choice"][value="against"]'), true, 'the vote entered for her is hers');
        await open(mine, '/account/assisted', { js });
        assert.deepEqual(await mine.locator('#assisted-list > li h2').allTextContents(), ['Vote', 'Projet citoyen', 'Commentaire']);
        await expectText(mine.locator('#assisted-list > li').nth(1).locator('a').first(), title);
        await press(mine, '#assisted-list > li:first-child button[type="submit"]');
        await expectText(mine.locator('main [role="status"]'), 'C’est retiré.');
        await expectText(mine.locator('#assisted-list > li').first().locator('p.font-semibold'), /^Retiré le /);
        await open(mine, topicPath, { js });
        assert.equal(await mine.locator('#vote-form input[type="radio"]:checked').count(), 0, 'her vote is gone');
      } finally {
        await hers.close();
      }
    } finally {
      await context.close();
    }
  });

  test('5. the facilitator is refused when she types the mayor’s number, even with his password; nothing is recorded in his name [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/facilitator/assist', { js });
      await Promise.all([page.waitForEvent('load'), page.click(`a:has-text("${FORAGE}")`)]);
      const forage = await page.locator('a', { hasText: 'Voir la page publique' }).getAttribute('href');
      const body = `Le maire approuve ce forage sans réserve. ${Date.now().toString(36)}`;
      // The mayor's phone (demo account 76000004), as the attacker typed it.
      await page.fill('#assist-comment-participant', '76 00 00 04');
      await page.check('#assist-comment input[name="stance"][value="for"]');
      await page.fill('#assist-comment-body', body);
      await page.check('#assist-comment-consent');
      await press(page, '#assist-comment button[type="submit"]');
      await expectText(page.locator('#assist-comment-participant-error'), /^Cette personne n’a pas été inscrite dans votre espace\..*ne sont jamais aidés/);
      assert.equal(await page.inputValue('#assist-comment-body'), body, 'what was typed is kept');

      // Even if the mayor himself typed his password on her screen: an account with a role is never assisted.
      await page.fill('#assist-comment-participantPassword', DEMO_PASSWORD);
      await page.check('#assist-comment-consent');
      await press(page, '#assist-comment button[type="submit"]');
      await expectText(page.locator('#assist-comment-participant-error'), 'Ce compte a un rôle sur Baro (élu·e, modération, animation ou administration) : il n’est jamais aidé. La personne agit depuis son propre compte.');
      assert.equal(await page.inputValue('#assist-comment-participantPassword'), '', 'the password is never sent back to the page');
      assert.ok(!(await page.content()).includes(DEMO_PASSWORD), 'nor anywhere in it');

      // The public page has no such comment, under the mayor's name or any other.
      const { context: anonymous, page: reader } = await newPage({ js });
      try {
        await open(reader, forage, { js });
        assert.equal(await reader.locator('article', { hasText: body }).count(), 0);
      } finally {
        await anonymous.close();
      }
    } finally {
      await context.close();
    }
  });

  test('/facilitator and the slip: no axe WCAG 2 A/AA violation', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js: true });
      await open(page, '/facilitator', { js: true });
      assert.deepEqual(await axeViolations(page), [], '/facilitator');
      for (const path of ['/facilitator/assist', '/facilitator/assist?topic=1', '/facilitator/assist/project']) {
        await open(page, path, { js: true });
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await registerParticipant(page, 'Awa Sangaré', { js: true });
      await page.check('#f-consent');
      const answered = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.click('#register-participant button[type="submit"]');
      await answered;
      await expectText(page.locator('#slip-pin'), /^\d{6}$/);
      // With JavaScript, the slip has a Print button.
      await expectText(page.locator('#participant-slip ~ .print-hidden button'), 'Imprimer la carte');
      assert.deepEqual(await axeViolations(page), [], 'the slip');
    } finally {
      await context.close();
    }
  });

  test('the demo participant (code and PIN from README) sees what was entered for her: no axe violation', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      // She prefers Bambara: the interface goes to /bm/… after sign-in (French where nothing is approved).
      await signIn(page, 'NIO-DEM42', '482916', { js: true, lands: 'bm' });
      await open(page, '/account/assisted', { js: true });
      await expectText(page.locator('#assisted-list > li h2').last(), 'Commentaire');
      assert.deepEqual(await axeViolations(page), [], '/account/assisted');
    } finally {
      await context.close();
    }
  });
});
