import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { listTopics, type TopicFilters } from '@/lib/topics/queries';
import { PHASES, topicPhaseChanges, topicRevisions, topics, type Phase, type User } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { changeTopicPhase } from '@/lib/topics/change-phase';
import { closeExpiredTopics } from '@/lib/topics/close-expired';
import { createTopic } from '@/lib/topics/create-topic';
import { effectivePhase, PHASE_TRANSITIONS } from '@/lib/topics/phases';
import { updateTopic } from '@/lib/topics/update-topic';
import { castVote } from '@/lib/votes/cast-vote';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, topicForm, type TestDb } from '../helpers/db';

const DECISION = 'Le conseil communal a retenu le forage solaire, financé à 60 % par la commune.';

let t: TestDb;
let kayes: number;
let nioro: number;
let mariam: User; // official of Kayes
let bakary: User; // official of Nioro du Sahel
let awa: User; // citizen of Kayes
let admin: User;
beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Cheffe du service de l’hydraulique' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro du Sahel' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
  admin = await addUser(t, { displayName: 'Administration Baro', grants: [{ role: 'admin' }] });
});
afterEach(() => t.cleanup());

const as = (u: User) => actorOf(t.db, u.id);
const topicRow = (id: number) => t.db.select().from(topics).where(eq(topics.id, id)).get()!;
const topicCount = () => t.db.select({ n: count() }).from(topics).get()?.n ?? 0;
const timeline = (id: number) =>
  t.db.select().from(topicPhaseChanges).where(eq(topicPhaseChanges.topicId, id)).orderBy(asc(topicPhaseChanges.id)).all();

/** The edit form of a topic: the same fields as the draft form, without the commune. */
function editForm(topicId: number, fields: Record<string, string> = {}) {
  const form = topicForm(kayes, fields);
  delete form.communeId;
  return { ...form, topicId: String(topicId) };
}

function draftAs(u: User, fields: Record<string, string> = {}) {
  const r = createTopic(t.db, as(u), topicForm(kayes, fields));
  if (!r.ok) throw new Error(`createTopic failed: ${JSON.stringify(r)}`);
  return r.value.topicId;
}

