import { spawnSync } from 'node:child_process';
import { prepareEnv } from './env.mjs';

const env = prepareEnv();
const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/setup.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
