import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificates, courseRevisions, lessonProgress, lessonRevisions, lessons, moderations, type User } from '@/db/schema';
import { searchContent } from '@/lib/search/queries';
import { verifyCertificate } from '@/lib/learn/certificates';
import { CODE_ALPHABET, normalizeCertificateCode } from '@/lib/learn/certificate-code';
import { setCourseState, setLessonState } from '@/lib/learn/publish';
import { createCourse, updateCourse } from '@/lib/learn/save-course';
import { createLesson, updateLesson } from '@/lib/learn/save-lesson';
import { submitQuiz } from '@/lib/learn/submit-quiz';
import { lessonsForTopic, setTopicLessons } from '@/lib/learn/topic-links';
import { courseView, lessonView, progressView } from '@/lib/learn/views';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';
import { courseForm, ctxOf, lessonForm, NOW } from '../helpers/learn';

let t: TestDb;
let fanta: User; // facilitator of the Nioro space
let oumar: User; // facilitator of the Kayes space
let admin: User;
let official: User; // official of Nioro
let awa: User; // citizen of Nioro
let suspendedFacilitator: User;

beforeEach(async () => {
  t = makeTestDb();
  const nioro = t.communeId('nioro-du-sahel');
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: nioro, grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  oumar = await addUser(t, { displayName: 'Oumar Sylla', communeId: t.communeId('kayes'), grants: [{ role: 'facilitator', spaceId: t.spaceId('kayes-ville') }] });
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  official = await addUser(t, { displayName: 'Maire de Nioro', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: nioro, gender: 'woman', birthYear: 2004 });
  suspendedFacilitator = await addUser(t, { displayName: 'Sali', communeId: nioro, suspendedUntil: '2099-01-01T00:00:00.000Z', grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
});
afterEach(() => t.cleanup());

const ctx = (u: User | null) => ctxOf(t.db, u ? actorOf(t.db, u.id) : null);

/** A published course of `lessonCount` lessons by Fanta; returns its id and its lessons' ids. */
function publishedCourse(lessonCount = 2, fields: Record<string, string> = {}) {
  const c = createCourse(ctx(fanta), courseForm(fields));
  if (!c.ok) throw new Error(JSON.stringify(c));
  const ids: number[] = [];
  for (let i = 0; i < lessonCount; i++) {
    const l = createLesson(ctx(fanta), lessonForm(c.value.courseId, { title: `Leçon numéro ${i + 1} du marché` }));
    if (!l.ok) throw new Error(JSON.stringify(l));
    expect(setLessonState(ctx(fanta), { id: String(l.value.lessonId), state: 'published' }).ok).toBe(true);
    ids.push(l.value.lessonId);
  }
  expect(setCourseState(ctx(fanta), { id: String(c.value.courseId), state: 'published' }).ok).toBe(true);
  return { courseId: c.value.courseId, slug: c.value.slug, lessonIds: ids };
}

describe('authoring: who writes courses', () => {
  it('facilitators and admins write region-wide courses; citizens, officials and suspended facilitators do not', () => {
    for (const u of [fanta, oumar, admin]) expect(createCourse(ctx(u), courseForm({ title: `Cours de ${u.displayName}` })).ok, u.displayName).toBe(true);
    for (const u of [awa, official, suspendedFacilitator]) expect(createCourse(ctx(u), courseForm()), u.displayName).toEqual({ ok: false, error: 'forbidden' });
    expect(createCourse(ctx(null), courseForm())).toEqual({ ok: false, error: 'forbidden' });
  });

  it("a commune's course is written by its spaces' facilitators and admins only", () => {
    const nioro = String(t.communeId('nioro-du-sahel'));
    expect(createCourse(ctx(oumar), courseForm({ communeId: nioro }))).toEqual({ ok: false, error: 'forbidden' });
    const c = createCourse(ctx(fanta), courseForm({ communeId: nioro }));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const id = String(c.value.courseId);
    // The facilitator of another commune's space can neither edit it, add a lesson, nor publish it.
    expect(updateCourse(ctx(oumar), { courseId: id, title: 'Changé par Oumar', summary: courseForm().summary!, communeId: nioro })).toEqual({ ok: false, error: 'forbidden' });
    expect(createLesson(ctx(oumar), lessonForm(c.value.courseId))).toEqual({ ok: false, error: 'forbidden' });
    expect(setCourseState(ctx(oumar), { id, state: 'published' })).toEqual({ ok: false, error: 'forbidden' });
    expect(createLesson(ctx(admin), lessonForm(c.value.courseId)).ok).toBe(true);
    // Fanta cannot move her course to a commune she does not serve.
    expect(updateCourse(ctx(fanta), { courseId: id, title: 'Le marché et vous', summary: courseForm().summary!, communeId: String(t.communeId('kayes')) })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { communeId: 'courseCommuneNotYours' },
    });
  });

  it('edits keep the previous version, and every write has its audit row', () => {
    const { courseId, lessonIds } = publishedCourse(1);
    expect(updateCourse(ctx(oumar), { courseId: String(courseId), title: 'Le marché de la commune', summary: courseForm().summary!, communeId: '' }).ok).toBe(true);
    const edit = Object.fromEntries(Object.entries(lessonForm(courseId)).filter(([k]) => k !== 'courseId' && k !== 'slug'));
    expect(updateLesson(ctx(fanta), { ...edit, lessonId: String(lessonIds[0]), title: 'Qui gère le marché communal' }).ok).toBe(true);
    expect(t.db.select().from(courseRevisions).all().map((r) => r.title)).toEqual(['Le marché et vous']);
    expect(t.db.select().from(lessonRevisions).all().map((r) => r.title)).toEqual(['Leçon numéro 1 du marché']);
    for (const action of ['course.create', 'course.update', 'course.publish', 'lesson.create', 'lesson.update', 'lesson.publish']) expect(auditRows(t.db, action).length, action).toBeGreaterThan(0);
  });

  it('a lesson needs 3–5 well-formed questions and 300 words at most; nothing is written otherwise', () => {
    const c = createCourse(ctx(fanta), courseForm());
    if (!c.ok) throw new Error();
    const bad = (fields: Record<string, string>) => createLesson(ctx(fanta), lessonForm(c.value.courseId, fields));
    expect(bad({ q3: '', q3_explanation: '', q3_c1: '', q3_c2: '', q3_c3: '', q3_correct: '' })).toMatchObject({ error: 'invalid', fieldErrors: { q3: 'quizQuestionsRange' } });
    expect(bad({ q2_correct: '4' })).toMatchObject({ error: 'invalid', fieldErrors: { q2_correct: 'quizCorrectRequired' } });
    expect(bad({ q1_c2: 'Première réponse 1' })).toMatchObject({ error: 'invalid', fieldErrors: { q1_c1: 'quizChoicesDistinct' } });
    expect(bad({ q1_explanation: '' })).toMatchObject({ error: 'invalid', fieldErrors: { q1_explanation: 'quizExplanationRequired' } });
    expect(bad({ body: 'mot '.repeat(301) })).toMatchObject({ error: 'invalid', fieldErrors: { body: 'lessonTooLong' } });
    expect(bad({ slug: 'certificate' })).toMatchObject({ error: 'invalid', fieldErrors: { slug: 'slugTaken' } });
    expect(t.db.select().from(lessons).all()).toEqual([]);
  });

  it('lessons are screened like any public text: an insult is refused, a phone number held for moderation', () => {
    const c = createCourse(ctx(fanta), courseForm());
    if (!c.ok) throw new Error();
    expect(createLesson(ctx(fanta), lessonForm(c.value.courseId, { body: `${lessonForm(0).body} Le régisseur est un connard.` }))).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    const held = createLesson(ctx(fanta), lessonForm(c.value.courseId, { body: `${lessonForm(0).body} Appelez Moussa au 76 12 34 56.` }));
    expect(held).toMatchObject({ ok: true, value: { held: true } });
    if (!held.ok) return;
    expect(t.db.select().from(moderations).where(and(eq(moderations.contentType, 'lesson'), eq(moderations.contentId, held.value.lessonId))).get()).toMatchObject({ state: 'held' });
    setLessonState(ctx(fanta), { id: String(held.value.lessonId), state: 'published' });
    setCourseState(ctx(fanta), { id: String(c.value.courseId), state: 'published' });
    // Published but held: readers do not see it until a moderator approves it.
    expect(lessonView(ctx(awa), c.value.slug, held.value.slug, 'fr')).toBeNull();
    const moderator = t.db.$client.prepare("INSERT INTO users (display_name, email, password_hash, commune_id, verified_at, verified_via) VALUES ('Mod', 'mod@test.ml', 'x', ?, '2026-01-01T00:00:00.000Z', 'email') RETURNING id").get(t.communeId('kayes')) as { id: number };
    t.db.$client.prepare("INSERT INTO role_grants (user_id, role) VALUES (?, 'moderator')").run(moderator.id);
    expect(moderateContent(t.db, actorOf(t.db, moderator.id), { contentType: 'lesson', contentId: String(held.value.lessonId), action: 'approve', reason: '' }).ok).toBe(true);
    expect(lessonView(ctx(awa), c.value.slug, held.value.slug, 'fr')?.lesson.id).toBe(held.value.lessonId);
  });

  it('drafts are read only by those who write them', () => {
    const c = createCourse(ctx(fanta), courseForm());
    if (!c.ok) throw new Error();
    const l = createLesson(ctx(fanta), lessonForm(c.value.courseId));
    if (!l.ok) throw new Error();
    expect(courseView(ctx(awa), c.value.slug, 'fr')).toBeNull();
    expect(courseView(ctx(null), c.value.slug, 'fr')).toBeNull();
    expect(lessonView(ctx(awa), c.value.slug, l.value.slug, 'fr')).toBeNull();
    expect(lessonView(ctx(oumar), c.value.slug, l.value.slug, 'fr')?.isPublic).toBe(false);
    // A course is published only with a published lesson.
    expect(setCourseState(ctx(fanta), { id: String(c.value.courseId), state: 'published' })).toEqual({ ok: false, error: 'rejected', reason: 'courseNoLessons' });
  });
});

describe('progress and scores', () => {
  it('keeps the best and last score and the number of attempts; a lesson is done once passed', () => {
    const { courseId, slug, lessonIds } = publishedCourse(2);
    const lessonId = String(lessonIds[0]);
    // Right answers: 0, 1, 0. One right of three: not passed.
    const first = submitQuiz(ctx(awa), { lessonId, q1: '0', q2: '0', q3: '1' });
    expect(first).toMatchObject({ ok: true, value: { graded: { score: 1, total: 3, passed: false }, certificateIssued: false } });
    const second = submitQuiz(ctx(awa), { lessonId, q1: '0', q2: '1', q3: '1' });
    expect(second).toMatchObject({ ok: true, value: { graded: { score: 2, passed: true } } });
    submitQuiz(ctx(awa), { lessonId, q1: '1', q2: '0', q3: '1' });
    const row = t.db.select().from(lessonProgress).where(eq(lessonProgress.userId, awa.id)).get()!;
    expect(row).toMatchObject({ bestScore: 2, lastScore: 0, questionCount: 3, attempts: 3 });
    expect(row.passedAt).toBe(NOW.toISOString());
    const view = courseView(ctx(awa), slug, 'fr')!;
    expect(view.done).toBe(1);
    expect(view.lessons.map((l) => l.progress?.passed ?? null)).toEqual([true, null]);
    expect(progressView(ctx(awa)).courses).toMatchObject([{ slug, done: 1, total: 2, certificate: null }]);
    // Someone else's progress is untouched.
    expect(progressView(ctx(fanta)).courses).toEqual([]);
    expect(courseId).toBeGreaterThan(0);
  });

  it('records nothing for an incomplete quiz, for anonymous readers, or for a lesson not published', () => {
    const { lessonIds } = publishedCourse(1);
    const lessonId = String(lessonIds[0]);
    expect(submitQuiz(ctx(awa), { lessonId, q1: '0', q2: '1' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { q3: 'quizAnswerAll' } });
    expect(submitQuiz(ctx(awa), { lessonId, q1: '0', q2: '1', q3: '3' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { q3: 'quizAnswerAll' } });
    expect(submitQuiz(ctx(null), { lessonId, q1: '0', q2: '1', q3: '0' })).toEqual({ ok: false, error: 'forbidden' });
    setLessonState(ctx(fanta), { id: lessonId, state: 'draft' });
    expect(submitQuiz(ctx(awa), { lessonId, q1: '0', q2: '1', q3: '0' })).toEqual({ ok: false, error: 'not_found' });
    expect(t.db.select().from(lessonProgress).all()).toEqual([]);
  });
});

describe('certificates', () => {
  function certify() {
    const { lessonIds, slug } = publishedCourse(2);
    for (const id of lessonIds) submitQuiz(ctx(awa), { lessonId: String(id), q1: '0', q2: '1', q3: '0' });
    return { slug, cert: t.db.select().from(certificates).where(eq(certificates.userId, awa.id)).get()! };
  }

  it('passing the last lesson issues one certificate with an unguessable code', () => {
    const { cert } = certify();
    expect(cert).toMatchObject({ displayName: 'Awa Traoré', courseTitle: 'Le marché et vous', spaceName: null, issuedAt: NOW.toISOString() });
    expect(cert.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(auditRows(t.db, 'certificate.issue')).toHaveLength(1);
  });

  it('its public check confirms what is printed on it and nothing else', () => {
    const { cert } = certify();
    const checked = verifyCertificate(t.db, `${cert.code.slice(0, 5)}-${cert.code.slice(5).toLowerCase()}`);
    expect(checked).toEqual({ displayName: 'Awa Traoré', courseTitle: 'Le marché et vous', issuedAt: NOW.toISOString(), spaceName: null, code: cert.code });
  });

  it('a wrong code reveals nothing: a code one character off, unknown, malformed or empty all get the same answer', () => {
    const { cert } = certify();
    const last = cert.code.at(-1)!;
    const offByOne = cert.code.slice(0, 9) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(last) + 1) % CODE_ALPHABET.length];
    const wrong = [offByOne, 'ABCDEFGHJK', cert.code.slice(0, 9), `${cert.code}2`, '', "' OR 1=1 --", cert.code.replace(/./g, '0'), '%00', 'x'.repeat(5000)];
    for (const code of wrong) expect(verifyCertificate(t.db, code), code).toBeNull();
    // Whatever was typed is one well-formed lookup: malformed input becomes a key no code can equal.
    expect(normalizeCertificateCode("' OR 1=1 --")).toBe('!!!!!!!!!!');
    expect(normalizeCertificateCode('x'.repeat(5000))).toBe('!!!!!!!!!!');
  });

  it('names the connected space where a participant was trained', async () => {
    const space = t.spaceId('nioro');
    const aminata = await addUser(t, { displayName: 'Aminata Konaté', participantCode: 'NIO-AB12', email: undefined, registeredAtSpaceId: space, communeId: t.communeId('nioro-du-sahel') });
    const { lessonIds } = publishedCourse(1);
    submitQuiz(ctx(aminata), { lessonId: String(lessonIds[0]), q1: '0', q2: '1', q3: '0' });
    expect(t.db.select().from(certificates).where(eq(certificates.userId, aminata.id)).get()?.spaceName).toBe('Espace connecté de Nioro');
  });
});

describe('topics point to lessons, search finds lessons', () => {
  it('an official links their topic to a lesson by slug; readers get it in their language', () => {
    const fr = publishedCourse(1, { slug: 'le-marche' });
    const frLesson = t.db.select().from(lessons).where(eq(lessons.id, fr.lessonIds[0]!)).get()!;
    const en = createCourse(ctx(fanta), courseForm({ title: 'The market and you', language: 'en', slug: 'le-marche' }));
    if (!en.ok) throw new Error(JSON.stringify(en));
    const enLesson = createLesson(ctx(fanta), lessonForm(en.value.courseId, { title: 'Who runs the market', slug: frLesson.slug, body: 'The market belongs to the commune. The council sets the market fees. A collector gathers them for the commune. Sellers may ask the town hall to see the accounts of the market.' }));
    if (!enLesson.ok) throw new Error(JSON.stringify(enLesson));
    setLessonState(ctx(fanta), { id: String(enLesson.value.lessonId), state: 'published' });
    setCourseState(ctx(fanta), { id: String(en.value.courseId), state: 'published' });

    const topic = addTopic(t, { authorId: official.id, communeId: t.communeId('nioro-du-sahel') });
    expect(setTopicLessons(ctx(awa), { topicId: String(topic.id), lessons: [frLesson.slug] })).toEqual({ ok: false, error: 'forbidden' });
    expect(setTopicLessons(ctx(official), { topicId: String(topic.id), lessons: ['nexiste-pas'] })).toEqual({ ok: false, error: 'invalid', fieldErrors: { lessons: 'topicLessonUnknown' } });
    expect(setTopicLessons(ctx(official), { topicId: String(topic.id), lessons: [frLesson.slug] }).ok).toBe(true);
    expect(lessonsForTopic(t.db, topic.id, 'fr')).toEqual([{ slug: frLesson.slug, title: 'Leçon numéro 1 du marché', courseSlug: 'le-marche', courseTitle: 'Le marché et vous', path: `/learn/le-marche/${frLesson.slug}` }]);
    expect(lessonsForTopic(t.db, topic.id, 'en')[0]?.title).toBe('Who runs the market');
    // Unpublished, the link is not shown.
    setCourseState(ctx(fanta), { id: String(fr.courseId), state: 'draft' });
    expect(lessonsForTopic(t.db, topic.id, 'fr')[0]?.title).toBe('Who runs the market');
  });

  it('search finds published lessons in the reader’s language, and not drafts', () => {
    const { courseId, slug } = publishedCourse(1);
    const hits = searchContent(t.db, 'régisseur', 30, 'fr');
    expect(hits.map((h) => [h.kind, h.courseSlug])).toEqual([['lesson', slug]]);
    setCourseState(ctx(fanta), { id: String(courseId), state: 'draft' });
    expect(searchContent(t.db, 'régisseur', 30, 'fr')).toEqual([]);
    setCourseState(ctx(fanta), { id: String(courseId), state: 'published' });
    // An English reader finds the French lesson when it has no English version.
    expect(searchContent(t.db, 'regisseur', 30, 'en').map((h) => h.kind)).toEqual(['lesson']);
    const indexed = t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_index WHERE kind = 'lesson'`)!.n;
    expect(indexed).toBe(1);
  });
});
