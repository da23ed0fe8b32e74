// Light on 2G (issue 17 §1, §2, §6, §7), in Chromium at 360 × 740: data-saver mode (Save-Data or the
// header's toggle) sends pages without framework JavaScript, at most 30 KB on a first visit, and a vote
// still works; pages and files come in Brotli; a missing or forbidden page answers 404/403 with a page
// rendered on the server; a refused form lands on its error summary; the header leaves the screen to
// the content.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { BASE, DEMO_PASSWORD, VIEWPORT, expectText, isLanding, newPage, open, openMenu, registerCitizen, signIn, withBrowser } from './helpers.mjs';

withBrowser();

/** Bytes received per request of a page (CDP: encoded body and headers), for a cold first visit. */
async function recorder(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  const entry = (id) => requests.get(id) ?? requests.set(id, { url: '', type: '', bytes: 0, headers: {} }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => Object.assign(entry(e.requestId), { url: e.request.url, type: e.type ?? '' }));
  cdp.on('Network.responseReceived', (e) =>
    Object.assign(entry(e.requestId), { type: e.type, status: e.response.status, headers: Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v])) }),
  );
  cdp.on('Network.loadingFinished', (e) => (entry(e.requestId).bytes = e.encodedDataLength));
  return () => [...requests.values()].filter((r) => r.url.startsWith('http'));
}

const total = (rs) => rs.reduce((s, r) => s + r.bytes, 0);

/** The mayor of Nioro publishes and opens a topic (JavaScript off); returns its path. */
async function openTopic(title) {
  const { context, page } = await newPage({ js: false });
  try {
    await signIn(page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js: false });
    await open(page, '/topics/new', { js: false });
    await page.fill('#f-title', title);
    await page.fill('#f-summary', 'Des lampadaires solaires pour que les vendeuses puissent rester après la tombée de la nuit.');
    await page.fill('#f-body', 'Dix lampadaires solaires autour du grand marché, entretenus par la mairie.');
    await page.selectOption('#f-sector', 'markets');
    const at = (ms) => new Date(Date.now() + ms).toISOString().slice(0, 16);
    await page.fill('#f-opensAt', at(-3_600_000));
    await page.fill('#f-closesAt', at(7 * 86_400_000));
    await Promise.all([page.waitForURL(/\/topics\/\d+\/edit\?saved=1$/), page.click('#topic-form button[type="submit"]')]);
    const id = new URL(page.url()).pathname.split('/')[2];
    await page.selectOption('#f-phase', 'open');
    await Promise.all([page.waitForURL((u) => u.pathname === `/topics/${id}`), page.click('#phase-form button[type="submit"]')]);
    return `/topics/${id}`;
  } finally {
    await context.close();
  }
}

/** A fresh context at 360 × 740 that sends Save-Data: on (Chrome's Lite mode). */
async function saverPage({ js }) {
  const { context, page } = await newPage({ js });
  await context.setExtraHTTPHeaders({ 'Save-Data': 'on' });
  return { context, page };
}