describe('drafting a topic', () => {
  it('an official drafts a topic for their commune: a draft, with its first timeline entry and an audit row', () => {
    const r = createTopic(t.db, as(mariam), topicForm(kayes, { location: ' Quartier Plateau ', sector: 'water' }));
    expect(r).toMatchObject({ ok: true, value: { held: false } });
    if (!r.ok) return;
    expect(topicRow(r.value.topicId)).toMatchObject({
      communeId: kayes,
      authorId: mariam.id,
      title: 'Nouveau forage au quartier Plateau',
      sector: 'water',
      location: 'Quartier Plateau',
      opensAt: '2027-03-01T09:00:00.000Z',
      closesAt: '2027-03-31T18:00:00.000Z',
      phase: 'draft',
      pollOptions: null,
      visibility: 'visible',
      commentCount: 0,
      voteCount: 0,
    });
    expect(timeline(r.value.topicId)).toMatchObject([{ actorId: mariam.id, fromPhase: null, toPhase: 'draft' }]);
    expect(auditRows(t.db, 'topic.create')).toMatchObject([{ actorId: mariam.id, subjectType: 'topic', subjectId: r.value.topicId }]);
  });

  it('an official cannot draft for another commune, and a citizen or a visitor cannot draft at all', () => {
    expect(createTopic(t.db, as(bakary), topicForm(kayes))).toEqual({ ok: false, error: 'forbidden' });
    expect(createTopic(t.db, as(awa), topicForm(kayes))).toEqual({ ok: false, error: 'forbidden' });
    expect(createTopic(t.db, null, topicForm(kayes))).toEqual({ ok: false, error: 'forbidden' });
    expect(topicCount()).toBe(0);
    expect(auditRows(t.db, 'topic.create')).toEqual([]);
  });

  it('an admin may draft for any commune', () => {
    expect(createTopic(t.db, as(admin), topicForm(nioro))).toMatchObject({ ok: true });
  });

  it('a summary of more than 280 characters is too long; 280 is fine', () => {
    expect(createTopic(t.db, as(mariam), topicForm(kayes, { summary: 'a'.repeat(281) }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { summary: 'tooLong' },
    });
    expect(topicCount()).toBe(0);
    expect(createTopic(t.db, as(mariam), topicForm(kayes, { summary: 'b'.repeat(280) }))).toMatchObject({ ok: true });
  });

  it('a consultation cannot close before (or when) it opens', () => {
    const before = createTopic(t.db, as(mariam), topicForm(kayes, { opensAt: '2027-03-10T09:00', closesAt: '2027-03-01T18:00' }));
    expect(before).toEqual({ ok: false, error: 'invalid', fieldErrors: { closesAt: 'closesBeforeOpens' } });
    const same = createTopic(t.db, as(mariam), topicForm(kayes, { opensAt: '2027-03-10T09:00', closesAt: '2027-03-10T09:00' }));
    expect(same).toEqual({ ok: false, error: 'invalid', fieldErrors: { closesAt: 'closesBeforeOpens' } });
    expect(createTopic(t.db, as(mariam), topicForm(kayes, { closesAt: 'bientôt' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { closesAt: 'dateInvalid' },
    });
    expect(topicCount()).toBe(0);
  });

  it('a poll has 2 to 8 options, one per line; 1 or 9 options are refused', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => `Site numéro ${i + 1}`).join('\r\n');
    for (const n of [1, 9]) {
      expect(createTopic(t.db, as(mariam), topicForm(kayes, { pollOptions: options(n) }))).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { pollOptions: 'pollOptionsRange' },
      });
    }
    expect(topicCount()).toBe(0);
    const two = draftAs(mariam, { pollOptions: ' Près du marché \n\n Près de l’école ' });
    expect(topicRow(two).pollOptions).toEqual(['Près du marché', 'Près de l’école']);
    const eight = draftAs(mariam, { title: 'Choix du site du marché', pollOptions: options(8) });
    expect(topicRow(eight).pollOptions).toHaveLength(8);
  });

  it('a form cannot slip in a phase or an author: unknown fields are refused', () => {
    expect(createTopic(t.db, as(mariam), { ...topicForm(kayes), phase: 'open' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: 'unknownField' },
    });
    expect(topicCount()).toBe(0);
  });

  it('an official who sends the same topic twice (a double tap on a slow connection) is told it is a duplicate', () => {
    draftAs(mariam);
    expect(createTopic(t.db, as(mariam), topicForm(kayes))).toEqual({ ok: false, error: 'rejected', reason: 'screenDuplicate' });
    expect(topicCount()).toBe(1);
  });
});

