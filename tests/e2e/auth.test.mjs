// Registration, sign-out, sign-in, wrong password, rate limit and a failed registration, each with JS on and off.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { test } from 'node:test';
import { BASE, bothJs, DEMO_PASSWORD, expectPath, expectText, freshPhone, isLanding, newPage, open, openMenu, registerCitizen, signIn, submit, verifyWithCode, withBrowser, hydrated } from './helpers.mjs';

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

    // Signed in, on the page that takes the code sent by SMS (read here from data/outbox.jsonl).
    await expectPath(page, '/verify', '?welcome=1');
    await expectText(page.locator('#verify-status'), /^Votre compte est créé\. Bienvenue sur Baro !/);
    await verifyWithCode(page, phone, { js });
    await open(page, '/account', { js });
    await expectText(page.locator('h1'), 'Mon compte');
    await expectText(page.locator('header a[href="/account"]'), `Connecté·e : ${name}`);
    assert.equal(await page.inputValue('#f-displayName'), name, 'the Bambara name is stored as typed');
    assert.equal(await page.inputValue('#f-phone'), `+223${phone.replace(/\s/g, '')}`, 'the phone is stored in E.164');

    // Sign out from the header.
    await openMenu(page);
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
    await page.waitForURL((u) => isLanding(u, '', 'signedin'));
    await expectText(page.locator('h1'), 'Consultations');
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

/** A plain form's submit, with or without JavaScript: waits for the page it leads to. */
async function press(page, selector, pathname) {
  await Promise.all([page.waitForURL((u) => u.pathname === pathname), page.click(selector)]);
}

