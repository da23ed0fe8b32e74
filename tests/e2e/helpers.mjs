// Shared helpers for the end-to-end tests (run by scripts/e2e.mjs with node's test runner, not by vitest).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join as pathJoin, resolve as pathResolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { chromium } from 'playwright-core';

export const BASE = process.env.BARO_E2E_URL || 'http://localhost:3210';
export const DEMO_PASSWORD = 'Baro-demo-2026';
export const VIEWPORT = { width: 360, height: 740 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fake microphone: MediaRecorder records a tone, and the permission prompt is answered yes. */
export const FAKE_MICROPHONE_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

let browser;

/** Launches one Chromium for the test file (call at the top of each file); `extraArgs`, e.g. FAKE_MICROPHONE_ARGS. */
export function withBrowser({ extraArgs = [] } = {}) {
  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
  });
  after(async () => {
    await browser?.close();
    // A context a test forgot to close still reports what it saw.
    const left = [...openContexts].flat();
    openContexts.clear();
    if (left.length) assert.fail(`the security headers blocked or rejected something (${left.length}):\n  ${left.join('\n  ')}`);
  });
}

/**
 * What Chromium reports about the security headers, in the console of any page: a Content-Security-Policy
 * violation (a blocked script, style, image, frame, form target…), or a Permissions-Policy it cannot
 * read. Each fails the test whose browser context saw it.
 */
const HEADER_PROBLEM = /Content Security Policy|Content-Security-Policy|Permissions-Policy/i;

/**
 * Watches every page of a context for header problems; closing the context fails if there was one.
 * With JavaScript off Chromium still reports what it blocked (styles, images, frames, forms).
 */
const openContexts = new Set();

function failOnHeaderProblems(context) {
  const problems = [];
  openContexts.add(problems);
  const watch = (page) =>
    page.on('console', (m) => {
      if (HEADER_PROBLEM.test(m.text())) problems.push(`${page.url()}\n    ${m.type()}: ${m.text()}`);
    });
  context.on('page', watch);
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    openContexts.delete(problems);
    if (problems.length) {
      assert.fail(`the security headers blocked or rejected something (${problems.length}):\n  ${problems.join('\n  ')}`);
    }
  };
}

/**
 * A fresh context (no cookies) at 360×740, with or without JavaScript. A CSP violation in any of its pages
 * fails the test when the context is closed.
 */
export async function newPage({ js }) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: VIEWPORT, locale: 'fr-FR' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  failOnHeaderProblems(context);
  const page = await context.newPage();
  return { context, page };
}

/** Registers the same flow twice: with JavaScript on, then off, each in its own browser context. */
export function bothJs(name, fn) {
  for (const js of [true, false]) {
    test(`${name} [JS ${js ? 'on' : 'off'}]`, async () => {
      const { context, page } = await newPage({ js });
      try {
        await fn(page, { js, context });
      } finally {
        await context.close();
      }
    });
  }
}

/**
 * Opens a path; with JS on, waits until React has hydrated the page, so forms submit through React. The
 * 404 and 403 pages carry no JavaScript (scripts/server.mjs renders them on the server, issue 17 §6).
 */
export async function open(page, path, { js }) {
  const res = await page.goto(BASE + path);
  if (js && (res?.status() ?? 200) < 400) await hydrated(page);
  return res;
}

export async function hydrated(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('main') || document.body;
      return Object.keys(el).some((k) => k.startsWith('__reactFiber'));
    },
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * Submits a form and waits until the server has answered: a page load without JS; with JS, the
 * server action's response and React's re-render (the submit button is enabled again).
 */
export async function submit(page, formId, { js }) {
  const button = page.locator(`#${formId} button[type="submit"]`);
  if (!js) {
    await Promise.all([page.waitForEvent('load'), button.click()]);
    return;
  }
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await button.click();
  // The button is disabled while the action is pending (useFormStatus), from the click until React has
  // applied the answer. (response.finished() sometimes never resolves for these streamed answers.)
  await response;
  await page.waitForFunction(
    (id) => {
      const b = document.querySelector(`#${id} button[type="submit"]`);
      return !b || !b.disabled;
    },
    formId,
    { timeout: 15_000 },
  );
}