describe('data-saver mode', () => {
  test('with Save-Data: on, a topic page costs at most 30 KB on a first visit, in Brotli, without a script', async () => {
    const { context, page } = await saverPage({ js: true });
    try {
      const list = await recorder(context, page);
      const res = await page.goto(`${BASE}/topics/1`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      assert.equal(res.status(), 200);
      const requests = list();
      const doc = requests.find((r) => r.type === 'Document');
      assert.equal(doc.headers['content-encoding'], 'br', 'the page comes in Brotli');
      assert.match(doc.headers.vary ?? '', /Save-Data/i, 'caches keep the two versions apart (Vary: Save-Data)');
      assert.match(doc.headers.vary ?? '', /Cookie/i, 'and the toggle’s cookie (Vary: Cookie)');
      assert.deepEqual(requests.filter((r) => r.type === 'Script').map((r) => r.url), [], 'no script is loaded');
      const html = await res.text();
      assert.ok(!/<script\b/i.test(html), 'no <script> in the HTML (Next’s chunks, the RSC payload)');
      assert.ok(!/rel="preload"[^>]*as="script"/.test(html), 'no script preloaded');
      assert.equal(await page.locator('html').getAttribute('data-saver'), 'on');
      const bytes = total(requests);
      assert.ok(bytes <= 30_000, `first visit ${bytes} bytes on the wire (HTML, CSS, icons, headers): at most 30 KB — ${requests.map((r) => `${new URL(r.url).pathname} ${r.bytes}`).join(', ')}`);
      // The page is the same page: the topic, the tally, the comments.
      await expectText(page.locator('h1'), "Un forage d'eau potable pour le quartier Tata");
      assert.ok((await page.locator('#comments, section#comments').count()) > 0, 'the comments are there');
      // The toggle says the mode is on, and offers to leave it.
      assert.ok(await page.locator('#data-saver-form button[value="off"]').isVisible());
      assert.ok(!(await page.locator('#data-saver-form button[value="on"]').isVisible()));
    } finally {
      await context.close();
    }
  });

  test('a citizen turns it on with the toggle (JavaScript on in her browser), votes, and turns it off', async () => {
    // A topic of its own, so that other test files find the demo's tallies as they are.
    const topicPath = await openTopic(`Éclairage solaire du marché ${Date.now().toString(36)}`);
    const { context, page } = await newPage({ js: true });
    try {
      await registerCitizen(page, `Kadidia Légère ${Date.now().toString(36)}`, { js: true });
      await open(page, topicPath, { js: true });
      assert.equal(await page.locator('html').getAttribute('data-saver'), null, 'off by default');
      await Promise.all([page.waitForURL((u) => u.pathname === topicPath), page.click('#data-saver-form button[value="on"]')]);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('html').getAttribute('data-saver'), 'on', 'remembered in a cookie, on every page');
      assert.equal(await page.evaluate(() => typeof window.__next_f), 'undefined', 'no framework JavaScript ran');
      assert.equal(await page.locator('script').count(), 0);

      // The vote form posts as it does without JavaScript.
      await page.check('#vote-form input[name="choice"][value="for"]');
      await Promise.all([page.waitForURL(/voted=1/), page.click('#vote-form button[type="submit"]')]);
      await expectText(page.locator('main [role="status"]'), 'Votre vote est enregistré.');
      await expectText(page.locator('#vote-section p:has-text("Vous avez voté")'), 'Vous avez voté : Pour');
      assert.equal(await page.locator('script').count(), 0, 'the page after the vote is light too');

      // Other pages too, and back to the full pages.
      await open(page, '/projects', { js: false });
      assert.equal(await page.locator('html').getAttribute('data-saver'), 'on');
      await Promise.all([page.waitForURL((u) => u.pathname === '/projects'), page.click('#data-saver-form button[value="off"]')]);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('html').getAttribute('data-saver'), null);
      assert.ok((await page.locator('script').count()) > 0, 'the framework is back');
    } finally {
      await context.close();
    }
  });

  test('the toggle works without JavaScript, and Save-Data can be overridden', async () => {
    const { context, page } = await saverPage({ js: false });
    try {
      await open(page, '/', { js: false });
      assert.equal(await page.locator('html').getAttribute('data-saver'), 'on', 'Save-Data: on turns it on');
      await Promise.all([page.waitForEvent('load'), page.click('#data-saver-form button[value="off"]')]);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.locator('html').getAttribute('data-saver'), null, 'the person’s choice wins over the header');
    } finally {
      await context.close();
    }
  });
});

