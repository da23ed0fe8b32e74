/**
 * The three demo courses of /learn (issue 15), in French and in English (scripts/demo-learn/), written through
 * the real use cases by the administration and published; a training session on « La commune et vous » at the
 * Nioro space (counted attendance and the demo participant, named with her consent), so /stats shows the
 * "formation" channel; and the Kayes budget topic pointing to the budget lesson.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connectedSpaces, topics, users } from '../db/schema';
import { loadActor } from '../lib/accounts/load-actor';
import type { Result } from '../lib/errors';
import type { LearnContext } from '../lib/learn/load';
import { setCourseState, setLessonState } from '../lib/learn/publish';
import { quizToFields } from '../lib/learn/quiz';
import { recordTrainingSession } from '../lib/learn/record-training';
import { createCourse } from '../lib/learn/save-course';
import { createLesson } from '../lib/learn/save-lesson';
import { setTopicLessons } from '../lib/learn/topic-links';
import { BUDGET_LESSON_SLUG, DEMO_COURSES, type DemoCourse } from './demo-learn/courses';
import { DEMO_COURSES_EN } from './demo-learn/courses.en';
import { DEMO_PARTICIPANT } from './demo-participants';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo learning: ${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

function actorBy(db: Db, where: ReturnType<typeof eq>) {
  const u = db.select().from(users).where(where).get()!;
  return loadActor(db, { userId: u.id, sessionVersion: u.sessionVersion })!;
}

/** Writes one language's courses, each published with all its lessons. Returns the course ids by slug. */
function writeCourses(ctx: LearnContext, courses: DemoCourse[], language: 'fr' | 'en'): Map<string, number> {
  const ids = new Map<string, number>();
  for (const c of courses) {
    const { courseId } = must(createCourse(ctx, { title: c.title, summary: c.summary, communeId: '', language, slug: c.slug }), `course ${c.slug} (${language})`);
    for (const l of c.lessons) {
      const quiz = quizToFields(l.quiz.map((q) => ({ question: q.question, explanation: q.explanation, choices: q.choices })));
      const { lessonId } = must(createLesson(ctx, { courseId: String(courseId), title: l.title, slug: l.slug, body: l.body, ...quiz }), `lesson ${l.slug} (${language})`);
      must(setLessonState(ctx, { id: String(lessonId), state: 'published' }), `publish lesson ${l.slug}`);
    }
    must(setCourseState(ctx, { id: String(courseId), state: 'published' }), `publish course ${c.slug}`);
    ids.set(c.slug, courseId);
  }
  return ids;
}

export function seedDemoLearning(db: Db, now = new Date()) {
  const admin = actorBy(db, eq(users.email, 'admin@baro.ml'));
  const ctx: LearnContext = { db, actor: admin, now };
  const fr = writeCourses(ctx, DEMO_COURSES, 'fr');
  writeCourses(ctx, DEMO_COURSES_EN, 'en');

  // A training session at Nioro, ten days ago: 23 people counted, and the demo participant named.
  const fanta = actorBy(db, eq(users.email, 'animatrice.nioro@baro.ml'));
  const nioro = db.select().from(connectedSpaces).where(eq(connectedSpaces.slug, 'nioro')).get()!;
  const aminata = db.select({ id: users.id }).from(users).where(eq(users.participantCode, DEMO_PARTICIPANT.code)).get();
  const heldOn = new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  must(
    recordTrainingSession(
      { db, actor: fanta, now },
      {
        spaceId: String(nioro.id),
        courseId: String(fr.get('la-commune-et-vous')!),
        heldOn,
        participants: aminata ? [String(aminata.id)] : [],
        consent: aminata ? 'yes' : '',
        att_woman_15_24: '9',
        att_woman_25_35: '6',
        att_man_15_24: '5',
        att_man_36plus: '3',
      },
    ),
    'training session',
  );

  // The Kayes budget consultation points to the budget lesson.
  const budget = db.select().from(topics).where(and(eq(topics.title, 'Budget 2027 : quelle priorité pour la commune de Kayes ?'))).get();
  if (budget) {
    const official = actorBy(db, eq(users.email, 'hydraulique.kayes@baro.ml'));
    must(setTopicLessons({ db, actor: official, now }, { topicId: String(budget.id), lessons: [BUDGET_LESSON_SLUG] }), 'budget topic link');
  }
}