describe('editing a topic', () => {
  it('each edit keeps the previous text as a revision, so nobody can quietly rewrite a consultation', () => {
    const id = draftAs(mariam);
    const first = updateTopic(
      t.db,
      as(mariam),
      editForm(id, { title: 'Forage solaire au quartier Plateau', body: 'Version corrigée : le forage coûterait 10 millions de FCFA.' }),
    );
    expect(first).toEqual({ ok: true, value: { topicId: id } });
    const second = updateTopic(
      t.db,
      as(mariam),
      editForm(id, { title: 'Forage solaire au Plateau', body: 'Troisième version du texte, avec le plan du site.' }),
    );
    expect(second.ok).toBe(true);

    expect(topicRow(id)).toMatchObject({ title: 'Forage solaire au Plateau', body: 'Troisième version du texte, avec le plan du site.' });
    const revisions = t.db.select().from(topicRevisions).where(eq(topicRevisions.topicId, id)).orderBy(asc(topicRevisions.id)).all();
    expect(revisions).toMatchObject([
      {
        editorId: mariam.id,
        title: 'Nouveau forage au quartier Plateau',
        body: 'Le quartier Plateau n’a qu’un puits, à sec trois mois par an. Le forage coûterait 12 millions de FCFA.',
      },
      { editorId: mariam.id, title: 'Forage solaire au quartier Plateau', body: 'Version corrigée : le forage coûterait 10 millions de FCFA.' },
    ]);
    expect(auditRows(t.db, 'topic.update')).toHaveLength(2);
  });

  it('an official of another commune cannot edit, and nothing is recorded', () => {
    const id = draftAs(mariam);
    expect(updateTopic(t.db, as(bakary), editForm(id, { title: 'Titre réécrit par Nioro' }))).toEqual({ ok: false, error: 'forbidden' });
    expect(topicRow(id).title).toBe('Nouveau forage au quartier Plateau');
    expect(t.db.select().from(topicRevisions).all()).toEqual([]);
  });

  it('the poll options cannot change once someone has voted', () => {
    const id = draftAs(mariam, { pollOptions: 'Près du marché\nPrès de l’école' });
    t.db.update(topics).set({ phase: 'open' }).where(eq(topics.id, id)).run();
    expect(castVote(t.db, as(awa), { topicId: String(id), choice: 'option:1' }, CONSULTATION.during)).toMatchObject({ ok: true });
    expect(updateTopic(t.db, as(mariam), editForm(id, { pollOptions: 'Près du marché\nPrès de la mosquée' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { pollOptions: 'pollLocked' },
    });
    expect(topicRow(id).pollOptions).toEqual(['Près du marché', 'Près de l’école']);
  });
});

describe('moving a topic through its phases', () => {
  /** Written out by hand: the moves an official may make. */
  const ALLOWED: Record<Phase, Phase[]> = {
    draft: ['information', 'open'],
    information: ['draft', 'open'],
    open: ['deliberation'],
    deliberation: ['open', 'decided'],
    decided: ['archived'],
    archived: [],
  };

  it('the phase rules are the ones agreed', () => {
    expect(PHASE_TRANSITIONS).toEqual(ALLOWED);
  });

  const pairs = PHASES.flatMap((from) =>
    PHASES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to), verb: ALLOWED[from].includes(to) ? 'may' : 'may not' })),
  );

  it.each(pairs)('an official $verb move a topic from $from to $to', ({ from, to, allowed }) => {
    const topic = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: from });
    const r = changeTopicPhase(t.db, as(mariam), { topicId: String(topic.id), phase: to, decision: DECISION }, CONSULTATION.during);
    if (allowed) {
      expect(r).toEqual({ ok: true, value: { phase: to, topicId: expect.any(Number) } });
      expect(topicRow(topic.id).phase).toBe(to);
      expect(timeline(topic.id)).toMatchObject([{ actorId: mariam.id, fromPhase: from, toPhase: to }]);
    } else {
      expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { phase: 'phaseNotAllowed' } });
      expect(topicRow(topic.id).phase).toBe(from);
      expect(timeline(topic.id)).toEqual([]);
    }
  });

  it('a draft cannot jump to decided, and an open consultation cannot be archived', () => {
    const draft = draftAs(mariam);
    const open = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    expect(changeTopicPhase(t.db, as(mariam), { topicId: draft, phase: 'decided', decision: DECISION }, CONSULTATION.during)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phase: 'phaseNotAllowed' },
    });
    expect(changeTopicPhase(t.db, as(mariam), { topicId: open, phase: 'archived' }, CONSULTATION.during)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phase: 'phaseNotAllowed' },
    });
  });

  it('deciding needs a decision text of at least 30 characters', () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'deliberation' }).id;
    const decide = (decision?: string) =>
      changeTopicPhase(t.db, as(mariam), { topicId: String(id), phase: 'decided', ...(decision === undefined ? {} : { decision }) }, CONSULTATION.after);
    const required = { ok: false, error: 'invalid', fieldErrors: { decision: 'decisionRequired' } };
    expect(decide()).toEqual(required);
    expect(decide('')).toEqual(required);
    expect(decide('Accepté.')).toEqual(required);
    expect(decide(`   ${'x'.repeat(29)}   `)).toEqual(required);
    expect(topicRow(id)).toMatchObject({ phase: 'deliberation', decision: null, decidedAt: null });

    expect(decide(DECISION)).toEqual({ ok: true, value: { phase: 'decided', topicId: expect.any(Number) } });
    expect(topicRow(id)).toMatchObject({ phase: 'decided', decision: DECISION, decidedAt: CONSULTATION.after.toISOString() });
    expect(auditRows(t.db, 'topic.decide')).toMatchObject([{ actorId: mariam.id, subjectId: id, details: { from: 'deliberation', to: 'decided' } }]);
  });

  it('only the commune’s officials and admins move a topic', () => {
    const id = draftAs(mariam);
    const move = (actor: Actor | null) => changeTopicPhase(t.db, actor, { topicId: String(id), phase: 'information' }, CONSULTATION.during);
    expect(move(as(awa))).toEqual({ ok: false, error: 'forbidden' });
    expect(move(as(bakary))).toEqual({ ok: false, error: 'forbidden' });
    expect(move(null)).toEqual({ ok: false, error: 'forbidden' });
    expect(topicRow(id).phase).toBe('draft');
    expect(move(as(admin))).toEqual({ ok: true, value: { phase: 'information', topicId: expect.any(Number) } });
  });

  it('a consultation cannot be reopened once its close date has passed', () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'deliberation' }).id;
    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(id), phase: 'open' }, CONSULTATION.after)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { phase: 'closeDatePassed' },
    });
    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(id), phase: 'open' }, CONSULTATION.during)).toMatchObject({ ok: true });
  });

  it('a missing topic is not found', () => {
    expect(changeTopicPhase(t.db, as(mariam), { topicId: '9999', phase: 'open' }, CONSULTATION.during)).toEqual({ ok: false, error: 'not_found' });
  });
});

