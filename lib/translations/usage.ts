/**
 * Where a message key appears, read from the source tree (app/, components/, lib/) the first time it is
 * asked for in this process: the files that open its namespace (getTranslations('Topic'),
 * useTranslations, { namespace: 'Topic' }), narrowed to those that name the key itself when some do.
 * Pages are named by their route ("/topics/[id]"), other files by their path. Without the sources (a
 * deployment that ships only the build), nothing is listed.
 */
import fs from 'node:fs';
import path from 'node:path';

type Index = Map<string, { file: string; text: string }[]>;
let index: Index | null = null;

const NAMESPACE = /(?:getTranslations|useTranslations)\(\s*['"]([A-Za-z]+)['"]|namespace:\s*['"]([A-Za-z]+)['"]/g;

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
}

function build(root: string): Index {
  const files: string[] = [];
  for (const dir of ['app', 'components', 'lib']) walk(path.join(root, dir), files);
  const out: Index = new Map();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const m of text.matchAll(NAMESPACE)) {
      const ns = m[1] ?? m[2]!;
      const list = out.get(ns) ?? [];
      if (!list.some((f) => f.file === rel)) list.push({ file: rel, text });
      out.set(ns, list);
    }
  }
  return out;
}

/** "app/[locale]/topics/[id]/page.tsx" → "/topics/[id]"; other files keep their path. */
export function placeOf(file: string): string {
  const m = /^app\/(?:\[locale\]|cached\/\[locale\])(\/.*)?\/(page|layout)\.tsx$/.exec(file);
  if (m) return m[1] || '/';
  return file;
}

/** The places a key appears, most specific first. */
export function whereKeyAppears(key: string, root = process.cwd()): string[] {
  index ??= build(root);
  const [ns, ...rest] = key.split('.');
  const leaf = rest.join('.');
  const files = index.get(ns!) ?? [];
  const naming = files.filter((f) => new RegExp(`['"\`]${leaf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`).test(f.text));
  return [...new Set((naming.length ? naming : files).map((f) => placeOf(f.file)))].sort();
}
