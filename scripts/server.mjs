// The app's HTTP server (run by scripts/start.mjs): Next's request handler behind a plain node:http
// server, for two reasons.
// 1. `next start` keeps a client-sent X-Forwarded-For and fills it from the connection only when it is
//    missing, so the app cannot tell a forged address from a real one. Here the connection's address is
//    handed to the app in a header whose name is drawn at random when the process starts
//    (BARO_PEER_HEADER, read by lib/auth/client-ip.ts): a client cannot guess it, so a client cannot set
//    it. TRUST_PROXY (lib/env.ts) says how many proxies' X-Forwarded-For to believe.
// 2. Light pages on 2G (issue 17, scripts/lib/light-server.mjs, docs/features/light.md): Brotli/gzip
//    without a front server (next.config.js turns Next's own gzip off), data-saver mode (pages without
//    the framework's JavaScript), and 404/403 pages rendered on the server.
// It also runs WEB_CONCURRENCY processes (scripts/server/cluster.mjs) and answers anonymous readers' cached
// pages itself (scripts/server/page-cache.mjs), from the page store they share (scripts/server/page-store.cjs).
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import next from 'next';
import { createLightHandler } from './lib/light-server.mjs';
import { processCount, startProcesses } from './server/cluster.mjs';
import { createPageCache } from './server/page-cache.mjs';
import { processPageStore } from './server/page-store.cjs';
import { pageStorePath, resetPageStore } from './server/page-store-file.mjs';

if (cluster.isPrimary) {
  // A new start: pages of another build or of a database restored since are dropped. Workers inherit the name.
  const file = pageStorePath();
  resetPageStore(file);
  process.env.BARO_PAGE_STORE = file;
}
// The primary of several processes serves nothing itself: its workers run the rest of this file.
if (!startProcesses(processCount())) await new Promise(() => {});

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const peerHeader = `x-baro-peer-${crypto.randomBytes(12).toString('hex')}`;
process.env.BARO_PEER_HEADER = peerHeader;
// Marks the server's requests to itself (the status pages): their peer header is the original client's.
const innerHeader = `x-baro-inner-${crypto.randomBytes(12).toString('hex')}`;

// Next builds its own URLs with this name, and proxy.ts's NextURL turns 127.0.0.1 and ::1 into "localhost":
// with HOSTNAME=127.0.0.1 (behind Caddy, docs/operations.md) a rewrite then looked external to Next, which
// proxied it to itself and redirected every page to itself. The listening address stays HOSTNAME's.
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
const pages = createPageCache({ store: processPageStore() });

let origin = `http://127.0.0.1:${port}`;
const light = createLightHandler({
  // An anonymous reader's page of Next's cache, answered by the front cache while current; the rest by Next.
  handle: (req, res) => {
    if (pages.serve(req, res)) return;
    pages.watch(req, res);
    handle(req, res);
  },
  root: process.cwd(),
  origin: () => origin,
  innerHeader,
  log: (m) => console.error(`[baro] ${m}`),
});

const server = http.createServer((req, res) => {
  if (req.headers[innerHeader] === '1' && isLoopback(req.socket.remoteAddress)) delete req.headers[innerHeader];
  else req.headers[peerHeader] = req.socket.remoteAddress ?? '';
  delete req.headers[innerHeader];
  light.serve(req, res);
});
server.listen(port, hostname, () => {
  const a = server.address();
  // Any address (:: or 0.0.0.0) includes IPv4's loopback.
  if (a && typeof a === 'object') origin = `http://${a.address === '::' || a.address === '0.0.0.0' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  console.log(`[baro] ready on http://${hostname ?? 'localhost'}:${port}`);
  // The build's files and public/, compressed once (kept in .next/compressed/ across restarts).
  const t0 = Date.now();
  light.files
    .prepare()
    .then((r) => console.log(`[baro] ${r.files} static files ready in Brotli and gzip (${r.written} compressed now, ${Date.now() - t0} ms)`))
    .catch((e) => console.error(`[baro] static compression failed: ${e?.message ?? e}`));
});

function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
