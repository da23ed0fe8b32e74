import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPageCache } from '@/scripts/server/page-cache.mjs';
import { openPageStore } from '@/scripts/server/page-store.cjs';
import { resetPageStore } from '@/scripts/server/page-store-file.mjs';

/**
 * The server's front cache (scripts/server/page-cache.mjs) in front of a stand-in for Next's handler that
 * answers like Next does for app/cached/ pages (proxy.ts's rewrite header, x-nextjs-cache, the page from the
 * store). What is tested is what the front cache answers by itself, and what it always leaves to Next.
 * tests/e2e/topic-cache.test.mjs runs the real thing.
 */

const KEY = '/route-cache/APP_PAGE/abc/$/cached/fr/topics/2';
const TAG = '_N_T_/cached/fr/topics/2';
let dir: string;
let store: ReturnType<typeof openPageStore>;
let server: http.Server;
let base: string;
/** requests that reached "Next" */
let reachedNext: string[];
let setCookie: boolean;
/** what "Next" answers instead of the stored page (a render that raced with a newer one) */
let otherBody: string | null;

function render(html: string) {
  store.set(KEY, { kind: 'APP_PAGE', html, headers: { 'x-next-cache-tags': TAG }, status: 200 }, { cacheControl: { revalidate: 60 } });
}

/** Next, as far as the front cache sees it: a page of its cache for /topics/2, the session's pages otherwise. */
function next(req: http.IncomingMessage, res: http.ServerResponse) {
  reachedNext.push(`${req.method} ${req.url} ${req.headers.cookie ?? ''}`.trim());
  const signedIn = /baro\.session/.test(req.headers.cookie ?? '');
  if (req.method === 'GET' && req.url === '/topics/2' && !signedIn && !req.headers['next-action']) {
    const entry = store.get(KEY)!;
    res.setHeader('x-middleware-rewrite', '/cached/fr/topics/2');
    res.setHeader('x-nextjs-cache', 'HIT');
    res.setHeader('Cache-Control', 's-maxage=60, stale-while-revalidate=31535940');
    res.setHeader('ETag', '"e1"');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (setCookie) res.setHeader('Set-Cookie', 'NEXT_LOCALE=fr; Path=/');
    res.end(otherBody ?? entry.value.html);
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<p>rendered for this request${signedIn ? ' (signed in)' : ''}</p>`);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-front-'));
  const file = path.join(dir, 'baro.pages.db');
  resetPageStore(file);
  store = openPageStore(file);
  reachedNext = [];
  setCookie = false;
  otherBody = null;
  render('<main>Commentaires (3)</main>');
  const pages = createPageCache({ store });
  server = http.createServer((req, res) => {
    if (pages.serve(req, res)) return;
    pages.watch(req, res);
    next(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${p}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

describe('the front cache of anonymous pages', () => {
  it('answers an anonymous reader with the page Next served last, without asking Next again', async () => {
    const first = await get('/topics/2');
    expect(reachedNext).toEqual(['GET /topics/2']);
    const second = await get('/topics/2');
    expect(reachedNext).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(second.headers['x-nextjs-cache']).toBe('HIT');
    expect(second.headers['cache-control']).toBe('s-maxage=60, stale-while-revalidate=31535940');
    // Other cookies (the commune chosen, the language) do not matter: proxy.ts serves them the cached page too.
    await get('/topics/2', { cookie: 'NEXT_LOCALE=fr; baro-commune=3' });
    expect(reachedNext).toHaveLength(1);
  });

  it('never answers a signed-in reader, a query, a server action, a client-side navigation, or anything but GET', async () => {
    await get('/topics/2');
    const cases: [string, Record<string, string>, string?][] = [
      ['/topics/2', { cookie: 'baro.session=abc' }],
      ['/topics/2', { cookie: 'NEXT_LOCALE=fr; __Host-baro.session.0=abc' }],
      ['/topics/2?sort=newest', {}],
      ['/topics/2', { 'next-action': 'x' }],
      ['/topics/2', { rsc: '1' }],
      ['/topics/2', { 'next-router-prefetch': '1' }],
      ['/topics/2', {}, 'HEAD'],
      ['/topics/2', {}, 'POST'],
    ];
    for (const [p, headers, method] of cases) {
      const before = reachedNext.length;
      const res = await get(p, headers, method);
      expect(reachedNext.length, `${method ?? 'GET'} ${p} ${JSON.stringify(headers)}`).toBe(before + 1);
      if (headers.cookie?.includes('session')) expect(res.body.toString()).toContain('signed in');
    }
  });

  it('asks Next again as soon as a write in any process revalidated the page', async () => {
    await get('/topics/2');
    await get('/topics/2');
    expect(reachedNext).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2));
    // Another process (another store on the same file) posts a comment: revalidatePath → its tag expires.
    const other = openPageStore(store.file);
    other.expireTags([TAG]);
    other.close();
    expect(store.get(KEY)).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    render('<main>Commentaires (4)</main>'); // Next renders it again
    const after = await get('/topics/2');
    expect(reachedNext).toHaveLength(2);
    expect(after.body.toString()).toBe('<main>Commentaires (4)</main>');
    expect((await get('/topics/2')).body.toString()).toBe('<main>Commentaires (4)</main>');
    expect(reachedNext).toHaveLength(2);
  });

  it('keeps no copy of an answer that sets a cookie, or that is not the page in the store', async () => {
    setCookie = true;
    await get('/topics/2');
    await get('/topics/2');
    expect(reachedNext).toHaveLength(2);
    setCookie = false;
    otherBody = '<main>Commentaires (2)</main>';
    await get('/topics/2');
    await get('/topics/2');
    expect(reachedNext).toHaveLength(4);
    otherBody = null;
    await get('/topics/2');
    await get('/topics/2');
    expect(reachedNext).toHaveLength(5);
  });

  it('answers 304 to a reader who has the page, and leaves compression to the light handler around it', async () => {
    const plain = await get('/topics/2');
    const again = await get('/topics/2', { 'accept-encoding': 'gzip, br' });
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.body.toString()).toBe(plain.body.toString());
    const cached = await get('/topics/2', { 'if-none-match': '"e1"' });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
    expect(reachedNext).toHaveLength(1);
  });
});
