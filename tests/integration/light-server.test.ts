// scripts/lib/light-server.mjs around a stand-in for Next's request handler: what scripts/server.mjs does to
// every response (issue 17 §1, §2, §6), on real sockets.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLightHandler } from '@/scripts/lib/light-server.mjs';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const PAGE = `<!DOCTYPE html><html lang="fr"><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><link rel="preload" as="script" href="/_next/static/chunks/a.js"/></head><body><main>${'<p>Le forage de Tata, quartier par quartier.</p>'.repeat(800)}</main><script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-light-'));
const CSS = 'body{color:#1c1917}'.repeat(300);
fs.mkdirSync(path.join(root, '.next', 'static', 'chunks'), { recursive: true });
fs.mkdirSync(path.join(root, 'public'), { recursive: true });
fs.writeFileSync(path.join(root, '.next', 'static', 'chunks', 'a.css'), CSS);
fs.writeFileSync(path.join(root, 'public', 'icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M1 1h2"/>'.repeat(100)}</svg>`);

/** What Next would do, for the paths the tests ask. */
const next: Handler = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const p = url.pathname;
  if (p === '/stream') {
    // A page streamed in large pieces (more than the encoder's buffer), flushed as Next does.
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.flushHeaders();
    const pieces = [PAGE.slice(0, 40_000), PAGE.slice(40_000)];
    const write = () => {
      const piece = pieces.shift();
      if (piece === undefined) return void res.end();
      const ok = res.write(piece);
      (res as unknown as { flush?: () => void }).flush?.();
      if (ok) setImmediate(write);
      else res.once('drain', write);
    };
    write();
    return;
  }
  if (p === '/cached') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'content-length': Buffer.byteLength(PAGE) });
    res.end(PAGE);
    calls.cached++;
    return;
  }
  if (p === '/_next/static/chunks/a.css') {
    if (req.headers.range) {
      res.writeHead(206, { 'content-type': 'text/css', 'content-range': `bytes 0-9/${CSS.length}`, 'content-length': 10 });
      return void res.end(CSS.slice(0, 10));
    }
    res.writeHead(200, { 'content-type': 'text/css; charset=UTF-8', etag: 'W/"a"', 'cache-control': 'public, max-age=31536000, immutable', 'content-length': CSS.length, 'accept-ranges': 'bytes' });
    return void res.end(CSS);
  }
  if (p === '/media/a.webm') {
    res.writeHead(200, { 'content-type': 'audio/webm', 'content-length': 4000 });
    return void res.end(Buffer.alloc(4000, 1));
  }
  if (p === '/topics/9') {
    // notFound(): Next's empty error document.
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    return void res.end('<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f=1</script></body></html>');
  }
  if (p.startsWith('/status/404') || p.startsWith('/en/status/404')) {
    calls.status.push({ path: p, cookie: req.headers.cookie ?? '' });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'seen=1' });
    return void res.end(`<html lang="${p.startsWith('/en') ? 'en' : 'fr'}"><body><h1>Page introuvable</h1><script>x</script></body></html>`);
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
};

const calls = { cached: 0, status: [] as { path: string; cookie: string }[] };
let server: http.Server;
let base = '';

beforeAll(async () => {
  let origin = '';
  const light = createLightHandler({ handle: next, root, origin: () => origin, innerHeader: 'x-inner-test' });
  await light.files.prepare();
  server = http.createServer((req, res) => light.serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A request with node:http (fetch would decode the body and add Cache-Control to conditional requests). */
function get(p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(base + p, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

const decode = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  (r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body) : r.body).toString('utf8');

describe('compression', () => {
  it('a streamed page comes whole in Brotli, in gzip, or as it is', async () => {
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const r = await get('/stream', { 'accept-encoding': accept });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(encoding);
      expect(r.headers.vary).toMatch(/Accept-Encoding/);
      expect(decode(r)).toBe(PAGE);
    }
  });

  it('a page with an ETag is compressed once per version, and keeps its length and validators', async () => {
    const before = calls.cached;
    const a = await get('/cached', { 'accept-encoding': 'br' });
    const b = await get('/cached', { 'accept-encoding': 'br' });
    expect(calls.cached - before).toBe(2);
    expect(a.body.equals(b.body)).toBe(true);
    expect(Number(a.headers['content-length'])).toBe(a.body.length);
    expect(a.body.length).toBeLessThan(PAGE.length / 10);
    expect(a.headers.etag).toBe('"v1"');
    expect(decode(a)).toBe(PAGE);
  });

  it('files of the build and public/ are served from their Brotli and gzip copies, made once', async () => {
    const copy = fs.readFileSync(path.join(root, '.next', 'compressed', '_next', 'static', 'chunks', 'a.css.br'));
    const r = await get('/_next/static/chunks/a.css', { 'accept-encoding': 'br' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.body.equals(copy)).toBe(true);
    expect(r.headers['cache-control']).toContain('immutable');
    expect(r.headers['accept-ranges']).toBeUndefined();
    expect(decode(r)).toBe(CSS);
    const svg = await get('/icon.svg', { 'accept-encoding': 'gzip' });
    expect(svg.headers['content-encoding']).toBe('gzip');
  });

  it('never touches a range, a HEAD, audio, or what the client cannot decode', async () => {
    const ranged = await get('/_next/static/chunks/a.css', { 'accept-encoding': 'br', range: 'bytes=0-9' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-encoding']).toBeUndefined();
    expect(ranged.body.toString()).toBe(CSS.slice(0, 10));
    const media = await get('/media/a.webm', { 'accept-encoding': 'br' });
    expect(media.headers['content-encoding']).toBeUndefined();
    expect(media.body.length).toBe(4000);
    const head = await get('/_next/static/chunks/a.css', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    const plain = await get('/_next/static/chunks/a.css');
    expect(plain.body.toString()).toBe(CSS);
  });
});

describe('data-saver mode', () => {
  it('sends pages without scripts, marked, with their own ETag, and caches keep both versions apart', async () => {
    const r = await get('/cached', { 'accept-encoding': 'br', 'save-data': 'on' });
    const html = decode(r);
    expect(html).not.toMatch(/<script/);
    expect(html).not.toContain('as="script"');
    expect(html).toContain('<html data-saver="on" lang="fr">');
    expect(html).toContain('<main>');
    expect(r.headers.etag).toBe('"v1-saver"');
    expect(r.headers.vary).toMatch(/Save-Data/);
    expect(r.headers.vary).toMatch(/Cookie/);
    const streamed = decode(await get('/stream', { cookie: 'baro-saver=on' }));
    expect(streamed).not.toMatch(/<script/);
    const full = decode(await get('/stream', { cookie: 'baro-saver=off', 'save-data': 'on' }));
    expect(full).toContain('<script');
  });
});

describe('404 and 403 pages', () => {
  it('an empty error document is answered with the status page, rendered, status and cookies kept', async () => {
    const r = await get('/topics/9', { 'accept-encoding': 'br', cookie: 'session=abc' });
    expect(r.status).toBe(404);
    const html = decode(r);
    expect(html).toContain('<h1>Page introuvable</h1>');
    expect(html).not.toContain('__next_error__');
    expect(html).not.toMatch(/<script/);
    expect(r.headers['set-cookie']).toEqual(['seen=1']);
    expect(calls.status.at(-1)).toEqual({ path: '/status/404/topics/9', cookie: 'session=abc' });
    const direct = await get('/en/status/404/topics/9');
    expect(direct.status).toBe(404);
    expect(decode(direct)).toContain('lang="en"');
  });
});
