import { describe, expect, it } from 'vitest';
import { compileTerms, findMatch, inflections, type TermEntry } from '@/lib/moderation/matcher';
import { foldedWords, scanText } from '@/lib/moderation/normalize';
import { builtInMatcher, listBuiltInTerms, parseWordList, termsAwaitingReview } from '@/lib/moderation/wordlists';

const insult = (pattern: string): TermEntry => ({ pattern, category: 'insult' });
const threat = (pattern: string): TermEntry => ({ pattern, category: 'threat' });
const found = (text: string, ...entries: TermEntry[]) => findMatch(text, compileTerms(entries))?.category ?? null;
const builtIn = (text: string) => findMatch(text, builtInMatcher())?.category ?? null;

describe('normalisation', () => {
  it('folds case, accents, leetspeak, k/q, repeated letters and Bambara letters', () => {
    expect(foldedWords('CONNARD c0nn4rd konnard connnnnard')).toEqual(['conard', 'conard', 'conard', 'conard']);
    expect(foldedWords('Enculée ENCULÉ €NCUL€')).toEqual(['encule', 'encule', 'encule']);
    expect(foldedWords('ɲamɔgɔden nyamogoden')).toEqual(['niamogoden', 'niamogoden']);
  });

  it('leaves numbers alone: "7e année", "21h" and "2026" are not leetspeak', () => {
    expect(foldedWords('la classe de 7e a 21h en 2026')).toEqual(['la', 'clase', 'de', '7e', 'a', '21h', 'en', '2026']);
  });

  it('joins spaced letters, and reads words split by punctuation or masked with "*"', () => {
    expect(foldedWords('s a l o p e')).toEqual(['salope']);
    expect(foldedWords('c_o_n_n_a_r_d')).toEqual(['conard']);
    expect(scanText('con.nard').extra).toContain('conard');
    expect(scanText('à s a l o p e').extra).toContain('salope');
    expect(foldedWords('c*nnard')).toEqual(['c*nard']);
    expect(foldedWords('**bravo** ***')).toEqual(['bravo']);
  });
});

describe('inflections', () => {
  it('a lemma matches its plural, feminine and, for an "-er" verb, its other forms', () => {
    expect(inflections('conard')).toEqual(expect.arrayContaining(['conard', 'conards', 'conarde', 'conardes']));
    expect(inflections('enculer')).toEqual(expect.arrayContaining(['encule', 'encules', 'enculent', 'enculez']));
  });

  it('an abbreviation matches only as written', () => {
    expect(inflections('pd')).toEqual(['pd']);
    expect(inflections('fdp')).toEqual(['fdp']);
  });
});

describe('patterns', () => {
  it('matches whole words only, never inside another word', () => {
    expect(found('les députés doivent venir', insult('pute'))).toBeNull();
    expect(found('une dispute au marché', insult('pute'))).toBeNull();
    expect(found('des putes', insult('pute'))).toBe('insult');
  });

  it('groups, optional words, gaps and negative look-ahead', () => {
    const t = threat('(je vais|on va) ... (te|vous) tuer');
    expect(found('on va te tuer', t)).toBe('threat');
    expect(found('je vais venir vous tuer', t)).toBe('threat');
    expect(found('on va tuer le mouton', t)).toBeNull();
    const die = threat('(tu vas|vous allez) (|tous) mourir !(de|d)');
    expect(found('vous allez tous mourir', die)).toBe('threat');
    expect(found('tu vas mourir de chaud sans chapeau', die)).toBeNull();
  });

  it('"=word" matches only that form', () => {
    const t = threat('tes =mort');
    expect(found('tes mort', t)).toBe('threat');
    expect(found('tes morts', t)).toBeNull();
  });

  it('an allowed phrase sets its words aside, and only those', () => {
    const entries: TermEntry[] = [insult('batard'), { pattern: 'batard de pain', category: 'allow' }];
    expect(found('un bâtard de pain', ...entries)).toBeNull();
    expect(found('un bâtard de pain pour ce bâtard', ...entries)).toBe('insult');
  });

  it('a threat outranks an insult in the same text', () => {
    expect(found('je vais te tuer connard', insult('connard'), threat('je vais te tuer'))).toBe('threat');
  });

  it('the choices of one pattern never lead into another pattern’s words', () => {
    const entries = [threat('(on|je) (va|vais) te tuer'), insult('(on|nous) brule')];
    expect(found('je brule', ...entries)).toBeNull();
    expect(found('nous va te tuer', ...entries)).toBeNull();
    expect(found('on brule', ...entries)).toBe('insult');
  });

  it('moderators’ terms are literal: brackets and bars are not syntax', () => {
    expect(findMatch('un (voyou|bandit)', compileTerms([{ pattern: '(voyou|bandit)', category: 'insult', literal: true }]))?.category).toBe('insult');
    expect(findMatch('un voyou', compileTerms([{ pattern: '(voyou|bandit)', category: 'insult', literal: true }]))).toBeNull();
  });

  it('a malformed pattern in a shipped list fails loudly', () => {
    expect(() => compileTerms([insult('(je|on va tuer')])).toThrow(/unclosed/);
    expect(() => parseWordList('@x = (a|b)\n@y tuer', 'fr')).toThrow(/@y/);
  });
});

describe('the shipped lists', () => {
  it('compile, and hold insults and threats in French, English and Bambara', () => {
    const terms = listBuiltInTerms();
    for (const language of ['fr', 'en', 'bm'] as const) {
      expect(terms.filter((t) => t.language === language && t.category === 'insult').length).toBeGreaterThan(0);
      expect(terms.filter((t) => t.language === language && t.category === 'threat').length).toBeGreaterThan(0);
    }
    expect(builtInMatcher().phrases).toBeGreaterThan(50);
  });

  it('never claim a Bambara term is reviewed: every one of them is "à relire" and listed for the terms page', () => {
    const bambara = listBuiltInTerms().filter((t) => t.language === 'bm');
    expect(bambara.length).toBeGreaterThanOrEqual(5);
    expect(bambara.every((t) => t.needsReview)).toBe(true);
    expect(termsAwaitingReview().filter((t) => t.language === 'bm').map((t) => t.term)).toEqual(bambara.map((t) => t.written));
  });

  it('catch the Bambara threats in standard and informal spelling, and not the words they are made of', () => {
    expect(builtIn('n bɛna i faga')).toBe('threat');
    expect(builtIn('n bena i faga')).toBe('threat');
    expect(builtIn("an b'aw faga")).toBe('threat');
    expect(builtIn('an bɛna i ka so jeni')).toBe('threat');
    expect(builtIn('an bɛna sɔsɔw faga ni fura ye')).toBeNull();
    expect(builtIn('an bɛna nɔgɔw jeni sibiri')).toBeNull();
  });

  it('screen a long text quickly, even one made of the words that start the most patterns, or of masked words', () => {
    // A guard against blow-ups (tens of milliseconds here), with room for a busy machine.
    const hostile = 'on va je vais te vous t tes nique ta sale fils de '.repeat(400); // ~20,000 characters
    const masked = 'b*en a*ez m*rde '.repeat(1250);
    const start = performance.now();
    expect(builtIn(hostile)).toBeNull();
    expect(builtIn(masked)).toBeNull();
    expect(builtIn(`${'b*en '.repeat(500)} c*nnard`)).toBe('insult');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
