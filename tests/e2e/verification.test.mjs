// Issue 12 §2–3, tried as a new user would, on a phone-sized screen: she registers, receives the code
// (read here from the server's outbox, data/outbox.jsonl) and takes part; she forgets her password and
// gets back in by SMS, and the old password fails; a connected space resets someone's access in person.
// Without JavaScript first (the "Done when"), and the registration with JavaScript too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { accessibilityProblems, bothJs, codeSentTo, DEMO_PASSWORD, expectPath, expectText, freshPhone, hydrated, newPage, open, openMenu, registerCitizen, signIn, submit, verifyWithCode, withBrowser } from './helpers.mjs';

withBrowser();

const JS_OFF = { js: false };
const BAD_CREDENTIALS = 'Identifiant, mot de passe ou code PIN incorrect.';

/** The demo's open consultation in Nioro du Sahel (scripts/demo-content.ts). */
function openTopicPath() {
  assert.ok(process.env.BARO_E2E_DB, 'BARO_E2E_DB is set by scripts/e2e.mjs');
  const db = new Database(process.env.BARO_E2E_DB, { readonly: true });
  try {
    const row = db.prepare("SELECT id FROM topics WHERE title LIKE 'Un forage d''eau potable%' AND phase = 'open'").get();
    assert.ok(row, 'the demo has an open topic');
    return `/topics/${row.id}`;
  } finally {
    db.close();
  }
}

async function signOut(page) {
  await openMenu(page);
  await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('header button:has-text("Se déconnecter")')]);
}

async function trySignIn(page, identifier, password, { js }) {
  await open(page, '/login', { js });
  await page.fill('#f-identifier', identifier);
  await page.fill('#f-password', password);
  await submit(page, 'login-form', { js });
}

describe('she registers, receives the code, and takes part', () => {
  bothJs('register with a phone number, verify with the SMS code, then vote', async (page, { js }) => {
    const phone = freshPhone();
    const topic = openTopicPath();
    await open(page, '/register', { js });
    await page.fill('#f-displayName', `Fatoumata Vérifiée ${js ? 'A' : 'B'}`);
    await page.fill('#f-phone', phone);
    await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
    await page.check('input[name="gender"][value="woman"]');
    await page.fill('#f-password', 'Sugu-ba-ka-di-2026');
    await page.click('#register-form button[type="submit"]');
    await expectPath(page, '/verify', '?welcome=1');
    await expectText(page.locator('#verify-pending'), /^Nous avons envoyé un code à \+223 \d\d •• •• \d\d\./);

    // Until verified: she reads, but the vote waits; every page says why.
    await open(page, topic, { js });
    await expectText(page.locator('#verify-banner'), 'Votre compte n’est pas encore vérifié : vous pouvez lire, mais pas encore participer. Vérifier mon compte');
    assert.equal(await page.locator('#vote-form').count(), 0, 'no vote form before verification');
    await expectText(page.locator('#verify-to-vote'), 'Pour voter, vérifiez d’abord votre compte avec le code reçu.');
    await expectText(page.locator('#verify-to-comment'), 'Pour commenter, vérifiez d’abord votre compte avec le code reçu.');
    await Promise.all([page.waitForURL((u) => u.pathname === '/verify'), page.click('#verify-to-vote a')]);

    // A new code too soon is refused; a wrong code says so and keeps nothing secret.
    if (js) await hydrated(page);
    await page.click('#send-code-form button[type="submit"]');
    await expectText(page.locator('#send-code-form-error'), /^Un code vient d’être envoyé\. Attendez 1 minute avant d’en demander un autre\.$/);
    const code = await codeSentTo(phone, 'verification');
    await page.fill('#v-code', code === '000000' ? '111111' : '000000');
    await submit(page, 'verify-form', { js });
    await expectText(page.locator('#v-code-error'), 'Ce code n’est pas le bon, ou il a été remplacé par un code plus récent.');

    await verifyWithCode(page, phone, { js });
    await expectText(page.locator('#verify-status'), 'Votre compte est vérifié. Vous pouvez maintenant voter, commenter, soutenir et proposer.');
    assert.equal(await page.locator('#verify-banner').count(), 0, 'the banner is gone');

    await open(page, topic, { js });
    await page.check('#vote-form input[name="choice"][value="for"]');
    await page.click('#vote-form button[type="submit"]');
    await expectText(page.locator('main [role="status"]'), 'Votre vote est enregistré.');
    await expectText(page.locator('#vote-section p:has-text("Vous avez voté")'), 'Vous avez voté : Pour');
  });
});

