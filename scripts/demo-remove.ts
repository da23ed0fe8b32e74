/**
 * npm run demo:remove [-- --yes]: deletes the demo accounts and everything they wrote (lib/demo/remove-demo.ts),
 * audited `demo.remove`. Asks for confirmation on a terminal; elsewhere it needs --yes. Uses DATABASE_PATH
 * like `npm start`. Create a real administrator first (`npm run admin:create`): the demo admin goes too.
 * A running server notices at its next request; pages served from its cache, within a minute.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { and, count, eq, isNull } from 'drizzle-orm';
import { defaultDatabasePath, migrateDatabase, openDatabase } from '../db/client';
import { roleGrants, users } from '../db/schema';
import { removeDemoData } from '../lib/demo/remove-demo';
import { demoAccountsExist } from '../lib/demo/status';
import { defaultMediaDir } from '../lib/media/config';

const { values } = parseArgs({ options: { yes: { type: 'boolean', default: false } } });

function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => rl.question(question, (a) => (rl.close(), resolve(a))));
}

async function main() {
  const file = defaultDatabasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  if (!demoAccountsExist(db)) {
    console.log(`[baro] ${file} holds no demo account: nothing to remove`);
    return;
  }
  const demo = db.select({ name: users.displayName }).from(users).where(eq(users.isDemo, true)).all();
  console.log(`[baro] ${file}: ${demo.length} demo accounts (${demo.map((u) => u.name).join(', ')}) and everything they wrote will be deleted.`);
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error('[baro] not a terminal: add --yes to confirm (npm run demo:remove -- --yes)');
      process.exit(1);
    }
    if (!/^(oui|yes|o|y)$/i.test((await ask('Continue? (yes/no) ')).trim())) {
      console.log('[baro] nothing removed');
      return;
    }
  }
  const removed = removeDemoData(db, { mediaDir: defaultMediaDir() });
  console.log(`[baro] removed: ${Object.entries(removed).map(([k, n]) => `${n} ${k}`).join(', ')} (audited demo.remove)`);
  const admins =
    db
      .select({ n: count() })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt)))
      .get()?.n ?? 0;
  if (admins === 0) console.log('[baro] no administrator is left: create one with `npm run admin:create`');
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
