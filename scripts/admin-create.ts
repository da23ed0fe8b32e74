/**
 * npm run admin:create: the first administrator (or another one), with a password they choose.
 *
 *   npm run admin:create                                   asks for everything (the password twice, hidden)
 *   npm run admin:create -- --name "Awa Konaté" --email admin@kayes.ml [--phone 76…] [--commune kayes]
 *
 * For scripts, the password comes from ADMIN_PASSWORD, or from the first line of standard input when it
 * is not a terminal (`printf '%s\n' "$PW" | npm run admin:create -- --name … --email …`); never as an
 * argument, which other users of the machine could read in the process list. Uses DATABASE_PATH like
 * `npm start` (data/baro.db by default).
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { listCommunes } from '../db/queries/geography';
import { createAdmin } from '../lib/accounts/create-admin';
import en from '../messages/en.json';
import fr from '../messages/fr.json';

const { values } = parseArgs({
  options: { name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' }, commune: { type: 'string' } },
});
const interactive = Boolean(process.stdin.isTTY);

function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => rl.question(question, (a) => (rl.close(), resolve(a))));
}

/** A line typed without echo (raw mode: each key is read as it comes). */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    const stdin = process.stdin;
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return reject(new Error('interrupted'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main() {
  const db = openDatabase(defaultDatabasePath());
  migrateDatabase(db);
  const communes = listCommunes(db);
  if (communes.length === 0) {
    console.error('[baro] the database has no communes yet: run `npm start` (or `DEMO=false npm run db:seed`) first');
    process.exit(1);
  }
  const input = {
    displayName: values.name ?? (interactive ? await ask('Nom affiché / display name: ') : ''),
    email: values.email ?? (interactive ? await ask('E-mail (vide/empty si aucun): ') : ''),
    phone: values.phone ?? (interactive && !values.email ? await ask('Téléphone / phone (vide/empty si aucun): ') : ''),
    commune:
      values.commune ??
      (interactive ? (await ask(`Commune (${communes.map((c) => c.slug).join(', ')}) [${communes[0]!.slug}]: `)) || communes[0]!.slug : communes[0]!.slug),
    password: '',
  };
  if (process.env.ADMIN_PASSWORD) input.password = process.env.ADMIN_PASSWORD;
  else if (interactive) {
    input.password = await askHidden('Mot de passe / password: ');
    if ((await askHidden('Encore une fois / again: ')) !== input.password) {
      console.error('[baro] the two passwords differ: nothing created');
      process.exit(1);
    }
  } else input.password = await firstLineOfStdin();

  const r = await createAdmin(db, input);
  db.$client.close();
  if (r.ok) {
    console.log(`[baro] administrator #${r.value.userId} created (${input.email || input.phone}); sign in at /login`);
    // Like every account, it verifies its phone or e-mail with a code at first sign-in (docs/operations.md).
    console.log('[baro] at first sign-in they confirm their phone or e-mail with a code (SMS or e-mail; with the file transports, in data/outbox.jsonl)');
    return;
  }
  if (r.error === 'invalid' || r.error === 'conflict') {
    const errors = fr.Errors as Record<string, string>;
    const errorsEn = en.Errors as Record<string, string>;
    for (const [field, key] of Object.entries(r.fieldErrors)) console.error(`[baro] ${field}: ${errors[key] ?? key} / ${errorsEn[key] ?? key}`);
  } else console.error(`[baro] refused: ${r.error}`);
  process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
