// Registration, sign-out, sign-in, wrong password, rate limit and a failed registration, each with JS on and off.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BASE, bothJs, expectPath, expectText, freshPhone, open, submit, withBrowser } from './helpers.mjs';

withBrowser();

const BAD_CREDENTIALS_FR = 'Identifiant, mot de passe ou code PIN incorrect.';
const BAD_CREDENTIALS_EN = 'Wrong identifier, password or PIN.';

describe('register, sign out, sign in again', () => {
  bothJs('a new citizen registers with a phone number, signs out and signs in with another format of it', async (page, { js }) => {
    const phone = freshPhone(); // "76 12 34 56"
    const name = `Ɲɛlɛ Kɔnɔ Sangarɛ ${js ? 'A' : 'B'}`;
    const password = 'Sugu-ba-ka-di-2026';

    await open(page, '/register', { js });
    await expectText(page.locator('h1'), 'Créer un compte');
    await page.fill('#f-displayName', name);
    await page.fill('#f-phone', phone);
    await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
    await page.check('input[name="gender"][value="woman"]');
    await page.fill('#f-birthYear', '1998');
    await page.fill('#f-password', password);
    await page.click('#register-form button[type="submit"]');

    await expectPath(page, '/account', '?welcome=1');
    await expectText(page.locator('h1'), 'Mon compte');
    await expectText(page.locator('main [role="status"]'), 'Votre compte est créé. Bienvenue sur Baro !');
    await expectText(page.locator('header a[href="/account"]'), `Connecté·e : ${name}`);
    assert.equal(await page.inputValue('#f-displayName'), name, 'the Bambara name is stored as typed');
    assert.equal(await page.inputValue('#f-phone'), `+223${phone.replace(/\s/g, '')}`, 'the phone is stored in E.164');

    // Sign out from the header.
    await page.click('header button:has-text("Se déconnecter")');
    await expectPath(page, '/login', '?out=1');
    await expectText(page.locator('main [role="status"]'), /^Vous êtes déconnecté·e\./);
    assert.equal(await page.locator('header button:has-text("Se déconnecter")').count(), 0);

    // The account page is closed once signed out.
    await page.goto(`${BASE}/account`);
    await expectPath(page, '/login');

    // Sign in again with the international format, spaces included.
    await open(page, '/login', { js });
    await page.fill('#f-identifier', `+223 ${phone}`);
    await page.fill('#f-password', password);
    await page.click('#login-form button[type="submit"]');
    await expectPath(page, '/account');
    await expectText(page.locator('h1'), 'Mon compte');
    await expectText(page.locator('header a[href="/account"]'), `Connecté·e : ${name}`);
  });
});

describe('wrong password', () => {
  bothJs('a wrong password shows a clear message and keeps the identifier (fr)', async (page, { js }) => {
    const identifier = '76 00 00 02'; // Moussa, a demo account
    await open(page, '/login', { js });
    await page.fill('#f-identifier', identifier);
    await page.fill('#f-password', 'not-the-password-123');
    await submit(page, 'login-form', { js });
    await expectText(page.locator('#login-form-error'), BAD_CREDENTIALS_FR);
    assert.equal(await page.locator('#login-form-error').getAttribute('role'), 'alert');
    assert.equal(await page.inputValue('#f-identifier'), identifier, 'the identifier is kept');
    assert.equal(await page.inputValue('#f-password'), '', 'the password is not sent back');
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  bothJs('a wrong password shows a clear message and keeps the identifier (en)', async (page, { js }) => {
    const identifier = 'animatrice.nioro@baro.ml'; // Fanta, a demo account
    await open(page, '/en/login', { js });
    await page.fill('#f-identifier', identifier);
    await page.fill('#f-password', 'not-the-password-123');
    await submit(page, 'login-form', { js });
    await expectText(page.locator('#login-form-error'), BAD_CREDENTIALS_EN);
    assert.equal(await page.inputValue('#f-identifier'), identifier);
    assert.equal(new URL(page.url()).pathname, '/en/login');
  });
});

describe('rate limit', () => {
  bothJs('after 5 failed sign-ins for one identifier, the next attempt is refused with a wait time', async (page, { js }) => {
    const identifier = freshPhone();
    await open(page, '/login', { js });
    for (let i = 1; i <= 5; i++) {
      await page.fill('#f-identifier', identifier);
      await page.fill('#f-password', `wrong-password-${i}`);
      await submit(page, 'login-form', { js });
      await expectText(page.locator('#login-form-error'), /^(Identifiant, mot de passe ou code PIN incorrect\.|Trop de tentatives\. Réessayez dans \d+ minutes?\.)$/);
      const text = (await page.locator('#login-form-error').textContent()).trim();
      if (i < 5) assert.equal(text, BAD_CREDENTIALS_FR, `attempt ${i} is an ordinary failure`);
    }
    await page.fill('#f-identifier', identifier);
    await page.fill('#f-password', 'wrong-password-6');
    await submit(page, 'login-form', { js });
    await expectText(page.locator('#login-form-error'), /^Trop de tentatives\. Réessayez dans (1[0-5]|[1-9]) minutes?\.$/);
    assert.equal(await page.inputValue('#f-identifier'), identifier, 'the identifier is kept');
  });
});

describe('failed registration', () => {
  bothJs('an invalid phone keeps what was typed and points at the phone field', async (page, { js }) => {
    const name = 'Sɛku Ɲarɛ Kɔnatɛ';
    await open(page, '/register', { js });
    await page.fill('#f-displayName', name);
    await page.fill('#f-phone', '123');
    await page.selectOption('#f-communeId', { label: 'Kayes' });
    await page.fill('#f-password', 'Sugu-ba-ka-di-2026');
    await submit(page, 'register-form', { js });

    await expectText(page.locator('#f-phone-error'), 'Ce numéro de téléphone n’est pas valide. Exemple : 76 12 34 56.');
    await expectText(page.locator('#register-form-error'), 'Vérifiez les champs signalés ci-dessous.');
    assert.equal(new URL(page.url()).pathname, '/register');
    assert.equal(await page.inputValue('#f-displayName'), name, 'the name is kept');
    assert.equal(await page.inputValue('#f-phone'), '123', 'the phone is kept so it can be corrected');
    assert.equal(await page.getAttribute('#f-phone', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#f-phone', 'aria-describedby'), /\bf-phone-error\b/);
    assert.equal(await page.inputValue('#f-password'), '', 'the password is not sent back');
  });
});
