// Light-page bench (issue 17): in Debian's Chromium at 360 × 740, on `npm start` alone (scripts/server.mjs,
// no front server):
//   1. data-saver first visit: a topic page with `Save-Data: on`, cold cache, bytes on the wire (HTML, CSS,
//      icons, response headers included), target ≤ 30 KB;
//   2. Brotli first visit: the same page in full mode (framework JavaScript included), target ≤ 150 KB;
//   3. the header's height at 360 × 740: where the page's content starts, anonymous and signed in, target
//      ≤ 185 px (a quarter of 740).
// Medians over BENCH_RUNS rounds (3), each in a fresh browser context.
//
//   flock /tmp/baro-build.lock node scripts/bench/light.mjs       starts its own server (fresh demo database,
//                                                                 builds when the sources changed) and writes
//                                                                 the light part of bench/results.md
//   node scripts/bench/light.mjs --base-url http://127.0.0.1:3230 --topic 1   against a running server
//   --rows-only                                                   prints the rows as JSON (npm run bench)
// npm run bench (scripts/bench.mjs) calls measureLight() against its own server and puts the rows in its table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { kb, median, row } from '../lib/bench-rows.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' };
/** The issue's targets. KB = 1,000 bytes. */
const TARGETS = { saverKB: 30, brotliKB: 150, headerPx: 740 / 4 };
const DEMO = { identifier: '76000001', password: 'Baro-demo-2026' };


/** One cold first visit: every response's encoded bytes (CDP), by request. */
async function firstVisit(browser, url, { saver, storageState } = {}) {
  const context = await browser.newContext({ ...PHONE, ...(storageState ? { storageState } : {}), extraHTTPHeaders: saver ? { 'Save-Data': 'on' } : {} });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map();
    const entry = (id) => requests.get(id) ?? requests.set(id, { url: '', type: '', bytes: 0, encoding: '' }).get(id);
    cdp.on('Network.requestWillBeSent', (e) => Object.assign(entry(e.requestId), { url: e.request.url, type: e.type ?? '' }));
    cdp.on('Network.responseReceived', (e) => Object.assign(entry(e.requestId), { type: e.type, status: e.response.status, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '' }));
    cdp.on('Network.loadingFinished', (e) => (entry(e.requestId).bytes = e.encodedDataLength));
    const res = await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    if (res?.status() !== 200) throw new Error(`${url} answered ${res?.status()}`);
    const list = [...requests.values()].filter((r) => r.url.startsWith('http'));
    return { list, total: list.reduce((s, r) => s + r.bytes, 0) };
  } finally {
    await context.close();
  }
}

const describe = (list) => {
  const by = (pred) => list.filter(pred).reduce((s, r) => s + r.bytes, 0);
  const doc = list.find((r) => r.type === 'Document');
  return (
    `HTML ${kb(doc?.bytes ?? 0)} KB (${doc?.encoding || 'identity'}), CSS ${kb(by((r) => r.type === 'Stylesheet'))} KB, ` +
    `JS ${kb(by((r) => r.type === 'Script'))} KB in ${list.filter((r) => r.type === 'Script').length} files, other ${kb(by((r) => !['Document', 'Stylesheet', 'Script'].includes(r.type)))} KB; ` +
    `${list.length} requests, response headers included`
  );
};

/** Where <main> starts (the header's height, with the shared-computer bar if any), JavaScript off. */
async function headerHeight(browser, url, storageState) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, ...(storageState ? { storageState } : {}) });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(() => Math.round(document.querySelector('main').getBoundingClientRect().top));
  } finally {
    await context.close();
  }
}

async function signedIn(browser, base, who) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill('#f-identifier', who.identifier);
    await page.fill('#f-password', who.password);
    await Promise.all([page.waitForEvent('load'), page.click('#login-form button[type="submit"]')]);
    // No such account on this database: the header is measured for anonymous readers only.
    if (new URL(page.url()).pathname === '/login') return null;
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * @param {{ baseUrl: string, topicId: number|string, runs?: number, log?: (m: string) => void, citizen?: { identifier: string, password: string } }} o
 */
