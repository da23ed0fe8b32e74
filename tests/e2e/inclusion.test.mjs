// Connected spaces and the inclusion dashboard, without JavaScript, on a 360 px phone: the charts are
// SVG drawn on the server with a data table each, the CSV downloads and never shows a group of 1–4
// people, the spaces are listed with their facilitators, and an admin edits a space.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { BASE, DEMO_PASSWORD, expectText, newPage, open, signIn, withBrowser } from './helpers.mjs';

withBrowser();

const js = false;

async function fitsThePhone(page, path) {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= width, `${path} scrolls sideways at 360 px (${scrollWidth} > ${width})`);
}

describe('the inclusion dashboard', () => {
  test('renders its SVG charts and data tables without JavaScript, in French and English [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      const res = await open(page, '/stats', { js });
      assert.equal(res.status(), 200);
      await expectText(page.locator('h1'), "Statistiques d'inclusion");
      // Server-rendered SVG, no client chart library: the HTML itself holds the charts.
      const html = await res.text();
      assert.ok((html.match(/<svg[^>]*role="img"/g) ?? []).length >= 7, 'at least seven charts in the HTML');
      for (const id of ['chart-gender', 'chart-age', 'chart-channel', 'chart-space', 'chart-commune', 'chart-month', 'chart-topic']) {
        assert.equal(await page.locator(`#${id} svg`).count(), 1, id);
        assert.ok(await page.locator(`#${id} svg rect, #${id} svg text`).count() > 0, `${id} draws bars or labels`);
      }
      for (const id of ['table-totals', 'table-gender', 'table-age', 'table-channel', 'table-space', 'table-commune', 'table-month', 'table-topic', 'table-commune-inclusion']) {
        assert.equal(await page.locator(`table#${id} caption`).count(), 1, id);
      }
      await expectText(page.locator('#table-gender tbody th').first(), 'Femmes');
      await expectText(page.locator('#share-women p').first(), 'Part des femmes');
      await expectText(page.locator('#share-youth p').first(), 'Part des jeunes (15–35 ans)');
      // Channels: online, by voice (issue 13), with a facilitator's help, public debates (the demo's past debate
      // counted 45 people), and training sessions at the spaces (the demo's session at Nioro: 23 counted and one
      // participant named).
      assert.deepEqual(
        (await page.locator('#table-channel tbody th').allTextContents()).map((x) => x.trim()),
        ['En ligne', 'Message vocal', "Aidé·e à l'espace", 'Débat public', 'Formation'],
      );
      assert.ok(Number(await page.locator('#table-channel tbody tr:nth-child(5) td').first().textContent()) >= 24);
      await expectText(page.locator('#table-channel tbody tr:nth-child(4) td').first(), /^\d+$/);
      assert.ok(Number(await page.locator('#table-channel tbody tr:nth-child(4) td').first().textContent()) >= 45);
      await expectText(page.locator('#table-space tbody th').first(), /Espace connecté de/);
      await expectText(page.locator('#stats-channels-note'), /chaque présence compte pour une personne/);
      // The demo data has few people: figures behind 1 to 4 of them read "moins de 5", never the number.
      const cells = await page.locator('table td').allTextContents();
      for (const c of cells) assert.ok(!/^\s*[1-4]\s*$/.test(c), `a cell shows "${c}"`);
      await fitsThePhone(page, '/stats');

      // A commune chosen in the form (a GET form, so it works without JavaScript).
      await page.selectOption('#stats-commune', { label: 'Nioro du Sahel' });
      await Promise.all([page.waitForEvent('load'), page.click('form[method="get"] button[type="submit"]')]);
      await expectText(page.locator('#stats-scope'), 'Commune : Nioro du Sahel');

      await open(page, '/en/stats', { js });
      await expectText(page.locator('h1'), 'Inclusion statistics');
      await expectText(page.locator('#table-gender tbody th').first(), 'Women');

      // A single consultation's figures are for its officials.
      const forbidden = await open(page, '/stats?topic=1', { js });
      assert.equal(forbidden.status(), 403);
      await expectText(page.locator('h1'), 'Accès refusé');
    } finally {
      await context.close();
    }
  });

  test('the CSV downloads, with the same breakdowns and no group of 1 to 4 people', async () => {
    const { context, page } = await newPage({ js });
    try {
      await open(page, '/stats', { js });
      const href = await page.locator('#stats-csv').getAttribute('href');
      assert.equal(href, '/exports/stats.csv');
      const res = await page.request.get(BASE + href);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-type'], /^text\/csv/);
      assert.match(res.headers()['content-disposition'], /attachment; filename="baro-inclusion\.csv"/);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const [header, ...lines] = text.trim().split(/\r?\n/);
      assert.equal(header, 'breakdown,group,label,participants,comments,votes,projects,supports,attendance,training,contributions,women,youth');
      const kinds = new Set(lines.map((l) => l.split(',')[0]));
      for (const k of ['total', 'gender', 'age', 'channel', 'space', 'commune', 'month', 'topic']) assert.ok(kinds.has(k), `CSV has the ${k} breakdown`);
      assert.deepEqual(lines.filter((l) => l.startsWith('channel,')).map((l) => l.split(',')[1]), ['self', 'voice', 'assisted', 'meeting', 'formation']);
      for (const line of lines) {
        const figures = line.split(',').slice(-10);
        for (const f of figures) assert.ok(!/^[1-4]$/.test(f), `a CSV figure of 1 to 4 people: ${line}`);
      }
      // Scoped figures are for officials only.
      assert.equal((await page.request.get(`${BASE}/exports/stats.csv?topic=1`)).status(), 403);
      assert.equal((await page.request.get(`${BASE}/exports/stats.csv?commune=abc`)).status(), 404);
    } finally {
      await context.close();
    }
  });

  test('an official opens the figures of a consultation of their commune [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'maire.nioro@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/stats', { js });
      const link = page.locator('#stats-mine a').first();
      await Promise.all([page.waitForEvent('load'), link.click()]);
      await expectText(page.locator('#stats-scope'), /^(Consultation|Projet citoyen) : /);
      // The split by gender is drawn, or — the demo's consultations have a handful of people — it says
      // plainly why not (docs/features/privacy.md).
      const charts = await page.locator('#chart-gender svg').count();
      if (charts === 0) await expectText(page.locator('#withheld-gender'), "Pas encore assez de participation pour montrer cette répartition sans révéler qui a participé.");
      else assert.equal(charts, 1);
      const csv = await page.request.get(BASE + (await page.locator('#stats-csv').getAttribute('href')));
      assert.equal(csv.status(), 200);
    } finally {
      await context.close();
    }
  });

  test('/stats and a space page: no axe WCAG 2 A/AA violation', async () => {
    const { context, page } = await newPage({ js: true });
    try {
      for (const path of ['/stats', '/spaces', '/spaces/nioro']) {
        await open(page, path, { js: true });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
      }
    } finally {
      await context.close();
    }
  });
});

