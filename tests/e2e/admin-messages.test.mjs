// /admin/messages: SMS and e-mails queued by any process are sent by the server's own worker (started by
// instrumentation.ts under `next start`) into data/outbox.jsonl, and an admin sees what became of them,
// recipients masked, without JavaScript. Others are refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { accessibilityProblems, BASE, DEMO_PASSWORD, expectPath, expectText, freshPhone, newPage, signIn, waitForOutbox, withBrowser } from './helpers.mjs';

withBrowser();

const DB = process.env.BARO_E2E_DB;
const e164 = (typed) => '+223' + typed.replace(/\s/g, '');
const masked = (typed) => {
  const d = typed.replace(/\s/g, '');
  return `+223 ${d.slice(0, 2)} •• •• ${d.slice(6)}`;
};

/** `npm run messages:test -- <phone>` against the server's database: queued by another process. */
function queueTestSms(phone) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/send-test-message.ts', phone], {
    env: { ...process.env, DATABASE_PATH: DB, AUTH_SECRET: 'e2e-only-not-the-servers-secret-000000' },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const m = /queued message (\d+) \(([0-9a-f-]{36})\)/.exec(r.stdout);
  assert.ok(m, r.stdout);
  return { id: Number(m[1]), ref: m[2] };
}

async function withDb(fn) {
  const db = new Database(DB);
  db.pragma('busy_timeout = 5000');
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('delivery status of messages', () => {
  test('a queued SMS is sent by the server into the outbox, erased from the queue, and the admin sees it, then filters the failures [JS off]', async () => {
    assert.ok(DB, 'BARO_E2E_DB is set by scripts/e2e.mjs');
    const phone = freshPhone();
    const { id, ref } = queueTestSms(phone);

    // The server's worker (not this test, not the script) sends it: one JSON line in data/outbox.jsonl.
    const line = await waitForOutbox((l) => l.id === ref);
    assert.deepEqual(Object.keys(line), ['id', 'at', 'channel', 'to', 'text', 'purpose']);
    assert.equal(line.channel, 'sms');
    assert.equal(line.to, e164(phone));
    assert.equal(line.purpose, 'notification');
    assert.match(line.text, /^Baro : message d'essai\./);
    assert.ok(!Number.isNaN(Date.parse(line.at)));

    // A failure to show next to it (arranged directly: the file transport never fails).
    const failedPhone = freshPhone();
    const failedId = await withDb(async (db) => {
      for (let i = 0; i < 50; i++) {
        const row = db.prepare('SELECT status, body, attempts FROM messages WHERE id = ?').get(id);
        if (row.status === 'sent') {
          assert.deepEqual(row, { status: 'sent', body: null, attempts: 1 });
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return db
        .prepare(
          `INSERT INTO messages (ref, channel, recipient, purpose, status, attempts, next_try_at, last_error)
           VALUES (?, 'sms', ?, 'verification', 'failed', 10, ?, 'HTTP 503: queue limits exceeded') RETURNING id`,
        )
        .get(randomUUID(), e164(failedPhone), new Date().toISOString()).id;
    });

    const { context, page } = await newPage({ js: false });
    try {
      await signIn(page, 'admin@baro.ml', DEMO_PASSWORD, { js: false });
      await page.goto(`${BASE}/admin`);
      await page.click('a[href="/admin/messages"]');
      await expectPath(page, '/admin/messages');
      await expectText(page.locator('h1'), 'Messages envoyés');
      const sent = page.locator(`#message-${id}`);
      await expectText(sent.locator('[data-field="recipient"]'), masked(phone));
      await expectText(sent.locator('[data-field="purpose"]'), 'Avis');
      await expectText(sent.locator('[data-field="channel"]'), 'SMS');
      await expectText(sent.locator('[data-field="status"]'), 'Envoyé');
      await expectText(sent.locator('[data-field="attempts"]'), '1');
      await expectText(sent.locator('[data-field="sent"]'), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      const html = await page.content();
      assert.ok(!html.includes(phone.replace(/\s/g, '')), 'the full number is not in the page');
      assert.ok(!html.includes("message d'essai") && !html.includes('message d’essai'), 'the text is not in the page');

      // Filter by status with the plain GET form.
      await page.selectOption('#flt-status', 'failed');
      await Promise.all([page.waitForEvent('load'), page.click('form[method="get"] button[type="submit"]')]);
      await expectPath(page, '/admin/messages', '?status=failed');
      const failed = page.locator(`#message-${failedId}`);
      await expectText(failed.locator('[data-field="recipient"]'), masked(failedPhone));
      await expectText(failed.locator('[data-field="status"]'), 'Échec');
      await expectText(failed.locator('[data-field="purpose"]'), 'Code de vérification');
      await expectText(failed.locator('[data-field="attempts"]'), '10');
      await expectText(failed.locator('[data-field="error"]'), 'HTTP 503: queue limits exceeded');
      assert.equal(await page.locator(`#message-${id}`).count(), 0, 'the sent message is filtered out');
      assert.ok(Number(await page.locator('[data-status="failed"]').getAttribute('data-count')) >= 1);
      await expectText(page.locator('[data-status="failed"]'), /^Échec : \d+$/);

      // In English.
      await page.goto(`${BASE}/en/admin/messages?status=sent`);
      await expectText(page.locator('h1'), 'Messages sent');
      await expectText(page.locator(`#message-${id} [data-field="status"]`), 'Sent');
      await expectText(page.locator('[data-status="sent"]'), /^Sent: \d+$/);
    } finally {
      await context.close();
    }
  });

  test('the list with messages passes axe and fits 360 px (the a11y run sees it empty)', async () => {
    const { context, page } = await newPage({ js: true }); // axe runs in the page: JavaScript on
    try {
      await signIn(page, 'admin@baro.ml', DEMO_PASSWORD, { js: true });
      await page.goto(`${BASE}/admin/messages`);
      assert.ok((await page.locator('li[id^="message-"]').count()) >= 2);
      assert.deepEqual(await accessibilityProblems(page), []);
    } finally {
      await context.close();
    }
  });

  test('a citizen is refused and sees no message [JS off]', async () => {
    const { context, page } = await newPage({ js: false });
    try {
      await signIn(page, '76000001', DEMO_PASSWORD, { js: false });
      const res = await page.goto(`${BASE}/admin/messages`);
      const html = await res.text();
      assert.ok(html.includes('>Accès refusé</h1>'));
      assert.ok(!html.includes('•• ••'), 'no recipient leaks');
    } finally {
      await context.close();
    }
  });
});