describe('closing at the close date', () => {
  it('the sweep closes an open consultation past its close date, on behalf of nobody, and leaves the others', () => {
    const due = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const later = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open', closesAt: '2027-05-31T18:00:00.000Z' }).id;
    const draft = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'draft' }).id;

    expect(closeExpiredTopics(t.db, CONSULTATION.after)).toBe(1);
    expect(topicRow(due).phase).toBe('deliberation');
    expect(timeline(due)).toMatchObject([{ actorId: null, fromPhase: 'open', toPhase: 'deliberation', createdAt: '2027-03-31T18:00:00.000Z' }]);
    expect(auditRows(t.db, 'topic.auto_close')).toMatchObject([{ actorId: null, subjectType: 'topic', subjectId: due }]);
    expect(topicRow(later).phase).toBe('open');
    expect(topicRow(draft).phase).toBe('draft');

    expect(closeExpiredTopics(t.db, CONSULTATION.after)).toBe(0);
    expect(timeline(due)).toHaveLength(1);
  });

  it('readers see a consultation closed from its close date on, even before the sweep has run', () => {
    const topic = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' });
    expect(effectivePhase(topic, CONSULTATION.during)).toBe('open');
    expect(effectivePhase(topic, new Date('2027-03-31T17:59:59.999Z'))).toBe('open');
    expect(effectivePhase(topic, new Date('2027-03-31T18:00:00.000Z'))).toBe('deliberation');
    expect(effectivePhase(topic, CONSULTATION.after)).toBe('deliberation');
    expect(effectivePhase({ phase: 'draft', closesAt: topic.closesAt }, CONSULTATION.after)).toBe('draft');
    expect(topicRow(topic.id).phase).toBe('open');

    const closed = listTopics(t.db, null, filters({ phase: 'deliberation' }), CONSULTATION.after);
    expect(closed.rows).toMatchObject([{ id: topic.id, phase: 'deliberation' }]);
    expect(listTopics(t.db, null, filters({ phase: 'open' }), CONSULTATION.after).total).toBe(0);
  });

  it('deciding a consultation the sweep has not reached yet first records its automatic close', () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    expect(changeTopicPhase(t.db, as(mariam), { topicId: String(id), phase: 'decided', decision: DECISION }, CONSULTATION.after)).toEqual({
      ok: true,
      value: { phase: 'decided', topicId: id },
    });
    expect(timeline(id)).toMatchObject([
      { actorId: null, fromPhase: 'open', toPhase: 'deliberation', createdAt: '2027-03-31T18:00:00.000Z' },
      { actorId: mariam.id, fromPhase: 'deliberation', toPhase: 'decided', createdAt: CONSULTATION.after.toISOString() },
    ]);
  });
});

function filters(f: Partial<TopicFilters> = {}): TopicFilters {
  return { sort: 'newest', page: 1, ...f };
}

