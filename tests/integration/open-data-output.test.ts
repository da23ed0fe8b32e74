import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { parseEnv } from '@/lib/env';
import { toCsv, topicExport } from '@/lib/open-data/exports';
import { summaryFeedRss, topicFeedAtom } from '@/lib/open-data/feeds';
import { absoluteUrl } from '@/lib/site-url';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

/**
 * What Baro hands out for other programs: CSV files that a spreadsheet opens without running anything
 * a citizen typed, and links that point to PUBLIC_URL whatever address a request claims to come to.
 */
const SITE = 'https://baro.kayes.ml';
vi.stubEnv('PUBLIC_URL', SITE);

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c === '\r' && text[i + 1] === '\n') continue;
    else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A spreadsheet reads a cell beginning with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

let t: TestDb;
let official: User;
const citizens: User[] = [];
beforeEach(async () => {
  t = makeTestDb();
  official = await addUser(t, { displayName: 'Seydou Traoré', grants: [{ role: 'official', communeId: t.communeId('kayes'), title: 'Maire de Kayes' }] });
  citizens.length = 0;
  for (const name of ['Awa Traoré', 'Moussa Diarra', 'Fanta Sissoko', 'Kadiatou Keïta', 'Oumou Sangaré', 'Bakary Diallo']) {
    citizens.push(await addUser(t, { displayName: name }));
  }
});
afterEach(() => t.cleanup());

describe('the comments CSV', () => {
  it('keeps a comment that starts like a formula as inert text', async () => {
    const topic = addTopic(t, { authorId: official.id });
    const bodies = ['=1+2 voilà mon avis', '+2-1 pour le forage', '-1 contre ce projet', '@SOMME(1;1) pourquoi pas', '\t=1+1 tabulé', '=HYPERLINK("http"&"://x";"cliquez") ici'];
    bodies.forEach((body, i) => {
      const r = createComment(t.db, actorOf(t.db, citizens[i]!.id), { topicId: String(topic.id), stance: 'for', body }, minutesAfter(CONSULTATION.during, i));
      expect(r.ok, JSON.stringify(r)).toBe(true);
    });

    // What /exports/topics/<id>-comments.csv serves (app/exports/topics/[file]/route.ts).
    const file = topicExport({ db: t.db }, `${topic.id}-comments.csv`);
    expect(file?.format).toBe('csv');
    const rows = parseCsv(file!.csv!.replace(/^\uFEFF/, ''));
    const bodyColumn = rows[0]!.indexOf('body');
    const exported = rows.slice(1).map((r) => r[bodyColumn]!);
    expect(exported).toHaveLength(bodies.length);
    for (const cell of rows.flat()) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
    // The text is all there, behind the quote a spreadsheet reads as "this is text".
    expect(exported.sort()).toEqual(bodies.map((b) => `'${b.trim()}`).sort());
  });

  it('neutralises every CSV the same way (toCsv), numbers left as numbers', () => {
    const csv = toCsv([{ label: '=cmd|calc', n: -3, note: '\r=1' }], ['label', 'n', 'note']);
    const [, row] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(row).toEqual(["'=cmd|calc", '-3', "'\r=1"]);
  });
});

describe('absolute links', () => {
  // A forged Host or X-Forwarded-Host sent to the running server: tests/e2e/headers.test.mjs.
  it('in the Atom feed come from PUBLIC_URL', () => {
    addTopic(t, { authorId: official.id, title: 'Un marché couvert pour Kayes' });
    const xml = topicFeedAtom({ db: t.db }, 'all.atom')!;
    const links = [...xml.matchAll(/(?:href="|<id>)([^"<]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link.startsWith(`${SITE}/`), link).toBe(true);
  });

  it('in the podcast of spoken summaries come from PUBLIC_URL', () => {
    const xml = summaryFeedRss({ db: t.db }, 'kayes.rss')!;
    const links = [...xml.matchAll(/(?:href="|<link>)([^"<]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(link.startsWith(`${SITE}/`), link).toBe(true);
  });

  it('are built on a site path only', () => {
    expect(absoluteUrl('/topics/3')).toBe(`${SITE}/topics/3`);
    expect(() => absoluteUrl('//evil.example/x')).toThrow();
    expect(() => absoluteUrl('https://evil.example/')).toThrow();
    expect(() => absoluteUrl('/\\evil.example')).toThrow();
  });
});

describe('PUBLIC_URL', () => {
  const base = { AUTH_SECRET: 'x'.repeat(32) };
  it('is required in production', () => {
    expect(() => parseEnv({ ...base, NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required in production/);
    expect(parseEnv({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://baro.kayes.ml/' }).PUBLIC_URL).toBe('https://baro.kayes.ml');
  });

  it('defaults to this machine outside production (npm start, dev and the test scripts set it the same way)', () => {
    expect(parseEnv({ ...base, NODE_ENV: 'development', PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(parseEnv({ ...base, NODE_ENV: 'test', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('is an origin: no path, query, credentials, or other scheme', () => {
    for (const bad of ['baro.kayes.ml', 'ftp://baro.kayes.ml', 'https://baro.kayes.ml/app', 'https://a:b@baro.kayes.ml', 'https://baro.kayes.ml/?x=1', 'javascript:alert(1)']) {
      expect(() => parseEnv({ ...base, NODE_ENV: 'production', PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });
});
