// The consultation flow as people live it, on a phone-sized screen, with JavaScript on and off:
// an official publishes and opens a topic; a citizen votes and comments; another replies; the
// official decides; the first citizen sees the decision and is notified. Then search, feed, exports.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BASE, DEMO_PASSWORD, bothJs, expectPath, expectText, newPage, open, signIn, submit, withBrowser } from './helpers.mjs';

withBrowser();

const isoLocal = (offsetMs) => new Date(Date.now() + offsetMs).toISOString().slice(0, 16);

async function as(identifier, js, fn) {
  const { context, page } = await newPage({ js });
  try {
    await signIn(page, identifier, DEMO_PASSWORD, { js });
    return await fn(page);
  } finally {
    await context.close();
  }
}

describe('a consultation from publication to decision', () => {
  bothJs('official publishes, citizens vote, comment and reply, official decides, citizen is notified', async (_page, { js }) => {
    const marker = `Puits${Date.now().toString(36)}${js ? 'a' : 'b'}`;
    const title = `Réhabiliter le puits du marché ${marker}`;

    // 1. The mayor of Nioro drafts the topic, then opens it.
    const topicPath = await as('maire.nioro@baro.ml', js, async (page) => {
      await open(page, '/topics/new', { js });
      await expectText(page.locator('h1'), 'Publier un sujet');
      await page.fill('#f-title', title);
      await page.fill('#f-summary', "Le puits du marché est ensablé. Faut-il le réhabiliter avant l'hivernage ?");
      await page.fill('#f-body', "Le puits du **marché** ne donne plus d'eau depuis mars.\n\n- coût : 2 500 000 FCFA\n- durée : 3 semaines");
      await page.selectOption('#f-sector', 'water');
      await page.fill('#f-location', 'Grand marché, Nioro du Sahel');
      await page.fill('#f-opensAt', isoLocal(-3_600_000));
      await page.fill('#f-closesAt', isoLocal(7 * 86_400_000));
      await page.click('#topic-form button[type="submit"]');
      await page.waitForURL(/\/topics\/\d+\/edit\?saved=1$/);
      const id = new URL(page.url()).pathname.split('/')[2];

      await page.selectOption('#f-phase', 'open');
      await page.click('#phase-form button[type="submit"]');
      await expectPath(page, `/topics/${id}`);
      await expectText(page.locator('h1'), title);
      await expectText(page.locator('main header span').first(), 'Consultation ouverte');
      return `/topics/${id}`;
    });

    // An anonymous reader gets the page from Next's cache; warm it now, so the checks below prove
    // that every write refreshes it.
    const anonymous = async () => {
      const res = await fetch(BASE + topicPath);
      return { html: await res.text(), cache: res.headers.get('x-nextjs-cache') };
    };
    await anonymous();
    assert.equal((await anonymous()).cache, 'HIT', 'the second anonymous read is served from the cache');

    // Texts differ per run: the same person posting the same text twice is rejected as spam.
    const awaText = `Oui il faut le faire vite, les femmes vont au fleuve pour laver (${js ? 'matin' : 'soir'} ${marker})`;
    const replyText = `Qui va gérer le puits après les travaux ? ${marker}`;

    // 2. Awa votes "for" and comments.
    const commentId = await as('76 00 00 01', js, async (page) => {
      await open(page, topicPath, { js });
      await page.check('#vote-form input[name="choice"][value="for"]');
      await page.click('#vote-form button[type="submit"]');
      await expectPath(page, topicPath);
      await expectText(page.locator('main [role="status"]'), 'Votre vote est enregistré.');
      await expectText(page.locator('#vote-section p:has-text("Vous avez voté")'), 'Vous avez voté : Pour');

      // A comment without a stance is refused, and the text is kept.
      await page.fill('#comment-form-body', awaText);
      await submit(page, 'comment-form', { js });
      await expectText(page.locator('#comment-form-error'), 'Vérifiez les champs signalés ci-dessous.');
      assert.equal(await page.inputValue('#comment-form-body'), awaText);

      await page.check('#comment-form input[name="stance"][value="for"]');
      await page.click('#comment-form button[type="submit"]');
      await page.waitForURL(/posted=1/);
      const id = new URL(page.url()).hash.replace('#comment-', '');
      await expectText(page.locator(`#comment-${id} p.whitespace-pre-line`), awaText);
      return id;
    });

    // 3. Moussa replies to Awa.
    await as('76000002', js, async (page) => {
      await open(page, topicPath, { js });
      // The reply form opens on request (?reply=ID): one form on the page, not one per comment.
      await Promise.all([page.waitForEvent('load'), page.click(`#comment-${commentId} a:has-text("Répondre")`)]);
      await page.check(`#reply-${commentId} input[name="stance"][value="question"]`);
      await page.fill(`#reply-${commentId}-body`, replyText);
      await page.click(`#reply-${commentId} button[type="submit"]`);
      await page.waitForURL(/posted=1/);
      await expectText(page.locator(`#comment-${commentId} li p.whitespace-pre-line`), replyText);
    });

    // 4. The mayor closes the consultation and publishes the decision.
    await as('maire.nioro@baro.ml', js, async (page) => {
      await open(page, `${topicPath}/edit`, { js });
      await page.selectOption('#f-phase', 'deliberation');
      await page.click('#phase-form button[type="submit"]');
      await expectPath(page, topicPath);
      await open(page, `${topicPath}/edit`, { js });
      await page.selectOption('#f-phase', 'decided');
      // Too short a decision is refused with a clear message.
      await page.fill('#f-decision', 'Oui.');
      await submit(page, 'phase-form', { js });
      await expectText(page.locator('#f-decision-error'), 'Écrivez la décision (30 caractères au moins) avant de passer à « Décidé ».');
      await page.selectOption('#f-phase', 'decided');
      await page.fill('#f-decision', 'Le puits sera réhabilité en mai. Un comité de gestion avec des femmes du marché le gérera, comme demandé.');
      await page.click('#phase-form button[type="submit"]');
      await expectPath(page, topicPath);
      await expectText(page.locator('#decision'), 'Décision de la commune');
    });

    // The cached page for anonymous readers follows every write: the comment, the reply, the decision.
    const anon = await anonymous();
    assert.ok(anon.html.includes(awaText.replace(/'/g, '&#x27;')), 'anonymous readers see the new comment');
    assert.ok(anon.html.includes(replyText.replace(/'/g, '&#x27;')), 'and the reply');
    assert.match(anon.html, /Le puits sera réhabilité en mai/);

    // 5. Awa sees the decision and her notifications.
    await as('76000001', js, async (page) => {
      await open(page, topicPath, { js });
      await expectText(page.locator('#decision + p + div, section:has(#decision) div').first(), /Le puits sera réhabilité en mai/);
      assert.equal(await page.locator('#comment-form').count(), 0, 'a decided topic is read-only');
      await expectText(page.locator('header a[href="/notifications"]'), /^Notifications \(\d+ non lues?\)$/);
      await open(page, '/notifications', { js });
      await expectText(page.locator(`main li:has-text("${marker}")`).filter({ hasText: 'a publié sa décision' }), /La commune a publié sa décision sur « .*»/);
      await expectText(page.locator(`main li:has-text("${marker}")`).filter({ hasText: 'a répondu' }), /Moussa Diarra a répondu à votre commentaire/);
    });

    // Search finds the topic without accents; feed and exports carry it.
    const { context, page } = await newPage({ js });
    try {
      await open(page, `/search?q=${encodeURIComponent(marker.toLowerCase())}`, { js });
      await expectText(page.locator('main [role="status"]'), /résultats? pour/);
      assert.ok((await page.locator(`main a:has-text("${title}")`).count()) >= 1);
      await open(page, `/en/search?q=rehabiliter+${marker}`, { js });
      await expectText(page.locator('main [role="status"]'), /results? for/);
      const id = topicPath.split('/')[2];
      const csv = await (await fetch(`${BASE}/exports/topics/${id}-comments.csv`)).text();
      assert.match(csv, /les femmes vont au fleuve/);
      assert.doesNotMatch(csv, /woman|gender|birth/i);
      const json = await (await fetch(`${BASE}/exports/topics/${id}-tally.json`)).json();
      assert.equal(json.tally.find((r) => r.choice === 'for').total, 1);
      const feed = await (await fetch(`${BASE}/feeds/nioro-du-sahel.atom`)).text();
      assert.ok(feed.includes(title));
    } finally {
      await context.close();
    }
  });
});

describe('topic pages', () => {
  bothJs('a nonsense or unknown topic id gives the 404 page', async (page, { js }) => {
    for (const p of ['/topics/abc', '/topics/999999', '/topics/1e3', '/en/topics/-1']) {
      const res = await open(page, p, { js: false });
      assert.equal(res.status(), 404, p);
    }
    const res = await open(page, '/topics?commune=zzz&sort=%27&page=-4', { js });
    assert.equal(res.status(), 200, 'bad filters are ignored, not an error');
  });
});
