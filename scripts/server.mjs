// The app's HTTP server (run by scripts/start.mjs): Next's request handler behind a plain node:http
// server, for one reason. `next start` keeps a client-sent X-Forwarded-For and fills it from the
// connection only when it is missing, so the app cannot tell a forged address from a real one. Here
// the connection's address is handed to the app in a header whose name is drawn at random when the
// process starts (BARO_PEER_HEADER, read by lib/auth/client-ip.ts): a client cannot guess it, so a
// client cannot set it. TRUST_PROXY (lib/env.ts) says how many proxies' X-Forwarded-For to believe.
// It also runs WEB_CONCURRENCY processes (scripts/server/cluster.mjs) and answers anonymous readers' cached
// pages itself (scripts/server/page-cache.mjs), from the page store they share (scripts/server/page-store.mjs).
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import next from 'next';
import { processCount, startProcesses } from './server/cluster.mjs';
import { createPageCache } from './server/page-cache.mjs';
import { processPageStore } from './server/page-store.mjs';
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

// Next builds its own URLs with this name, and proxy.ts's NextURL turns 127.0.0.1 and ::1 into "localhost":
// with HOSTNAME=127.0.0.1 (behind Caddy, docs/operations.md) a rewrite then looked external to Next, which
// proxied it to itself and redirected every page to itself. The listening address stays HOSTNAME's.
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
const pages = createPageCache({ store: processPageStore() });

const server = http.createServer((req, res) => {
  if (pages.serve(req, res)) return;
  pages.watch(req, res);
  req.headers[peerHeader] = req.socket.remoteAddress ?? '';
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`[baro] ready on http://${hostname ?? 'localhost'}:${port}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
