import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@/lib/moderation/screen';
import { makeTestDb, type TestDb } from '../helpers/db';

/**
 * The labelled corpus in tests/fixtures/screening-corpus.tsv, screened as a citizen's comment.
 * insult = rejected as an insult; threat = held for a moderator as a threat; fine = published as written.
 */
const LABELS = ['insult', 'threat', 'fine'] as const;
type Label = (typeof LABELS)[number];
type Line = { label: Label; text: string; line: number };

const CORPUS = path.join(import.meta.dirname, '..', 'fixtures', 'screening-corpus.tsv');

function readCorpus(): Line[] {
  return fs
    .readFileSync(CORPUS, 'utf8')
    .split(/\r?\n/)
    .flatMap((raw, i) => {
      if (!raw.trim() || raw.startsWith('#')) return [];
      const [label, text, ...rest] = raw.split('\t');
      if (!LABELS.includes(label as Label) || !text || rest.length) throw new Error(`screening-corpus.tsv line ${i + 1} is not "label<TAB>text": ${raw}`);
      return [{ label: label as Label, text, line: i + 1 }];
    });
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe('the screening corpus', () => {
  let t: TestDb;
  const corpus = readCorpus();
  const predicted = new Map<Line, Label | 'other'>();

  beforeAll(() => {
    t = makeTestDb();
    for (const l of corpus) {
      const v = screen(t.db, { kind: 'comment', authorId: 1, text: l.text, trusted: false });
      const p = v.action === 'publish' ? 'fine' : v.action === 'reject' && v.reason === 'screenInsult' ? 'insult' : v.action === 'hold' && v.reason === 'threat' ? 'threat' : 'other';
      predicted.set(l, p);
    }
    const rows = LABELS.map((label) => {
      const truth = corpus.filter((l) => l.label === label);
      const hits = truth.filter((l) => predicted.get(l) === label).length;
      const said = corpus.filter((l) => predicted.get(l) === label).length;
      return `${label.padEnd(7)} lines ${String(truth.length).padStart(4)}   precision ${(said ? pct(hits / said) : 'n/a').padStart(7)}   recall ${pct(hits / truth.length).padStart(7)}`;
    });
    const misses = corpus.filter((l) => predicted.get(l) !== l.label).map((l) => `  line ${l.line}: ${l.label} → ${predicted.get(l)}: ${l.text}`);
    console.log(['Screening corpus', ...rows, ...(misses.length ? ['Misclassified:', ...misses] : ['Misclassified: none'])].join('\n'));
  });
  afterAll(() => t.cleanup());

  const recall = (label: Label) => {
    const truth = corpus.filter((l) => l.label === label);
    return truth.filter((l) => predicted.get(l) === label).length / truth.length;
  };

  it('has at least 300 distinct lines, with every label and Bambara among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((l) => l.text)).size).toBe(corpus.length);
    for (const label of LABELS) expect(corpus.filter((l) => l.label === label).length).toBeGreaterThanOrEqual(50);
    expect(corpus.filter((l) => /[ɛɔɲ]/.test(l.text)).length).toBeGreaterThanOrEqual(30);
  });

  it('catches at least 95 % of the insults', () => {
    expect(recall('insult')).toBeGreaterThanOrEqual(0.95);
  });

  it('holds at least 95 % of the threats for a moderator', () => {
    expect(recall('threat')).toBeGreaterThanOrEqual(0.95);
  });

  it('publishes at least 99 % of the fine lines as written', () => {
    expect(recall('fine')).toBeGreaterThanOrEqual(0.99);
  });
});
