import { spawn } from 'node:child_process';
import { prepareEnv } from './env.mjs';

const p = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '-p', prepareEnv().PORT], { stdio: 'inherit', env: prepareEnv() });
p.on('exit', (c) => process.exit(c ?? 0));
