import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTerms } from '@/db/queries/moderation';
import { moderationTerms, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { addModerationTerm } from '@/lib/moderation/add-term';
import { removeModerationTerm } from '@/lib/moderation/remove-term';
import { nameIsAbusive } from '@/lib/moderation/screen';
import { moderationScope } from '@/lib/permissions';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, minutesAfter, type TestDb } from '../helpers/db';

const T0 = CONSULTATION.during;

let t: TestDb;
let nioro: number;
let kayes: number;
let sira: User; // moderator of Nioro du Sahel
let seydou: User; // moderator of Kayes
let kadiatou: User; // region moderator
let admin: User;
let awa: User;
let nioroTopic: number;
let kayesTopic: number;

beforeEach(async () => {
  t = makeTestDb();
  nioro = t.communeId('nioro-du-sahel');
  kayes = t.communeId('kayes');
  sira = await addUser(t, { displayName: 'Sira Camara', grants: [{ role: 'moderator', communeId: nioro }] });
  seydou = await addUser(t, { displayName: 'Seydou Kanté', grants: [{ role: 'moderator', communeId: kayes }] });
  kadiatou = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  admin = await addUser(t, { displayName: 'Admin Baro', grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro });
  const official = await addUser(t, { displayName: 'Bakary Diallo', grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  nioroTopic = addTopic(t, { authorId: official.id, communeId: nioro }).id;
  kayesTopic = addTopic(t, { authorId: official.id, communeId: kayes }).id;
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const add = (u: User, term: string, communeId: number | null, language = 'bm') => addModerationTerm(t.db, as(u), { term, language, communeId: communeId === null ? '' : String(communeId) });
let minute = 0;
const post = (topicId: number, body: string) => createComment(t.db, as(awa), { topicId: String(topicId), stance: 'for', body }, minutesAfter(T0, ++minute * 5));

describe('screening terms follow the moderator’s scope', () => {
  it('a commune moderator adds terms for their commune only; the region’s terms are for region moderators and admins', () => {
    expect(add(sira, 'nyamakala', kayes)).toEqual({ ok: false, error: 'forbidden' });
    expect(add(sira, 'nyamakala', null)).toEqual({ ok: false, error: 'forbidden' });
    expect(add(awa, 'nyamakala', nioro)).toEqual({ ok: false, error: 'forbidden' });
    expect(add(sira, 'nyamakala', 99999)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { communeId: 'communeRequired' } });
    expect(add(sira, 'nyamakala', nioro)).toMatchObject({ ok: true });
    expect(add(kadiatou, 'salopard', null, 'fr')).toMatchObject({ ok: true });
    expect(add(admin, 'bastardo', kayes, 'fr')).toMatchObject({ ok: true });
    expect(t.db.select({ term: moderationTerms.term, communeId: moderationTerms.communeId }).from(moderationTerms).all()).toEqual([
      { term: 'nyamakala', communeId: nioro },
      { term: 'salopard', communeId: null },
      { term: 'bastardo', communeId: kayes },
    ]);
    expect(auditRows(t.db, 'moderation.term_add')).toMatchObject([
      { actorId: sira.id, details: { term: 'nyamakala', communeId: nioro } },
      { actorId: kadiatou.id, details: { term: 'salopard', communeId: null } },
      { actorId: admin.id, details: { term: 'bastardo', communeId: kayes } },
    ]);
  });

  it('a commune’s term refuses that commune’s content only; a region term refuses everywhere, names included', () => {
    expect(add(sira, 'nyamakala', nioro)).toMatchObject({ ok: true });
    expect(add(kadiatou, 'salopard', null, 'fr')).toMatchObject({ ok: true });
    expect(post(nioroTopic, 'espece de nyamakala va')).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(post(kayesTopic, 'le mot nyamakala se dit ici sans injure')).toMatchObject({ ok: true });
    expect(post(kayesTopic, 'espece de salopard')).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    expect(nameIsAbusive(t.db, 'Salopard Diarra')).toBe(true);
    expect(nameIsAbusive(t.db, 'Nyamakala Diarra')).toBe(false);
  });

  it('the same term once per scope', () => {
    expect(add(sira, 'nyamakala', nioro)).toMatchObject({ ok: true });
    expect(add(sira, 'Nyamakala', nioro)).toEqual({ ok: false, error: 'conflict', fieldErrors: { term: 'alreadyListed' } });
    expect(add(seydou, 'nyamakala', kayes)).toMatchObject({ ok: true });
    expect(add(kadiatou, 'nyamakala', null)).toMatchObject({ ok: true });
    expect(add(admin, 'nyamakala', null)).toEqual({ ok: false, error: 'conflict', fieldErrors: { term: 'alreadyListed' } });
  });

  it('one- and two-letter terms and common words are refused', () => {
    for (const term of ['a', 'ko', 'k.o', 'a b']) expect(add(kadiatou, term, null)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { term: 'termTooShort' } });
    for (const term of ['les', 'Pour', 'école', 'femmes', 'forage', 'de la']) expect(add(kadiatou, term, null, 'fr')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { term: 'termTooCommon' } });
    // A phrase with little words in it is fine when one of its words is not common.
    expect(add(kadiatou, 'fils de chien', null, 'fr')).toMatchObject({ ok: true });
    expect(t.db.select().from(moderationTerms).all()).toHaveLength(1);
  });

  it('each moderator lists the region’s terms and their communes’ own', () => {
    add(sira, 'nyamakala', nioro);
    add(seydou, 'jatigiya', kayes);
    add(kadiatou, 'salopard', null, 'fr');
    const terms = (u: User) => listTerms(t.db, moderationScope(as(u))).map((r) => r.term).sort();
    expect(terms(sira)).toEqual(['nyamakala', 'salopard']);
    expect(terms(seydou)).toEqual(['jatigiya', 'salopard']);
    expect(terms(kadiatou)).toEqual(['jatigiya', 'nyamakala', 'salopard']);
    expect(terms(awa)).toEqual([]);
  });
});

describe('terms can be removed, with an audit row', () => {
  it('in the same scope; screening stops using it at once', () => {
    const added = add(sira, 'nyamakala', nioro);
    if (!added.ok) throw new Error('add');
    expect(post(nioroTopic, 'espece de nyamakala va')).toMatchObject({ ok: false, reason: 'screenInsult' });
    const id = String(added.value.id);
    // Another commune's moderator: as if it did not exist. A citizen: the same.
    expect(removeModerationTerm(t.db, as(seydou), { termId: id })).toEqual({ ok: false, error: 'not_found' });
    expect(removeModerationTerm(t.db, as(awa), { termId: id })).toEqual({ ok: false, error: 'not_found' });
    expect(removeModerationTerm(t.db, as(sira), { termId: '99999' })).toEqual({ ok: false, error: 'not_found' });
    expect(removeModerationTerm(t.db, as(sira), { termId: id })).toEqual({ ok: true, value: { id: added.value.id } });
    expect(t.db.select().from(moderationTerms).all()).toEqual([]);
    expect(auditRows(t.db, 'moderation.term_remove')).toMatchObject([
      { actorId: sira.id, subjectType: 'term', subjectId: added.value.id, details: { term: 'nyamakala', language: 'bm', communeId: nioro, addedBy: sira.id } },
    ]);
    expect(post(nioroTopic, 'espece de nyamakala va')).toMatchObject({ ok: true });
  });

  it('a region term is removed by region moderators and admins, not by a commune moderator (who sees it)', () => {
    const added = add(kadiatou, 'salopard', null, 'fr');
    if (!added.ok) throw new Error('add');
    expect(removeModerationTerm(t.db, as(sira), { termId: String(added.value.id) })).toEqual({ ok: false, error: 'forbidden' });
    expect(removeModerationTerm(t.db, as(admin), { termId: String(added.value.id) })).toMatchObject({ ok: true });
  });
});
