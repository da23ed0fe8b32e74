// Shared by start and dev: make sure data/ and an auth secret exist, without ever committing them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function prepareEnv(root = process.cwd()) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  env.DATABASE_PATH ||= path.join(dataDir, 'baro.db');
  fs.mkdirSync(path.dirname(env.DATABASE_PATH), { recursive: true });
  if (!env.AUTH_SECRET) {
    const file = path.join(dataDir, 'auth-secret');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
      console.log('[baro] generated a new auth secret in data/auth-secret');
    }
    env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  }
  env.PORT ||= '3000';
  // Absolute links (feeds, share boxes, slips) come from PUBLIC_URL, which production requires
  // (lib/env.ts). On a machine trying Baro, the address it is served at.
  env.PUBLIC_URL ||= `http://localhost:${env.PORT}`;
  return env;
}
