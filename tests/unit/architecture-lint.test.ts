import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16: app/ and components/ never reach the database. The lint rule (eslint.config.mjs,
 * no-restricted-imports) fails `npm test` on a db/ import there; lib/ may import it.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(process.cwd(), file) }))[0]!.messages;
const dbImports = ["import { getDb } from '@/db/client';", "import { topics } from '@/db/schema';", "import { x } from '../../db/queries/geography';"];

describe('the layer rule', () => {
  it('refuses a db/ import in a page, a server action and a component', { timeout: 60_000 }, async () => {
    for (const file of ['app/[locale]/example/page.tsx', 'app/actions/example.ts', 'components/example/card.tsx']) {
      for (const line of dbImports) {
        const messages = await lint(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)![1]}];\n`);
        expect(messages.map((m) => m.ruleId), `${file}: ${line}`).toContain('no-restricted-imports');
      }
    }
  });

  it('lets lib/ reach the database', { timeout: 60_000 }, async () => {
    const messages = await lint('lib/example/views.ts', `${dbImports[0]}\nexport const used = [getDb];\n`);
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it('has no exception left: no file of app/ or components/ names db/', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(tsx?|mjs|js)$/.test(entry.name) && /from ['"](@\/db|(\.\.\/)+db)(\/|['"])/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk('app');
    walk('components');
    expect(offenders).toEqual([]);
    expect(fs.readFileSync('eslint.config.mjs', 'utf8')).not.toMatch(/Not converted yet/);
  });
});