describe('Brotli from npm start', () => {
  test('a first visit to a topic page (full mode) is at most 150 KB, every text file compressed', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      const list = await recorder(context, page);
      await page.goto(`${BASE}/topics/1`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      const requests = list();
      const bytes = total(requests);
      assert.ok(bytes <= 150_000, `first visit ${bytes} bytes (at most 150 KB)`);
      for (const r of requests.filter((x) => ['Document', 'Script', 'Stylesheet'].includes(x.type))) {
        assert.equal(r.headers['content-encoding'], 'br', `${new URL(r.url).pathname} in Brotli`);
        assert.match(r.headers.vary ?? '', /Accept-Encoding/i, `${new URL(r.url).pathname} varies by Accept-Encoding`);
      }
    } finally {
      await context.close();
    }
  });

  test('gzip for clients without Brotli, none for those without either, ranges uncompressed', async () => {
    const html = await fetch(`${BASE}/topics/1`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(html.headers.get('content-encoding'), 'gzip');
    assert.ok((await html.text()).includes('</html>'), 'decodes to the whole page');
    const plain = await fetch(`${BASE}/topics/1`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    const page = await plain.text();
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(page)?.[1];
    assert.ok(css, 'the page names its stylesheet');
    const br = await fetch(BASE + css, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('cache-control') ?? '', /immutable/, 'the build’s files keep their year-long cache');
    const ranged = await fetch(BASE + css, { headers: { 'accept-encoding': 'br', range: 'bytes=0-99' } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers.get('content-encoding'), null, 'a range is served from the file as it is');
    assert.equal((await ranged.arrayBuffer()).byteLength, 100);
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to a conditional request.
    const again = await new Promise((resolve, reject) =>
      http.get(BASE + css, { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag') } }, (r) => (r.resume(), resolve(r.statusCode))).on('error', reject),
    );
    assert.equal(again, 304, 'a cached copy is confirmed, not sent again');
  });
});

describe('no page leaves a person lost (without JavaScript)', () => {
  test('a missing topic, project or meeting answers 404 with a page rendered on the server, in the page’s language', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      for (const [path, heading, back] of [
        ['/topics/987654', 'Page introuvable', '/topics'],
        ['/projects/987654', 'Page introuvable', '/projects'],
        ['/meetings/987654', 'Page introuvable', '/meetings'],
        ['/en/topics/987654', 'Page not found', '/en/topics'],
      ]) {
        const res = await page.goto(BASE + path);
        assert.equal(res.status(), 404, path);
        const html = await res.text();
        assert.ok(!/id="__next_error__"/.test(html) && html.includes(`>${heading}</h1>`), `${path}: the page is in the HTML itself`);
        await expectText(page.locator('h1'), heading);
        assert.equal(await page.locator(`main a[href="${back}"]`).count(), 1, `${path}: a way back to ${back}`);
        assert.equal(await page.locator('html').getAttribute('lang'), path.startsWith('/en/') ? 'en' : 'fr');
        assert.equal(new URL(page.url()).pathname, path, 'the address stays as typed');
      }
    } finally {
      await context.close();
    }
  });

  test('a page that is not for the person answers 403, says why and what to do', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      const anonymous = await page.goto(`${BASE}/stats?topic=1`);
      assert.equal(anonymous.status(), 403);
      await expectText(page.locator('h1'), 'Accès refusé');
      assert.equal(await page.locator('main a[href="/login"]').count(), 1, 'signed out: a link to sign in');

      await signIn(page, '76000001', DEMO_PASSWORD, { js: false });
      const res = await page.goto(`${BASE}/moderation`);
      assert.equal(res.status(), 403);
      const html = await res.text();
      assert.ok(html.includes('>Accès refusé</h1>'), 'rendered on the server');
      await expectText(page.locator('#forbidden p').nth(1), /^Votre compte n’a pas le rôle qu’il faut pour cette page/);
      await expectText(page.locator('header a[href="/account"]'), 'Connecté·e : Awa Traoré');
    } finally {
      await context.close();
    }
  });

  test('a refused comment lands on the error summary, on the first screen, with the text kept', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      await signIn(page, '76000002', DEMO_PASSWORD, { js: false });
      await open(page, '/topics/1', { js: false });
      const text = `Un avis sans position ${Date.now().toString(36)}`;
      await page.fill('#comment-form-body', text);
      await Promise.all([page.waitForEvent('load'), page.click('#comment-form button[type="submit"]')]);
      const summary = page.locator('#comment-form-summary');
      assert.equal(await summary.getAttribute('tabindex'), '-1');
      // `autofocus` in the HTML: the browser focuses the summary and scrolls to it, without a script.
      await page.waitForFunction(() => document.activeElement?.id === 'comment-form-summary', undefined, { timeout: 5000 });
      await expectText(summary.locator('[role="alert"]'), 'Vérifiez les champs signalés ci-dessous.');
      assert.ok((await summary.locator('a[href="#comment-form-stance"]').count()) === 1, 'the summary links to the field to fix');
      const box = await summary.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= VIEWPORT.height, `the summary is on the first screen (at ${JSON.stringify(box)})`);
      assert.equal(await page.inputValue('#comment-form-body'), text, 'what she typed is kept');
    } finally {
      await context.close();
    }
  });
});