describe('sessions end on the server', () => {
  test('a session cookie copied before sign-out no longer signs anyone in after sign-out', async () => {
    const a = await newPage({ js: true });
    const b = await newPage({ js: true });
    try {
      await registerCitizen(a.page, 'Ɲɛlɛ Copie', { js: true });
      const cookies = await a.context.cookies();
      const session = cookies.find((c) => c.name === '__Host-baro.session');
      assert.ok(session, `the session cookie is named __Host-baro.session (got ${cookies.map((c) => c.name).join(', ')})`);
      assert.equal(session.secure, true);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.equal(session.path, '/');
      assert.ok(cookies.every((c) => c.secure), `every cookie is Secure: ${cookies.filter((c) => !c.secure).map((c) => c.name)}`);

      // Before sign-out, the copy works: that is what a thief would hold.
      await b.context.addCookies([session]);
      await b.page.goto(`${BASE}/account`);
      await expectPath(b.page, '/account');
      await b.context.clearCookies();

      await openMenu(a.page);
      await a.page.click('header button:has-text("Se déconnecter")');
      await expectPath(a.page, '/login', '?out=1');

      await b.context.addCookies([session]);
      await b.page.goto(`${BASE}/account`);
      await expectPath(b.page, '/login');
      assert.equal(await b.page.locator('header button:has-text("Se déconnecter")').count(), 0, 'nobody is signed in with the copy');
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  bothJs('the account page lists the open sessions; "End" and "End all others" sign those devices out', async (page, { js, context }) => {
    const password = 'Sugu-ba-ka-di-2026';
    const phone = await registerCitizen(page, `Sira Appareils ${js ? 'A' : 'B'}`, { js, password });
    const others = [await newPage({ js }), await newPage({ js })];
    try {
      for (const o of others) await signIn(o.page, phone, password, { js });
      await open(page, '/account', { js });
      const items = page.locator('#session-list > li');
      assert.equal(await items.count(), 3);
      await expectText(page.locator('#session-list > li[data-current="true"]'), /Cet appareil/);
      await expectText(items.first().locator('p').first(), /^Chrome · Linux/);

      // End one: that device is signed out, the others stay.
      await press(page, '#session-list > li:not([data-current]) button[type="submit"] >> nth=0', '/account');
      await expectText(page.locator('#sessions ~ [role="status"]'), 'La session est terminée : cet appareil-là est déconnecté.');
      assert.equal(await items.count(), 2);
      const signedOut = [];
      for (const o of others) {
        await o.page.goto(`${BASE}/account`);
        signedOut.push(new URL(o.page.url()).pathname === '/login');
      }
      assert.deepEqual(signedOut.sort(), [false, true]);

      // End all others: only this device remains.
      await press(page, '#end-others-form button[type="submit"]', '/account');
      await expectText(page.locator('#sessions ~ [role="status"]'), 'Toutes vos autres sessions sont terminées : seul cet appareil reste connecté.');
      assert.equal(await items.count(), 1);
      assert.equal(await page.locator('#end-others-form').count(), 0);
      for (const o of others) {
        await o.page.goto(`${BASE}/account`);
        await expectPath(o.page, '/login');
      }
      await page.goto(`${BASE}/account`);
      await expectPath(page, '/account');
      assert.ok(context);
    } finally {
      for (const o of others) await o.context.close();
    }
  });

  test('a forged X-Forwarded-For is not taken for the address: the session shows the real connection’s network', async () => {
    const { context, page } = await newPage({ js: false });
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.9' });
    try {
      await registerCitizen(page, 'Awa Réseau', { js: false });
      const network = (await page.locator('#session-list .session-network').first().textContent()).trim();
      assert.match(network, /réseau (127\.0\.0\.x|::1)$/);
      assert.doesNotMatch(network, /203\.0\.113/);
    } finally {
      await context.close();
    }
  });
});

describe('changing the phone number asks for the current password', () => {
  bothJs('without it, or with a wrong one, the change is refused and what was typed is kept', async (page, { js }) => {
    const password = 'Sugu-ba-ka-di-2026';
    await registerCitizen(page, `Kadi Numéro ${js ? 'A' : 'B'}`, { js, password });
    const next = freshPhone();
    await open(page, '/account', { js });
    await page.fill('#f-phone', next);
    await submit(page, 'profile-form', { js });
    await expectText(page.locator('#f-currentSecret-error'), 'Pour changer de téléphone ou d’e-mail, tapez votre mot de passe (ou code PIN) actuel.');
    assert.equal(await page.inputValue('#f-phone'), next, 'the new number is kept');

    await page.fill('#f-currentSecret', 'pas-le-bon-mot-de-passe');
    await submit(page, 'profile-form', { js });
    await expectText(page.locator('#f-currentSecret-error'), 'Ce n’est pas votre mot de passe (ou code PIN) actuel.');
    assert.equal(await page.inputValue('#f-phone'), next);
    assert.equal(await page.inputValue('#f-currentSecret'), '', 'the password is never sent back');

    await page.fill('#f-currentSecret', password);
    await page.click('#profile-form button[type="submit"]');
    // The account was verified by the old number: the new one must be proven too (issue 12 §2).
    await expectPath(page, '/verify', '?changed=1');
    await expectText(page.locator('#verify-banner'), /^Votre compte n’est pas encore vérifié/);
    if (js) await hydrated(page);
    await page.click('#send-code-form button[type="submit"]');
    await expectText(page.locator('#send-code-form [role="status"]'), /^Un nouveau code vient d’être envoyé à \+223/);
    await verifyWithCode(page, next, { js });
    await open(page, '/account', { js });
    assert.equal(await page.inputValue('#f-phone'), `+223${next.replace(/\s/g, '')}`);
  });
});

describe('a participant chooses their own PIN at first sign-in', () => {
  bothJs('after signing in with the slip’s PIN, the page offers a PIN of their own; trivial ones are refused', async (page, { js }) => {
    // Fanta registers her, without "let the person keep this PIN".
    await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
    await open(page, '/facilitator/register', { js });
    await page.fill('#f-displayName', `Assa Code ${js ? 'A' : 'B'} ${Date.now().toString(36)}`);
    await page.check('#f-consent');
    await submit(page, 'register-participant', { js });
    const code = (await page.locator('#slip-code').textContent()).trim();
    const pin = (await page.locator('#slip-pin').textContent()).trim();
    await openMenu(page);
    await page.click('header button:has-text("Se déconnecter")');
    await expectPath(page, '/login', '?out=1');

    await open(page, '/login', { js });
    await page.fill('#f-identifier', code);
    await page.fill('#f-password', pin);
    await page.click('#login-form button[type="submit"]');
    await expectPath(page, '/account/pin');
    await expectText(page.locator('h1'), 'Choisir mon code PIN');
    if (js) await open(page, '/account/pin', { js });

    await page.fill('#f-currentPin', pin);
    await page.fill('#f-newPin', '123456');
    await page.fill('#f-confirmPin', '123456');
    await submit(page, 'pin-form', { js });
    await expectText(page.locator('#f-newPin-error'), /^Ce code PIN est trop facile à deviner/);
    assert.equal(await page.inputValue('#f-newPin'), '', 'PINs are never sent back');

    const mine = pin === '730519' ? '730529' : '730519';
    await page.fill('#f-currentPin', pin);
    await page.fill('#f-newPin', mine);
    await page.fill('#f-confirmPin', mine);
    await Promise.all([page.waitForURL((u) => u.pathname === '/account'), page.click('#pin-form button[type="submit"]')]);
    await expectText(page.locator('main [role="status"]').first(), 'Votre nouveau code PIN est enregistré. Vos autres sessions sont terminées.');

    // The new PIN works and the page is not offered again; the slip's PIN no longer works.
    await openMenu(page);
    await page.click('header button:has-text("Se déconnecter")');
    await expectPath(page, '/login', '?out=1');
    await open(page, '/login', { js });
    await page.fill('#f-identifier', code);
    await page.fill('#f-password', pin);
    await submit(page, 'login-form', { js });
    await expectText(page.locator('#login-form-error'), BAD_CREDENTIALS_FR);
    await page.fill('#f-identifier', code);
    await page.fill('#f-password', mine);
    await page.click('#login-form button[type="submit"]');
    await page.waitForURL((u) => isLanding(u, '', 'signedin'));
  });
});