describe('connected spaces', () => {
  test('lists the spaces; a space shows its commune, address, hours, facilitators and participation [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      const res = await open(page, '/spaces', { js });
      assert.equal(res.status(), 200);
      await expectText(page.locator('h1'), 'Espaces connectés');
      assert.equal(await page.locator('#spaces-list > li').count(), 3);
      await fitsThePhone(page, '/spaces');
      await Promise.all([page.waitForEvent('load'), page.click('text=Espace connecté de Nioro')]);
      assert.equal(new URL(page.url()).pathname, '/spaces/nioro');
      await expectText(page.locator('h1'), 'Espace connecté de Nioro');
      await expectText(page.locator('dd').nth(0), 'Nioro du Sahel');
      await expectText(page.locator('dd').nth(1), 'Près de la mairie, Nioro du Sahel');
      await expectText(page.locator('#space-facilitators li'), 'Fanta Sissoko');
      await expectText(page.locator('#space-participation'), /habitant·e·s de Nioro du Sahel|Moins de 5 habitant·e·s de Nioro du Sahel/);
      await fitsThePhone(page, '/spaces/nioro');

      await open(page, '/en/spaces/nioro', { js });
      await expectText(page.locator('#facilitators-title'), 'Facilitators');
      assert.equal((await page.goto(`${BASE}/spaces/nowhere`)).status(), 404);
    } finally {
      await context.close();
    }
  });

  test('an admin edits a space; a refused form keeps what was typed [JS off]', async () => {
    const { context, page } = await newPage({ js });
    try {
      await signIn(page, 'admin@baro.ml', DEMO_PASSWORD, { js });
      await open(page, '/admin?editSpace=yelimane', { js });
      await expectText(page.locator('#spaces h3'), 'Modifier « Espace connecté de Yélimané »');
      const hours = `Lun–Sam 8 h–19 h ${Date.now().toString(36)}`;
      await page.fill('#sp-name', '');
      await page.fill('#sp-openingHours', hours);
      await Promise.all([page.waitForEvent('load'), page.click('#space-form button[type="submit"]')]);
      await expectText(page.locator('#sp-name-error'), /./);
      assert.equal(await page.inputValue('#sp-openingHours'), hours);
      await page.fill('#sp-name', 'Espace connecté de Yélimané');
      await Promise.all([page.waitForEvent('load'), page.click('#space-form button[type="submit"]')]);
      await expectText(page.locator('#spaces [role="status"]'), 'Espace « Espace connecté de Yélimané » enregistré.');
      await open(page, '/spaces/yelimane', { js });
      await expectText(page.locator('dd').nth(2), hours);
    } finally {
      await context.close();
    }
  });
});