describe('a 360 × 740 screen', () => {
  test('the header takes at most a quarter of the screen; its menu opens without JavaScript', async () => {
    for (const who of [null, '76000001']) {
      const { context, page } = await newPage({ js: false });
      try {
        if (who) await signIn(page, who, DEMO_PASSWORD, { js: false });
        await open(page, '/topics/1', { js: false });
        const top = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
        assert.ok(top <= VIEWPORT.height / 4, `${who ? 'signed in' : 'anonymous'}: the content starts at ${top} px (at most ${VIEWPORT.height / 4})`);
        assert.ok(await page.locator('form[role="search"] input[name="q"]').isVisible(), 'search is in sight');
        assert.ok(!(await page.locator('#site-menu nav[aria-label="Navigation principale"]').isVisible()), 'the menu starts closed');
        await openMenu(page);
        assert.ok(await page.locator('#site-menu nav[aria-label="Navigation principale"]').isVisible(), 'and opens without JavaScript');
        const icons = await page.locator('header nav[aria-label="Tâches principales"] a').evaluateAll((as) => as.map((a) => ({ svg: !!a.querySelector('svg'), text: a.textContent.trim() })));
        assert.ok(icons.length >= 3 && icons.every((i) => i.svg && i.text), 'the main tasks are icons with labels');
      } finally {
        await context.close();
      }
    }
  });

  test('chart labels are at least 12 px, the officials’ split stacks with every column in sight', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      await open(page, '/stats', { js: false });
      const sizes = await page.locator('figure svg[role="img"]').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
        }),
      );
      assert.ok(sizes.length > 0, 'the charts have labels');
      assert.ok(Math.min(...sizes) >= 12, `the smallest chart label is ${Math.min(...sizes).toFixed(1)} px`);

      await signIn(page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js: false });
      await open(page, '/topics/1', { js: false });
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      for (const id of ['votes-by-gender', 'votes-by-age']) {
        const table = page.locator(`#${id}`);
        // Fewer than 5 voters in a group: the split is withheld, said in a sentence (no table to check).
        if ((await table.count()) === 0) {
          assert.equal(await page.locator(`#${id}-withheld`).count(), 1, `${id}: a table or the sentence that says why not`);
          continue;
        }
        const cells = await table.locator('tbody td').evaluateAll((tds) => tds.map((td) => ({ right: td.getBoundingClientRect().right, label: getComputedStyle(td, '::before').content })));
        assert.ok(cells.every((c) => c.right <= width + 1), `${id}: every figure is in sight`);
        assert.ok(cells.some((c) => c.label.includes('Total')), `${id}: the Total column is there, named`);
      }
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `the page does not scroll sideways (${scroll} > ${width})`);
    } finally {
      await context.close();
    }
  });
});

describe('after sign-in', () => {
  test('a person lands on the open consultations of her commune', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      await open(page, '/login', { js: false });
      await page.fill('#f-identifier', '76000001');
      await page.fill('#f-password', DEMO_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.click('#login-form button[type="submit"]')]);
      assert.ok(isLanding(new URL(page.url())), `landed on ${page.url()}`);
      await expectText(page.locator('#welcome'), /^Vous êtes connecté·e\. Voici les consultations ouvertes de votre commune/);
      await expectText(page.locator('main select[name="commune"] option:checked'), 'Nioro du Sahel');
    } finally {
      await context.close();
    }
  });
});