/** Waits until the locator's text matches (string: exact after trimming; RegExp: test), then asserts. */
export async function expectText(locator, expected, timeout = 10_000) {
  const matches = (t) => (expected instanceof RegExp ? expected.test(t) : t === expected);
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = (await locator.first().textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null))?.trim() ?? null;
    if (actual !== null && matches(actual)) return actual;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${locator} to have text ${expected instanceof RegExp ? expected : JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export async function expectPath(page, pathname, search) {
  await page.waitForURL((u) => u.pathname === pathname && (search === undefined || u.search === search), { timeout: 15_000 });
  const u = new URL(page.url());
  assert.equal(u.pathname, pathname);
}

/**
 * Asserts a 404 answer whose page shows `heading`. Without JavaScript, the page must have been rendered
 * on the server (with JavaScript, React may render it from the RSC payload).
 */
export async function expectNotFoundPage(page, response, heading, { js }) {
  assert.equal(response.status(), 404);
  const html = await response.text();
  if (!js) {
    assert.ok(
      !/<html[^>]*id="__next_error__"/.test(html) && html.includes(`>${heading}</h1>`),
      `without JavaScript, the 404 page for ${response.url()} is blank: Next sent its empty error document ` +
        `(<html id="__next_error__">; the not-found UI is only inside the RSC payload)`,
    );
  }
  await expectText(page.locator('h1'), heading);
}

/** Opens the header's menu (a <details>: it opens without JavaScript) unless it is open already. */
export async function openMenu(page) {
  const menu = page.locator('#site-menu');
  if (!(await menu.evaluate((d) => d.open))) await page.click('#site-menu summary');
}

export async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

/** A random valid Malian mobile number nobody has registered: 8 digits, as "76 12 34 56". */
export function freshPhone() {
  const prefixes = ['65', '66', '67', '69', '70', '71', '72', '73', '74', '75', '76', '77', '78', '79', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99'];
  for (;;) {
    const p = prefixes[Math.floor(Math.random() * prefixes.length)];
    const digits = p + String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
    if (digits.startsWith('760000')) continue; // the demo accounts
    const parsed = parsePhoneNumberFromString(digits, 'ML');
    if (parsed?.isValid()) return digits.replace(/(\d\d)(?=\d)/g, '$1 ');
  }
}

/**
 * Signs in through the form, checks where the person lands (issue 17 §8: the open consultations of their
 * commune, in the account's language), then opens the account page, where the tests that sign in start.
 * A participant still holding the PIN of their slip is first offered to choose their own (/account/pin):
 * this declines ("Not now"). `lands`: the language the account prefers (default: French).
 */
export async function signIn(page, identifier, password, { js, locale = 'fr', lands = 'fr' }) {
  await open(page, `${locale === 'fr' ? '' : `/${locale}`}/login`, { js });
  const prefix = lands === 'fr' ? '' : `/${lands}`;
  await page.fill('#f-identifier', identifier);
  await page.fill('#f-password', password);
  await page.click('#login-form button[type="submit"]');
  await page.waitForURL((u) => isLanding(u, prefix, 'signedin') || u.pathname === `${prefix}/account/pin`, { timeout: 15_000 });
  if (new URL(page.url()).pathname.endsWith('/account/pin')) {
    if (js) await hydrated(page);
    await Promise.all([page.waitForURL((u) => u.pathname === `${prefix}/account`), page.click('#pin-later')]);
  } else {
    await open(page, `${prefix}/account`, { js });
  }
  await expectPath(page, `${prefix}/account`);
}

/** The page after sign-in: /topics?…phase=open…&signedin=1, the open consultations of one's commune, in the account's language. */
export function isLanding(url, prefix = '', notice = 'signedin') {
  return url.pathname === `${prefix}/topics` && url.searchParams.get('phase') === 'open' && url.searchParams.get(notice) === '1';
}

/** "76 12 34 56" → "+22376123456", as the outbox writes a Malian number. */
export const e164 = (phone) => `+223${phone.replace(/\s/g, '')}`;

/** The 6-digit code of the last message of this purpose ('verification', 'recovery') sent to a phone or address. */
export async function codeSentTo(to, purpose) {
  const recipient = to.includes('@') ? to.trim().toLowerCase() : e164(to);
  const line = await waitForOutbox((l) => l.to === recipient && l.purpose === purpose);
  const code = /\b(\d{6})\b/.exec(line.text)?.[1];
  assert.ok(code, `a 6-digit code in the ${purpose} message to ${recipient}`);
  return code;
}

/** On /verify: types the code sent to `to` (read from the outbox) and waits for "your account is verified". */
export async function verifyWithCode(page, to, { js }) {
  if (js) await hydrated(page);
  await page.fill('#v-code', await codeSentTo(to, 'verification'));
  await page.click('#verify-form button[type="submit"]');
  await expectPath(page, '/verify', '?done=1');
}

/**
 * Registers a fresh citizen of Nioro du Sahel through the form (phone number, no e-mail), verifies the
 * account with the code the server sent to data/outbox.jsonl, and opens the account page. Returns the
 * phone number as typed ("76 12 34 56").
 */
export async function registerCitizen(page, name, { js, password = 'Sugu-ba-ka-di-2026' }) {
  const phone = freshPhone();
  await open(page, '/register', { js });
  await page.fill('#f-displayName', name);
  await page.fill('#f-phone', phone);
  await page.selectOption('#f-communeId', { label: 'Nioro du Sahel' });
  await page.fill('#f-password', password);
  await page.click('#register-form button[type="submit"]');
  await expectPath(page, '/verify', '?welcome=1');
  await verifyWithCode(page, phone, { js });
  await open(page, '/account', { js });
  return phone;
}

const describeAxeNode = (n) => {
  const html = n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html;
  return `    ${n.target.join(' ')}  ${html}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`;
};

/**
 * What keeps the open page from being accessible, as readable lines (none: accessible): axe-core's
 * WCAG 2 A and AA violations; visible text in the colour of its background (axe files a 1:1 contrast
 * under "incomplete", since it may be a visually-hidden technique); anything wider than the screen
 * (WCAG 1.4.10, reflow at 360 px).
 */
export async function accessibilityProblems(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map(describeAxeNode).join('\n')}`);

  const invisible = results.incomplete
    .filter((v) => v.id === 'color-contrast')
    .flatMap((v) => v.nodes)
    .filter((n) => n.any.some((c) => c.data?.messageKey === 'equalRatio' || c.data?.contrastRatio === 1));
  for (const n of invisible) {
    problems.push(`text with the colour of its background (1:1)\n${describeAxeNode({ ...n, failureSummary: '' })}\n      colour ${n.any[0].data.fgColor} on ${n.any[0].data.bgColor}`);
  }

  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  if (overflow.scrollWidth > overflow.width) problems.push(`scrolls sideways at ${overflow.width} px: ${JSON.stringify(overflow)}`);
  return problems;
}

/** Fanta marks this browser as a shared computer of the Nioro space, from the space's page. */
export async function markAsShared(page, { js }) {
  await signIn(page, 'animatrice.nioro@baro.ml', DEMO_PASSWORD, { js });
  await open(page, '/spaces/nioro', { js });
  await Promise.all([page.waitForURL('**/spaces/nioro/device'), page.click('#shared-devices-link')]);
  await expectText(page.locator('#device-status'), "Ce navigateur n'est pas un ordinateur partagé.");
  await page.fill('#f-label', `Poste ${Date.now().toString(36)}`);
  await page.click('#mark-device-form button[type="submit"]');
  // The facilitator's own session was not one of this computer's: she is signed out and signs in again.
  await expectPath(page, '/login', '?shared=1');
  await expectText(page.locator('[role="status"]'), /maintenant un ordinateur partagé/);
}

// ---------------------------------------------------------------- messages (lib/messaging)

/** The server's outbox: data/outbox.jsonl in the project, as the app writes it (OUTBOX_PATH if set). */
export function outboxPath() {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return process.env.OUTBOX_PATH ? pathResolve(root, process.env.OUTBOX_PATH) : pathJoin(root, 'data', 'outbox.jsonl');
}

/** Every line of the outbox, parsed ({ id, at, channel, to, subject?, text, purpose }). */
export function outboxLines() {
  if (!existsSync(outboxPath())) return [];
  return readFileSync(outboxPath(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/**
 * Waits until the server's message worker has written a line matching `match` (it sends within a few
 * seconds: at once for what the server queued itself, at its next 5 s round for other processes).
 * E.g. the last code sent to a phone: waitForOutbox((l) => l.to === '+22376123456' && l.purpose === 'verification').
 */
export async function waitForOutbox(match, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = outboxLines().filter(match).at(-1);
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no matching line in ${outboxPath()} after ${timeout / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