describe('an account without a phone verifies by e-mail', () => {
  test('register with an e-mail address only, verify with the code of the e-mail [JS off]', async () => {
    const { context, page } = await newPage(JS_OFF);
    try {
      const email = `kadi.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.ml`;
      await open(page, '/register', JS_OFF);
      await page.fill('#f-displayName', 'Kadi Par E-mail');
      await page.fill('#f-email', email);
      await page.selectOption('#f-communeId', { label: 'Kayes' });
      await page.fill('#f-password', 'Sugu-ba-ka-di-2026');
      await page.click('#register-form button[type="submit"]');
      await expectPath(page, '/verify', '?welcome=1');
      await expectText(page.locator('#verify-pending'), /^Nous avons envoyé un code à k•••@exemple\.ml\./);
      await verifyWithCode(page, email, JS_OFF);
      await expectText(page.locator('#verify-status'), 'Votre compte est vérifié. Vous pouvez maintenant voter, commenter, soutenir et proposer.');
    } finally {
      await context.close();
    }
  });
});

describe('she forgets her password and gets back in by SMS', () => {
  test('"Mot de passe oublié ?", a code by SMS, a new password; the old one fails [JS off]', async () => {
    const { context, page } = await newPage(JS_OFF);
    try {
      const oldPassword = 'Sugu-ba-ka-di-2026';
      const newPassword = 'Jiri-kura-ka-di-2027';
      const phone = await registerCitizen(page, 'Mariam Oublie', { js: false, password: oldPassword });
      await signOut(page);

      await open(page, '/login', JS_OFF);
      await Promise.all([page.waitForURL((u) => u.pathname === '/recover'), page.click('#forgot-password')]);
      await expectText(page.locator('h1'), 'Mot de passe oublié');
      assert.equal(await page.locator('#reset-password-form').count(), 0, 'step 2 appears once a code was asked for');

      // A number nobody has gets the very same answer.
      const nobody = freshPhone();
      await page.fill('#r-identifier', nobody);
      await submit(page, 'request-code-form', JS_OFF);
      await expectText(page.locator('#request-code-form [role="status"]'), `Si un compte utilise le numéro ${nobody}, un code vient d’y être envoyé par SMS. Il est valable 10 minutes.`);

      await page.fill('#r-identifier', phone);
      await submit(page, 'request-code-form', JS_OFF);
      await expectText(page.locator('#request-code-form [role="status"]'), `Si un compte utilise le numéro ${phone}, un code vient d’y être envoyé par SMS. Il est valable 10 minutes.`);
      assert.equal(await page.inputValue('#n-identifier'), phone, 'step 2 knows the number');

      // A wrong code keeps what was typed (never the password) and says so.
      const code = await codeSentTo(phone, 'recovery');
      await page.fill('#n-code', code === '000000' ? '111111' : '000000');
      await page.fill('#n-newPassword', newPassword);
      await submit(page, 'reset-password-form', JS_OFF);
      await expectText(page.locator('#n-code-error'), 'Ce code ne marche pas : il n’est pas le bon, il a expiré, ou il a déjà été essayé 5 fois. Vérifiez le numéro ou l’adresse et le code, ou demandez un nouveau code.');
      assert.equal(await page.inputValue('#n-identifier'), phone);
      assert.equal(await page.inputValue('#n-newPassword'), '');

      await page.fill('#n-code', code);
      await page.fill('#n-newPassword', newPassword);
      await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.click('#reset-password-form button[type="submit"]')]);
      await expectText(page.locator('main [role="status"]'), /^Votre nouveau mot de passe est enregistré et toutes vos sessions ont été fermées\./);

      await trySignIn(page, phone, oldPassword, JS_OFF);
      await expectText(page.locator('#login-form-error'), BAD_CREDENTIALS);
      await signIn(page, phone, newPassword, JS_OFF);
      await open(page, '/notifications', JS_OFF);
      await expectText(page.locator('main'), /Votre mot de passe a été changé avec un code à usage unique/);
    } finally {
      await context.close();
    }
  });
});

