import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { openDatabase } from '@/db/client';
import { translationProposals, type User } from '@/db/schema';
import { SOURCE } from '@/lib/translations/catalog';
import { translationCoverage } from '@/lib/translations/coverage';
import { BM_CORE_DRAFT, CORE_KEYS, seedMachineDrafts } from '@/lib/translations/drafts';
import { exportTranslations, importTranslations } from '@/lib/translations/import-export';
import { liveMessages, VERSION_CHECK_MS } from '@/lib/translations/live';
import { proposeTranslation } from '@/lib/translations/propose';
import { reviewTranslation } from '@/lib/translations/review';
import { revertTranslation } from '@/lib/translations/revert';
import { translationProblem } from '@/lib/translations/icu';
import type { ViewContext } from '@/lib/view-context';
import { composeTestMessage } from '@/lib/messaging/templates';
import fr from '@/messages/fr.json';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let fanta: User;
let sira: User;
let admin: User;
let awa: User;
beforeEach(async () => {
  t = makeTestDb();
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }, { role: 'translator' }] });
  sira = await addUser(t, { displayName: 'Sira Camara', grants: [{ role: 'moderator', communeId: t.communeId('nioro-du-sahel') }, { role: 'translator' }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
});
afterEach(() => t.cleanup());

const NOW = new Date('2027-03-10T10:00:00.000Z');
const as = (u: User): ViewContext => ({ db: t.db, actor: actorOf(t.db, u.id), now: NOW });
const home = async (db = t.db, now = Date.now()) => (await liveMessages(db, 'bm', now)).Nav.home;

function propose(u: User, key: string, text: string) {
  const r = proposeTranslation(as(u), { locale: 'bm', key, text });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.proposalId;
}

describe('propose → approve by another person → live without a rebuild → revert', () => {
  it('a facilitator proposes, another translator approves: /bm shows it at once; reverting brings French back', async () => {
    expect(await home()).toBe('Accueil');
    const id = propose(fanta, 'Nav.home', 'Daminɛ');
    // Proposed is not shown.
    expect(await home()).toBe('Accueil');

    const r = reviewTranslation(as(sira), { proposalId: String(id), verdict: 'approve' });
    expect(r).toEqual({ ok: true, value: { live: true, rejected: false, approvals: 1, needed: 1 } });
    expect(await home()).toBe('Daminɛ');
    expect(auditRows(t.db, 'translation.propose')).toHaveLength(1);
    expect(auditRows(t.db, 'translation.approve')[0]).toMatchObject({ actorId: sira.id, subjectId: id, details: { locale: 'bm', key: 'Nav.home' } });

    // A better text replaces it; reverting the new one brings the first back, reverting that brings French.
    const better = propose(sira, 'Nav.home', 'So');
    expect(reviewTranslation(as(fanta), { proposalId: String(better), verdict: 'approve' }).ok).toBe(true);
    expect(await home()).toBe('So');
    expect(revertTranslation(as(fanta), { proposalId: String(better) })).toEqual({ ok: true, value: { restoredId: id } });
    expect(await home()).toBe('Daminɛ');
    expect(revertTranslation(as(sira), { proposalId: String(id) })).toEqual({ ok: true, value: { restoredId: null } });
    expect(await home()).toBe('Accueil');
    expect(t.db.select().from(translationProposals).all().map((p) => p.state)).toEqual(['reverted', 'reverted']);
    expect(auditRows(t.db, 'translation.revert')).toHaveLength(2);
  });

  it('a single person cannot approve their own proposal, even an admin', async () => {
    const id = propose(fanta, 'Nav.home', 'Daminɛ');
    expect(reviewTranslation(as(fanta), { proposalId: String(id), verdict: 'approve' })).toEqual({ ok: false, error: 'forbidden' });
    const mine = propose(admin, 'Nav.login', 'Don');
    expect(reviewTranslation(as(admin), { proposalId: String(mine), verdict: 'approve' })).toEqual({ ok: false, error: 'forbidden' });
    expect(await home()).toBe('Accueil');
    expect(t.db.select().from(translationProposals).all().every((p) => p.state === 'proposed')).toBe(true);
  });

  it('a machine draft needs two people: one approval is not enough, and the same person cannot approve twice', async () => {
    seedMachineDrafts(t.db, 'bm', { 'Nav.home': 'Daminɛ' });
    const draft = t.db.select().from(translationProposals).get()!;
    expect(draft).toMatchObject({ origin: 'machine', proposedBy: null, state: 'proposed' });
    expect(reviewTranslation(as(fanta), { proposalId: String(draft.id), verdict: 'approve' })).toEqual({ ok: true, value: { live: false, rejected: false, approvals: 1, needed: 2 } });
    expect(await home()).toBe('Accueil');
    expect(reviewTranslation(as(fanta), { proposalId: String(draft.id), verdict: 'approve' })).toEqual({ ok: false, error: 'conflict', fieldErrors: { _form: 'translationAlreadyReviewed' } });
    expect(reviewTranslation(as(sira), { proposalId: String(draft.id), verdict: 'approve' })).toMatchObject({ ok: true, value: { live: true, approvals: 2 } });
    expect(await home()).toBe('Daminɛ');
  });

  it('people without the translator grant can neither propose nor review; a refusal closes the proposal', () => {
    expect(proposeTranslation(as(awa), { locale: 'bm', key: 'Nav.home', text: 'Daminɛ' })).toEqual({ ok: false, error: 'forbidden' });
    const id = propose(fanta, 'Nav.home', 'Daminɛ');
    expect(reviewTranslation(as(awa), { proposalId: String(id), verdict: 'approve' })).toEqual({ ok: false, error: 'forbidden' });
    expect(reviewTranslation(as(sira), { proposalId: String(id), verdict: 'reject', note: 'Trop vague' })).toMatchObject({ ok: true, value: { rejected: true } });
    expect(reviewTranslation(as(admin), { proposalId: String(id), verdict: 'approve' })).toEqual({ ok: false, error: 'conflict', fieldErrors: { _form: 'translationNotPending' } });
    expect(revertTranslation(as(admin), { proposalId: String(id) })).toEqual({ ok: false, error: 'conflict', fieldErrors: { _form: 'translationNotLive' } });
  });

  it('refuses a text that loses or renames a placeholder, or is not a valid message; unknown keys are not found', () => {
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.signedInAs', text: 'I donna' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { text: 'translationPlaceholders' } });
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.signedInAs', text: 'I donna: {tɔgɔ}' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { text: 'translationPlaceholders' } });
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.signedInAs', text: 'I donna: {name' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { text: 'translationSyntax' } });
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.nope', text: 'x' })).toEqual({ ok: false, error: 'not_found' });
    expect(proposeTranslation(as(fanta), { locale: 'fr', key: 'Nav.home', text: 'x' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.home', text: '   ' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { text: 'required' } });
    expect(proposeTranslation(as(fanta), { locale: 'bm', key: 'Nav.home', text: 'x', extra: 1 })).toMatchObject({ ok: false, error: 'invalid' });
    expect(propose(fanta, 'Nav.signedInAs', 'I donna: {name}')).toBeGreaterThan(0);
    expect(proposeTranslation(as(sira), { locale: 'bm', key: 'Nav.signedInAs', text: 'I donna: {name}' })).toEqual({ ok: false, error: 'conflict', fieldErrors: { text: 'translationAlreadyProposed' } });
  });
});

describe('the messages readers get', () => {
  it('fall back to French key by key: approved keys in Bambara, every other key in French, plurals per Bambara', async () => {
    for (const [key, text] of [['Nav.home', 'Daminɛ'], ['Topics.count', '{count, plural, =0 {Barokun si tɛ} other {Barokun #}}']] as const) {
      const id = propose(fanta, key, text);
      reviewTranslation(as(sira), { proposalId: String(id), verdict: 'approve' });
    }
    const messages = await liveMessages(t.db, 'bm');
    expect(messages.Nav.home).toBe('Daminɛ');
    expect(messages.Nav.login).toBe(fr.Nav.login);
    expect(messages.Topic.vote).toBe(fr.Topic.vote);
    const tr = createTranslator({ locale: 'bm', messages });
    expect(tr('Topics.count', { count: 0 })).toBe('Barokun si tɛ');
    expect(tr('Topics.count', { count: 1 })).toBe('Barokun 1');
    // Soninke has nothing approved: all French.
    expect((await liveMessages(t.db, 'snk')).Nav.home).toBe('Accueil');
  });

  it('SMS and e-mails are written in the person’s language with what was approved, French for the rest', async () => {
    const sms = async () => (await composeTestMessage({ channel: 'sms', to: '76123401', language: 'bm' }, t.db)).text;
    expect(await sms()).toBe(fr.Messaging.testSms);
    const id = propose(fanta, 'Messaging.testSms', 'Baro: nin ye bataki kɔrɔbɔli ye.');
    reviewTranslation(as(sira), { proposalId: String(id), verdict: 'approve' });
    expect(await sms()).toBe('Baro: nin ye bataki kɔrɔbɔli ye.');
    const email = await composeTestMessage({ channel: 'email', to: 'a@b.ml', language: 'bm' }, t.db);
    expect(email.subject).toBe(fr.Messaging.testSubject);
  });

  it('without a migrated database (a build on a fresh clone), readers get the files and French, no error', async () => {
    const empty = openDatabase(`${t.file}-empty.db`);
    try {
      expect((await liveMessages(empty, 'bm')).Nav.home).toBe('Accueil');
    } finally {
      empty.$client.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${t.file}-empty.db${suffix}`, { force: true });
    }
  });

  it('another process sees an approval within a second (the version in the database), not before', async () => {
    const other = openDatabase(t.file); // a second connection: another `next start` process
    try {
      const start = 1_000_000;
      expect(await home(other, start)).toBe('Accueil');
      const id = propose(fanta, 'Nav.home', 'Daminɛ');
      reviewTranslation(as(sira), { proposalId: String(id), verdict: 'approve' });
      expect(await home(other, start + VERSION_CHECK_MS / 2)).toBe('Accueil');
      expect(await home(other, start + VERSION_CHECK_MS)).toBe('Daminɛ');
    } finally {
      other.$client.close();
    }
  });
});

describe('import, export and coverage', () => {
  it('an import makes proposals, never live texts; the export holds what is live, in next-intl’s shape', async () => {
    const file = JSON.stringify({ Nav: { home: 'Daminɛ', login: 'Don', signedInAs: 'I donna' }, Nope: { x: 'y' }, 'Common.yes': 'Ɔwɔ' });
    const r = importTranslations(as(fanta), { locale: 'bm', origin: 'person', provenance: 'Association Jèkafo', file });
    expect(r).toEqual({ ok: true, value: { proposed: 3, unchanged: 0, unknownKeys: ['Nope.x'], refused: ['Nav.signedInAs'] } });
    expect(await home()).toBe('Accueil');
    expect(importTranslations(as(sira), { locale: 'bm', origin: 'person', provenance: 'again', file }).ok && true).toBe(true);
    expect(t.db.select().from(translationProposals).all()).toHaveLength(3);
    const ids = t.db.select().from(translationProposals).all().map((p) => p.id);
    for (const id of ids) reviewTranslation(as(sira), { proposalId: String(id), verdict: 'approve' });
    expect(exportTranslations(as(fanta), 'bm')).toEqual({ Common: { yes: 'Ɔwɔ' }, Nav: { home: 'Daminɛ', login: 'Don' } });
    expect(importTranslations(as(fanta), { locale: 'bm', origin: 'person', provenance: 'x', file: 'not json' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { file: 'translationFileNotJson' } });
    expect(importTranslations(as(awa), { locale: 'bm', origin: 'person', provenance: 'x', file })).toEqual({ ok: false, error: 'forbidden' });
  });

  it('coverage counts approved texts per language and what waits for review', () => {
    seedMachineDrafts(t.db, 'bm', BM_CORE_DRAFT);
    const before = translationCoverage(t.db, 'bm');
    expect(before).toMatchObject({ locale: 'bm', total: SOURCE.size, inFile: 0, approvedInApp: 0, translated: 0, awaitingReview: CORE_KEYS.size });
    const drafts = t.db.select().from(translationProposals).limit(3).all();
    for (const d of drafts) for (const who of [fanta, sira]) reviewTranslation(as(who), { proposalId: String(d.id), verdict: 'approve' });
    const after = translationCoverage(t.db, 'bm');
    expect(after).toMatchObject({ approvedInApp: 3, translated: 3, awaitingReview: CORE_KEYS.size - 3 });
    expect(after.percent).toBeCloseTo((300 / SOURCE.size), 6);
    expect(translationCoverage(t.db, 'fr')).toMatchObject({ translated: SOURCE.size, percent: 100 });
    expect(translationCoverage(t.db, 'ff')).toMatchObject({ translated: 0, awaitingReview: 0 });
  });
});

describe('the Bambara draft of the core path', () => {
  it('about 150+ strings, every one a valid message with French’s placeholders, in standard orthography', () => {
    expect(CORE_KEYS.size).toBeGreaterThanOrEqual(150);
    const problems = Object.entries(BM_CORE_DRAFT).filter(([k, v]) => !SOURCE.has(k) || translationProblem(SOURCE.get(k)!, v) !== null);
    expect(problems).toEqual([]);
    // Standard orthography: ɛ and ɔ, not the older è / ò.
    expect(Object.values(BM_CORE_DRAFT).filter((v) => /[èò]/i.test(v))).toEqual([]);
  });

  it('is seeded as proposals marked as a machine draft, never as live texts, and seeding twice adds nothing', async () => {
    expect(seedMachineDrafts(t.db, 'bm', BM_CORE_DRAFT)).toBe(CORE_KEYS.size);
    expect(seedMachineDrafts(t.db, 'bm', BM_CORE_DRAFT)).toBe(0);
    const rows = t.db.select().from(translationProposals).all();
    expect(rows.every((r) => r.state === 'proposed' && r.origin === 'machine' && /machine draft.*not reviewed.*à relire/.test(r.provenance))).toBe(true);
    expect(await home()).toBe('Accueil');
  });
});
