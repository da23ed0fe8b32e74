// Starts the built app (scripts/start.mjs: migrate, seed when empty, build when the sources changed,
// next start) in its own process group, so that a signal to the group reaches start.mjs, next start
// and next-server together. Shared by the crash and load tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Loopback only: these tests never talk to another machine. */
export function loopbackUrl(port) {
  return `http://127.0.0.1:${port}`;
}

export function portAnswers(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * @param {{ port: number, databasePath: string, authSecret: string, logPath: string, env?: Record<string,string> }} o
 * @returns {{ pid: number, exited: () => boolean, ready: (timeoutMs: number) => Promise<void>, kill: (signal: NodeJS.Signals) => void, stop: () => Promise<void> }}
 */
export function startApp({ port, databasePath, authSecret, logPath, env = {} }) {
  const out = fs.openSync(logPath, 'a');
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      PUBLIC_URL: loopbackUrl(port),
      DATABASE_PATH: databasePath,
      AUTH_SECRET: authSecret,
      ...env,
    },
  });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const base = loopbackUrl(port);

  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch (e) {
      if (e.code !== 'ESRCH') throw e;
    }
  };

  return {
    pid: child.pid,
    exited: () => exited,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exited) throw new Error(`the server exited before answering (log: ${logPath})`);
        try {
          const res = await fetch(`${base}/`, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          if (res.status < 500) return;
        } catch {
          // not up yet
        }
        await sleep(250);
      }
      throw new Error(`the server did not answer within ${timeoutMs / 1000} s (log: ${logPath})`);
    },
    kill,
    /** SIGTERM, then SIGKILL whatever is left of the group (next-server can outlive its parent). */
    async stop() {
      if (!exited) {
        kill('SIGTERM');
        const until = Date.now() + 10_000;
        while (!exited && Date.now() < until) await sleep(100);
      }
      kill('SIGKILL');
      // The port is free only once next-server is gone.
      const until = Date.now() + 10_000;
      while ((await portAnswers(port)) && Date.now() < until) await sleep(100);
    },
  };
}