describe('listing topics', () => {
  const ids = (r: { rows: { id: number }[] }) => r.rows.map((row) => row.id);

  it('a draft is listed for its commune’s officials and admins, never for citizens, visitors or other communes’ officials', () => {
    const published = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const draft = draftAs(mariam);
    const seenBy = (actor: Actor | null) => ids(listTopics(t.db, actor, filters(), CONSULTATION.during)).sort();

    expect(seenBy(null)).toEqual([published]);
    expect(seenBy(as(awa))).toEqual([published]);
    expect(seenBy(as(bakary))).toEqual([published]);
    expect(seenBy(as(mariam))).toEqual([published, draft].sort());
    expect(seenBy(as(admin))).toEqual([published, draft].sort());
  });

  it('a held topic is listed only for its commune’s officials', () => {
    const held = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open', visibility: 'held' }).id;
    expect(ids(listTopics(t.db, as(awa), filters(), CONSULTATION.during))).toEqual([]);
    expect(ids(listTopics(t.db, as(mariam), filters(), CONSULTATION.during))).toEqual([held]);
  });

  it('filters by commune, sector and phase', () => {
    const kWater = addTopic(t, { authorId: mariam.id, communeId: kayes, sector: 'water', phase: 'open' }).id;
    const kHealth = addTopic(t, { authorId: mariam.id, communeId: kayes, sector: 'health', phase: 'decided' }).id;
    const nWater = addTopic(t, { authorId: bakary.id, communeId: nioro, sector: 'water', phase: 'open' }).id;
    const nRoads = addTopic(t, { authorId: bakary.id, communeId: nioro, sector: 'roads', phase: 'information' }).id;

    const list = (f: Partial<TopicFilters>) => ids(listTopics(t.db, null, filters(f), CONSULTATION.during)).sort((a, b) => a - b);
    expect(list({ communeId: kayes })).toEqual([kWater, kHealth]);
    expect(list({ communeId: nioro })).toEqual([nWater, nRoads]);
    expect(list({ sector: 'water' })).toEqual([kWater, nWater]);
    expect(list({ phase: 'open' })).toEqual([kWater, nWater]);
    expect(list({ phase: 'decided' })).toEqual([kHealth]);
    expect(list({ communeId: nioro, sector: 'water', phase: 'open' })).toEqual([nWater]);
    expect(list({ communeId: kayes, sector: 'roads' })).toEqual([]);
  });

  it('sorts by newest, by closing soonest (open ones first), and by most discussed', () => {
    const a = addTopic(t, { authorId: mariam.id, createdAt: '2027-01-01T10:00:00.000Z', closesAt: '2027-03-20T18:00:00.000Z', commentCount: 3 }).id;
    const b = addTopic(t, { authorId: mariam.id, createdAt: '2027-01-03T10:00:00.000Z', closesAt: '2027-03-15T18:00:00.000Z', commentCount: 12 }).id;
    const c = addTopic(t, {
      authorId: mariam.id,
      createdAt: '2027-01-02T10:00:00.000Z',
      closesAt: '2027-02-01T18:00:00.000Z',
      phase: 'decided',
      commentCount: 40,
    }).id;
    const d = addTopic(t, { authorId: mariam.id, createdAt: '2027-01-04T10:00:00.000Z', closesAt: '2027-03-25T18:00:00.000Z', commentCount: 0 }).id;

    expect(ids(listTopics(t.db, null, filters({ sort: 'newest' }), CONSULTATION.during))).toEqual([d, b, c, a]);
    expect(ids(listTopics(t.db, null, filters({ sort: 'closing' }), CONSULTATION.during))).toEqual([b, a, d, c]);
    expect(ids(listTopics(t.db, null, filters({ sort: 'discussed' }), CONSULTATION.during))).toEqual([c, b, a, d]);
  });

  it('shows 20 topics a page, with the total count, and every topic exactly once across the pages', () => {
    const all = Array.from({ length: 45 }, (_, i) =>
      addTopic(t, { authorId: mariam.id, title: `Consultation numéro ${i + 1}`, createdAt: `2027-01-01T10:${String(i).padStart(2, '0')}:00.000Z` }).id,
    );
    const pages = [1, 2, 3].map((page) => listTopics(t.db, null, filters({ page }), CONSULTATION.during));
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 5]);
    for (const p of pages) expect(p).toMatchObject({ total: 45, pages: 3 });
    expect(pages.flatMap(ids)).toEqual([...all].reverse());
    expect(listTopics(t.db, null, filters({ page: 4 }), CONSULTATION.during).rows).toEqual([]);
    expect(listTopics(t.db, null, filters({ page: 0 }), CONSULTATION.during).rows.map((r) => r.id)).toEqual(ids(pages[0]!));
  });
});
