// Light and offline on 2G (issue 17), in Chromium at 360 px: the web app manifest; a topic read once and read
// again offline; a comment written offline, kept "waiting to be sent" and sent once when the connection comes
// back; the outbox emptied at sign-out and never sent for the next person; the same form posted twice at once
// leaving one row. "Offline" is Chromium's own network emulation (context.setOffline), which the service
// worker's requests obey as well; the database is read directly (BARO_E2E_DB) to count rows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { BASE, expectText, hydrated, newPage, open, openMenu, registerCitizen, withBrowser } from './helpers.mjs';

withBrowser();

const DB = process.env.BARO_E2E_DB;

function query(sql, ...args) {
  const db = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args);
  } finally {
    db.close();
  }
}

/** Open topics (visible, open now), most recent first. */
function openTopics() {
  return query(
    `SELECT id, title FROM topics WHERE phase = 'open' AND opens_at <= strftime('%Y-%m-%dT%H:%M:%fZ','now') AND closes_at > strftime('%Y-%m-%dT%H:%M:%fZ','now') ORDER BY id DESC`,
  );
}
const commentsWith = (body) => query('SELECT id, author_id AS authorId FROM comments WHERE body = ?', body);

/** Polls `fn` in the page (it may be async) until it returns a truthy value. */
async function until(page, fn, arg, { timeout = 30_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the service worker controls the page and has kept `path` for reading offline. */
async function waitUntilKept(page, path) {
  await until(
    page,
    async (p) => {
      if (!navigator.serviceWorker.controller) return false;
      const cache = await caches.open('baro-pages');
      return (await cache.keys()).some((r) => new URL(r.url).pathname === p);
    },
    path,
    { what: `${path} kept by the service worker` },
  );
}

/** Opens a page rendered for this visitor (the home page), which registers the worker, and waits until it controls pages. */
async function installWorker(page) {
  await open(page, '/', { js: true });
  await until(page, () => !!navigator.serviceWorker.controller, undefined, { what: 'the service worker to control the page' });
}

async function outboxItems(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('baro-outbox');
        req.onupgradeneeded = () => {
          // Not there: nothing kept (opening created it empty; remove it again).
          req.transaction.abort();
          resolve([]);
        };
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('items')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
  );
}

describe('installable', () => {
  test('every page links a manifest in its language: name, icons (192, 512, maskable), colour, start URL, standalone', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      for (const [path, locale, start] of [
        ['/', 'fr', '/'],
        ['/en/topics', 'en', '/en'],
      ]) {
        await open(page, path, { js: false });
        const href = await page.locator('link[rel="manifest"]').getAttribute('href');
        assert.equal(href, `/${locale}/manifest.webmanifest`);
        const res = await fetch(BASE + href);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /application\/manifest\+json/);
        const m = await res.json();
        assert.equal(m.short_name, 'Baro');
        assert.ok(m.name.startsWith('Baro'));
        assert.equal(m.lang, locale);
        assert.equal(m.start_url, start);
        assert.equal(m.display, 'standalone');
        assert.equal(m.theme_color, '#115e59');
        assert.equal(m.id, '/');
        for (const [size, purpose] of [
          [192, 'any'],
          [512, 'any'],
          [512, 'maskable'],
        ]) {
          const icon = m.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
          assert.ok(icon, `a ${size} px ${purpose} icon`);
          const png = Buffer.from(await (await fetch(BASE + icon.src)).arrayBuffer());
          assert.equal(png.subarray(1, 4).toString(), 'PNG');
          assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon.src} is ${size}×${size}`);
        }
      }
      assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#115e59');
    } finally {
      await context.close();
    }
  });
});

describe('reading offline', () => {
  test('a topic read once is read again offline; a page never read shows the offline page, which lists what was kept', async () => {
    const [topic, other] = openTopics();
    assert.ok(topic && other, 'the demo data has two open topics');
    const { context, page } = await newPage({ js: true });
    try {
      // The home page installs the worker (a topic page served to anonymous readers from Next's cache
      // registers none: it cannot tell a shared computer); then a topic is read.
      await installWorker(page);
      await open(page, `/topics/${topic.id}`, { js: true });
      await waitUntilKept(page, `/topics/${topic.id}`);
      const sw = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
      assert.equal(sw, `${BASE}/sw.js`);

      await context.setOffline(true);
      const again = await page.goto(`${BASE}/topics/${topic.id}`);
      assert.equal(again.status(), 200);
      await expectText(page.locator('h1'), topic.title);

      // Never read: the offline page of its language, listing the topic kept.
      await page.goto(`${BASE}/topics/${other.id}`);
      await expectText(page.locator('h1'), 'Pas de connexion');
      const kept = page.locator('#offline-list a');
      await expectText(kept, topic.title);
      assert.equal(await kept.first().getAttribute('href'), `/topics/${topic.id}`);
      await page.goto(`${BASE}/en/projects`);
      await expectText(page.locator('h1'), 'No connection');

      // From the offline page, the kept topic opens.
      await page.goto(`${BASE}/offline`);
      await Promise.all([page.waitForURL(`${BASE}/topics/${topic.id}`), page.locator('#offline-list a').first().click()]);
      await expectText(page.locator('h1'), topic.title);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });

  test('personal pages are never kept, and nothing read is left after sign-out', async () => {
    const [topic] = openTopics();
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, 'Fanta Keita', { js: true });
      await hydrated(page);
      await open(page, `/topics/${topic.id}`, { js: true });
      await waitUntilKept(page, `/topics/${topic.id}`);
      await open(page, '/account', { js: true });
      await open(page, '/notifications', { js: true });
      const keys = await page.evaluate(async () => (await (await caches.open('baro-pages')).keys()).map((r) => new URL(r.url).pathname));
      assert.deepEqual(keys, [`/topics/${topic.id}`], 'only the topic is kept, not the account nor the notifications');

      await openMenu(page); // the sign-out button is in the header's menu (issue 17 §7)
      await Promise.all([page.waitForURL((u) => u.pathname === '/login' && u.search === '?out=1'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
      await until(page, async () => !(await caches.has('baro-pages')) || (await (await caches.open('baro-pages')).keys()).length === 0, undefined, {
        what: 'the pages kept to be dropped',
      });
    } finally {
      await context.close();
    }
  });
});

describe('the outbox', () => {
  test('a comment written offline waits on the page, and is sent once when the connection comes back', async () => {
    const [topic] = openTopics();
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, 'Kadiatou Sissoko', { js: true });
      const userId = query('SELECT id FROM users WHERE display_name = ? ORDER BY id DESC LIMIT 1', 'Kadiatou Sissoko')[0].id;
      await open(page, `/topics/${topic.id}`, { js: true });
      await waitUntilKept(page, `/topics/${topic.id}`);

      await context.setOffline(true);
      const body = `Écrit hors connexion ${Date.now().toString(36)} : il faut un forage près du marché.`;
      await page.check('#comment-form input[name="stance"][value="for"]');
      await page.fill('#comment-form textarea[name="body"]', body);
      await page.click('#comment-form button[type="submit"]');

      const waiting = page.locator('#outbox-comment li');
      await expectText(waiting.locator('p').first(), /Commentaire · en attente d’envoi/);
      await expectText(waiting, new RegExp(body.slice(0, 30)));
      assert.equal(await page.inputValue('#comment-form textarea[name="body"]'), '', 'the form is ready for another text');
      const items = await outboxItems(page);
      assert.equal(items.length, 1);
      assert.equal(items[0].userId, userId, 'the item is tagged with the person');
      assert.match(items[0].key, /^[A-Za-z0-9_-]{22}$/);
      // Still offline, and after a reload from the kept copy: it waits, nothing reached the server.
      await page.reload();
      await hydrated(page);
      await expectText(page.locator('#outbox-comment li p').first(), /en attente d’envoi/);
      assert.equal(commentsWith(body).length, 0);

      // Back online: sent, shown on the page, once.
      await context.setOffline(false);
      await expectText(page.locator('#comments'), new RegExp(body.slice(0, 30)), 30_000);
      await page.locator('#outbox-comment').waitFor({ state: 'detached', timeout: 15_000 });
      assert.deepEqual(await outboxItems(page), []);
      const rows = commentsWith(body);
      assert.equal(rows.length, 1, 'one comment');
      assert.equal(rows[0].authorId, userId);

      // Sending the same item again (another tab, a retry) writes nothing more: same key, same answer.
      const again = await page.evaluate(
        async ({ key, userId, fields }) =>
          (await fetch('/api/outbox', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key, userId, kind: 'comment', fields }) })).status,
        { key: items[0].key, userId, fields: items[0].fields },
      );
      assert.equal(again, 200);
      assert.equal(commentsWith(body).length, 1);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });

  test('a refusal is told and the text kept; at sign-out the outbox is emptied and never sent for the next person', async () => {
    const [topic] = openTopics();
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, 'Oumou Dembélé', { js: true });
      await open(page, `/topics/${topic.id}`, { js: true });
      await waitUntilKept(page, `/topics/${topic.id}`);

      // Refused when sent (too short): told on the page, the text kept and taken back into the form.
      await context.setOffline(true);
      await page.check('#comment-form input[name="stance"][value="question"]');
      await page.fill('#comment-form textarea[name="body"]', 'x');
      await page.click('#comment-form button[type="submit"]');
      await expectText(page.locator('#outbox-comment li p').first(), /en attente d’envoi/);
      await context.setOffline(false);
      const refused = page.locator('#outbox-comment li[data-state="refused"]');
      await expectText(refused.locator('p').first(), /Commentaire · non envoyé/, 30_000);
      await expectText(refused.locator('p').nth(1), /court/);
      await refused.locator('button', { hasText: 'Reprendre le texte' }).click();
      assert.equal(await page.inputValue('#comment-form textarea[name="body"]'), 'x');

      // Written offline, then the person signs out before it could be sent (the outbox cannot reach the server).
      await page.route('**/api/outbox', (route) => route.abort('internetdisconnected'));
      await context.setOffline(true);
      const body = `Jamais envoyé ${Date.now().toString(36)} : texte de la personne partie.`;
      await page.fill('#comment-form textarea[name="body"]', body);
      await page.click('#comment-form button[type="submit"]');
      await expectText(page.locator('#outbox-comment li p').first(), /en attente d’envoi/);
      await context.setOffline(false);
      assert.equal((await outboxItems(page)).length, 1);

      await openMenu(page); // the sign-out button is in the header's menu (issue 17 §7)
      await Promise.all([page.waitForURL((u) => u.pathname === '/login' && u.search === '?out=1'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
      await hydrated(page);
      await until(page, async () => (await new Promise((resolve) => {
        const req = indexedDB.open('baro-outbox');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('items')) {
            db.close();
            resolve(0);
            return;
          }
          const c = db.transaction('items').objectStore('items').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
        req.onerror = () => resolve(-1);
      })) === 0, undefined, { what: 'the outbox to be emptied', timeout: 15_000 });

      // The next person signs in on the same browser: nothing of the first is sent for her.
      await page.unroute('**/api/outbox');
      await registerCitizen(page, 'Mariam Konaté', { js: true });
      await open(page, `/topics/${topic.id}`, { js: true });
      await page.waitForTimeout(2000);
      assert.equal(commentsWith(body).length, 0, 'the text of the person who left was never posted');
      assert.deepEqual(await outboxItems(page), []);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });
});

describe('one post, one row', () => {
  test('without JavaScript, the same comment form posted twice at once (a double tap) leaves one comment', async () => {
    const [topic] = openTopics();
    const { context, page } = await newPage({ js: false });
    try {
      await registerCitizen(page, 'Assétou Coulibaly', { js: false });
      await open(page, `/topics/${topic.id}`, { js: false });
      const body = `Deux fois le même envoi ${Date.now().toString(36)} : une seule ligne.`;
      await page.check('#comment-form input[name="stance"][value="against"]');
      await page.fill('#comment-form textarea[name="body"]', body);
      const key = await page.inputValue('#comment-form input[name="idempotencyKey"]');
      assert.match(key, /^[A-Za-z0-9_-]{22}$/);
      // Exactly what the browser would send for this form, twice, at the same time, with its cookies.
      const form = page.locator('#comment-form');
      const entries = await Promise.all(
        (await form.locator('input, textarea').all()).map(async (el) => ({
          name: await el.getAttribute('name'),
          type: await el.getAttribute('type'),
          value: (await el.getAttribute('type')) === 'radio' ? ((await el.isChecked()) ? await el.getAttribute('value') : null) : await el.inputValue(),
        })),
      );
      const multipart = Object.fromEntries(entries.filter((e) => e.name && e.value !== null).map((e) => [e.name, e.value]));
      const post = () => page.request.post(`${BASE}/topics/${topic.id}`, { multipart, maxRedirects: 0, headers: { Origin: BASE } });
      const [a, b] = await Promise.all([post(), post()]);
      assert.deepEqual([a.status(), b.status()], [303, 303]);
      assert.equal(a.headers().location, b.headers().location, 'both answered with the same page');
      assert.equal(commentsWith(body).length, 1);
      // And once more later (Back, then the browser sends the page's form again): still one.
      const c = await post();
      assert.equal(c.headers().location, a.headers().location);
      assert.equal(commentsWith(body).length, 1);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript, a double click on "Publish" leaves one comment', async () => {
    const [topic] = openTopics();
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, 'Salimata Traoré', { js: true });
      await open(page, `/topics/${topic.id}`, { js: true });
      const body = `Double clic ${Date.now().toString(36)} : une seule ligne attendue.`;
      await page.check('#comment-form input[name="stance"][value="for"]');
      await page.fill('#comment-form textarea[name="body"]', body);
      await page.dblclick('#comment-form button[type="submit"]');
      await expectText(page.locator('#comments'), new RegExp(body.slice(0, 20)), 20_000);
      await page.waitForTimeout(1500);
      assert.equal(commentsWith(body).length, 1);
    } finally {
      await context.close();
    }
  });
});