describe('getting back in, in person, at any connected space', () => {
  test('a facilitator checks a document and hands over a one-time code; the person chooses a new password [JS off]', async () => {
    const person = await newPage(JS_OFF);
    const facilitator = await newPage(JS_OFF);
    try {
      const phone = await registerCitizen(person.page, 'Hawa En Personne', { js: false });
      await signOut(person.page);

      const f = facilitator.page;
      await signIn(f, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, JS_OFF);
      await open(f, '/facilitator', JS_OFF);
      await Promise.all([f.waitForURL((u) => u.pathname === '/facilitator/access'), f.click('#access-reset-link')]);
      await expectText(f.locator('h1'), 'Rétablir un accès en personne');
      await f.fill('#a-identifier', phone);
      await f.selectOption('#a-document', 'nina_card');
      // Without the box ticked, nothing happens.
      await submit(f, 'access-reset-form', JS_OFF);
      await expectText(f.locator('#a-checked-error'), 'Cochez la case : l’accès se rétablit seulement après avoir vérifié l’identité de la personne.');
      await f.fill('#a-identifier', phone);
      await f.selectOption('#a-document', 'nina_card');
      await f.check('#a-checked');
      await submit(f, 'access-reset-form', JS_OFF);
      await expectText(f.locator('#access-reset-form [role="status"]'), 'Accès rétabli pour Hawa En Personne. Donnez-lui ce code : il est valable 30 minutes.');
      const code = (await f.locator('#reset-code').textContent()).trim();
      assert.match(code, /^\d{6}$/);

      const p = person.page;
      await trySignIn(p, phone, 'Sugu-ba-ka-di-2026', JS_OFF);
      await expectText(p.locator('#login-form-error'), BAD_CREDENTIALS);
      await open(p, '/recover?step=code', JS_OFF);
      await p.fill('#n-identifier', phone);
      await p.fill('#n-code', code);
      await p.fill('#n-newPassword', 'Sigi-ka-di-ye-2027');
      await Promise.all([p.waitForURL((u) => u.pathname === '/login'), p.click('#reset-password-form button[type="submit"]')]);
      await signIn(p, phone, 'Sigi-ka-di-ye-2027', JS_OFF);
    } finally {
      await person.context.close();
      await facilitator.context.close();
    }
  });
});

describe('the new pages are accessible at 360 px', () => {
  test('/verify, /recover (both steps), /facilitator/access and the moderation dashboard’s patterns [axe, JS on]', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      const phone = freshPhone();
      await open(page, '/register', { js: true });
      await page.fill('#f-displayName', 'Axe Vérification');
      await page.fill('#f-phone', phone);
      await page.selectOption('#f-communeId', { label: 'Kayes' });
      await page.fill('#f-password', 'Sugu-ba-ka-di-2026');
      await page.click('#register-form button[type="submit"]');
      await expectPath(page, '/verify', '?welcome=1');
      await hydrated(page);
      assert.deepEqual(await accessibilityProblems(page), [], '/verify');
      await signOut(page);

      await open(page, '/recover?step=code', { js: true });
      assert.deepEqual(await accessibilityProblems(page), [], '/recover');

      await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js: true });
      await open(page, '/facilitator/access', { js: true });
      assert.deepEqual(await accessibilityProblems(page), [], '/facilitator/access');
      await signOut(page);

      await signIn(page, 'moderation@baro.ml', DEMO_PASSWORD, { js: true });
      await open(page, '/moderation', { js: true });
      await expectText(page.locator('#suspicious-title'), 'Comportements à examiner');
      assert.deepEqual(await accessibilityProblems(page), [], '/moderation');
    } finally {
      await context.close();
    }
  });
});