export async function measureLight({ baseUrl, topicId, runs = 3, log = () => {}, citizen = DEMO }) {
  const base = baseUrl.replace(/\/$/, '');
  const url = `${base}/topics/${topicId}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const saver = [];
    const full = [];
    for (let i = 0; i < runs; i++) {
      saver.push(await firstVisit(browser, url, { saver: true }));
      full.push(await firstVisit(browser, url, { saver: false }));
      log(`light round ${i + 1}: data-saver ${kb(saver.at(-1).total)} KB, full ${kb(full.at(-1).total)} KB`);
    }
    const state = await signedIn(browser, base, citizen);
    if (!state) log(`header height: ${citizen.identifier} cannot sign in here, anonymous only`);
    const heights = { anonymous: [], signedIn: [] };
    for (let i = 0; i < runs; i++) {
      heights.anonymous.push(await headerHeight(browser, url));
      if (state) heights.signedIn.push(await headerHeight(browser, url, state));
    }
    const mid = (runsOf) => runsOf.find((r) => r.total === median(runsOf.map((x) => x.total))) ?? runsOf[0];
    const saverMid = mid(saver);
    const fullMid = mid(full);
    const scripts = saverMid.list.filter((r) => r.type === 'Script').length;
    const anon = median(heights.anonymous);
    const signed = state ? median(heights.signedIn) : anon;
    return {
      rows: [
        row('Light', `data-saver first visit, topic page (/topics/${topicId}, Save-Data: on)`, kb(saverMid.total), 'KB', TARGETS.saverKB, '<=',
          `median of ${runs} cold visits (${saver.map((r) => kb(r.total)).join(', ')} KB); ${describe(saverMid.list)}; ${scripts} scripts`),
        row('Light', `Brotli first visit, topic page (/topics/${topicId}, full mode)`, kb(fullMid.total), 'KB', TARGETS.brotliKB, '<=',
          `median of ${runs} cold visits (${full.map((r) => kb(r.total)).join(', ')} KB); ${describe(fullMid.list)}; compressed by scripts/server.mjs, no front server`),
        row('Light', 'header height at 360 × 740 (where the content starts, signed in)', Math.max(anon, signed), 'px', TARGETS.headerPx, '<=',
          `anonymous ${anon} px, ${state ? `signed-in citizen ${signed} px` : 'signed in: not measured (no demo citizen)'} (top of <main>, JavaScript off, median of ${runs}); a quarter of the 740 px screen is ${TARGETS.headerPx} px`),
      ],
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Standalone

function writeMarkdown(rows, seconds) {
  const file = path.join(root, 'bench', 'results.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Baro measurements\n';
  const fmt = (v) => (typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 3 }) : String(v));
  const lines = [
    '<!-- light:start (written by scripts/bench/light.mjs; edit that script, not this part) -->',
    `## Light pages — \`flock /tmp/baro-build.lock node scripts/bench/light.mjs\` (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, Chromium (Debian) at 360 × 740. Wall time ${seconds} s. ` +
      '`npm start` alone (scripts/server.mjs: Brotli, data-saver mode), fresh demo database, loopback; bytes as Chromium received them ' +
      '(CDP encodedDataLength: compressed bodies and response headers), cold cache each visit. Issue 17; docs/features/light.md.',
    '',
    '| section | figure | value | target | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.section} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.comparator} ${fmt(r.target)} ${r.unit} | ${r.holds ? 'holds' : 'falls short'} |`),
    '',
    ...rows.map((r) => `- **${r.name}**: ${r.note}`),
    '<!-- light:end -->',
  ].join('\n');
  const start = existing.indexOf('<!-- light:start');
  const end = existing.indexOf('<!-- light:end -->');
  let out;
  if (start >= 0 && end > start) out = existing.slice(0, start) + lines + existing.slice(end + '<!-- light:end -->'.length);
  else {
    // After the media part (or the bench part).
    const marker = existing.includes('<!-- media:end -->') ? '<!-- media:end -->' : '<!-- bench:end -->';
    const at = existing.indexOf(marker);
    out = at >= 0 ? `${existing.slice(0, at + marker.length)}\n\n${lines}${existing.slice(at + marker.length)}` : `${existing}\n${lines}\n`;
  }
  fs.writeFileSync(file, out);
}

function args(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) o[argv[i].slice(2)] = true;
    else o[argv[i++].slice(2)] = next;
  }
  return o;
}

async function standalone() {
  const t0 = Date.now();
  const o = args(process.argv.slice(2));
  const log = (m) => console.error(`[bench:light] ${m}`);
  let server = null;
  let tmp = null;
  let baseUrl = o['base-url'];
  try {
    if (!baseUrl) {
      const { startApp, loopbackUrl } = await import('../lib/app-server.mjs');
      const port = Number(o.port || process.env.BENCH_PORT || 3232);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-light-'));
      log(`starting the app on :${port} with a fresh demo database (${tmp}); builds first if the sources changed`);
      server = startApp({ port, databasePath: path.join(tmp, 'baro.db'), authSecret: crypto.randomBytes(32).toString('base64url'), logPath: path.join(tmp, 'server.log'), env: { MEDIA_DIR: path.join(tmp, 'media') } });
      await server.ready(8 * 60_000);
      baseUrl = loopbackUrl(port);
    }
    const { rows } = await measureLight({ baseUrl, topicId: o.topic ?? 1, runs: Number(o.runs ?? process.env.BENCH_RUNS ?? 3), log });
    if (o['rows-only']) console.log(JSON.stringify(rows));
    else {
      writeMarkdown(rows, Math.round((Date.now() - t0) / 1000));
      for (const r of rows) console.log(`${r.holds ? 'holds      ' : 'FALLS SHORT'}  ${r.section} | ${r.name}: ${r.value} ${r.unit} (target ${r.comparator} ${r.target})\n             ${r.note}`);
    }
    process.exitCode = rows.every((r) => r.holds) ? 0 : 2;
  } finally {
    if (server) await server.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  await standalone();
}
