// The app's HTTP server (run by scripts/start.mjs): Next's request handler behind a plain node:http
// server, for one reason. `next start` keeps a client-sent X-Forwarded-For and fills it from the
// connection only when it is missing, so the app cannot tell a forged address from a real one. Here
// the connection's address is handed to the app in a header whose name is drawn at random when the
// process starts (BARO_PEER_HEADER, read by lib/auth/client-ip.ts): a client cannot guess it, so a
// client cannot set it. TRUST_PROXY (lib/env.ts) says how many proxies' X-Forwarded-For to believe.
import crypto from 'node:crypto';
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const peerHeader = `x-baro-peer-${crypto.randomBytes(12).toString('hex')}`;
process.env.BARO_PEER_HEADER = peerHeader;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
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
