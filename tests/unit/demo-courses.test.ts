import { describe, expect, it } from 'vitest';
import { BUDGET_LESSON_SLUG, DEMO_COURSES, DEMO_LESSON_MAX_WORDS, type DemoCourse } from '@/scripts/demo-learn/courses';
import { DEMO_COURSES_EN } from '@/scripts/demo-learn/courses.en';

/**
 * Words as a strict reader counts them: apostrophes and hyphens split words too (« l’État » is two,
 * « c’est-à-dire » four), and Markdown marks (#, -, **, 1.) are not words. Passing this count passes any
 * looser one.
 */
const words = (markdown: string) => markdown.split(/[\s’'‑-]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const VERSIONS: [string, DemoCourse[]][] = [
  ['fr', DEMO_COURSES],
  ['en', DEMO_COURSES_EN],
];

describe.each(VERSIONS)('demo courses (%s)', (_locale, courses) => {
  const lessons = courses.flatMap((c) => c.lessons);
  const questions = lessons.flatMap((l) => l.quiz);

  it('three region-wide courses of 3–5 lessons, with a title and a summary', () => {
    expect(courses).toHaveLength(3);
    for (const c of courses) {
      expect(c.scope).toBe('region');
      expect(c.title.trim()).not.toBe('');
      expect(c.summary.trim()).not.toBe('');
      expect(c.lessons.length).toBeGreaterThanOrEqual(3);
      expect(c.lessons.length).toBeLessThanOrEqual(5);
    }
  });

  it.each(lessons.map((l) => [l.slug, l] as const))('lesson %s: a body of at most 300 words and a quiz of 3–5 questions', (_slug, l) => {
    expect(l.title.trim()).not.toBe('');
    expect(words(l.body)).toBeGreaterThan(0);
    expect(words(l.body)).toBeLessThanOrEqual(DEMO_LESSON_MAX_WORDS);
    expect(l.quiz.length).toBeGreaterThanOrEqual(3);
    expect(l.quiz.length).toBeLessThanOrEqual(5);
  });

  it('every question has 2–4 distinct choices, exactly one correct, and an explanation', () => {
    for (const q of questions) {
      expect(q.question.trim(), q.question).not.toBe('');
      expect(q.explanation.trim(), q.question).not.toBe('');
      expect(q.choices.length, q.question).toBeGreaterThanOrEqual(2);
      expect(q.choices.length, q.question).toBeLessThanOrEqual(4);
      expect(q.choices.filter((c) => c.correct), q.question).toHaveLength(1);
      expect(new Set(q.choices.map((c) => c.text.trim())).size, q.question).toBe(q.choices.length);
    }
  });

  it('slugs are unique (courses among courses, lessons across all courses) and URL-safe', () => {
    const courseSlugs = courses.map((c) => c.slug);
    const lessonSlugs = lessons.map((l) => l.slug);
    expect(new Set(courseSlugs).size).toBe(courseSlugs.length);
    expect(new Set(lessonSlugs).size).toBe(lessonSlugs.length);
    for (const slug of [...courseSlugs, ...lessonSlugs]) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('the budget lesson that budget topics link to exists, in « La commune et vous »', () => {
    expect(courses.find((c) => c.slug === 'la-commune-et-vous')!.lessons.map((l) => l.slug)).toContain(BUDGET_LESSON_SLUG);
    expect(BUDGET_LESSON_SLUG).toBe('comprendre-le-budget-communal');
  });
});

describe('English and French demo courses', () => {
  /** Everything but the wording: slugs, scope, order, number of questions and choices, which choice is correct. */
  const shape = (courses: DemoCourse[]) =>
    courses.map((c) => ({
      slug: c.slug,
      scope: c.scope,
      lessons: c.lessons.map((l) => ({ slug: l.slug, quiz: l.quiz.map((q) => q.choices.map((ch) => ch.correct)) })),
    }));

  it('have the same shape', () => {
    expect(shape(DEMO_COURSES_EN)).toEqual(shape(DEMO_COURSES));
  });

  it('are translated, not copied: titles, bodies and questions differ', () => {
    const fr = DEMO_COURSES.flatMap((c) => [c.title, ...c.lessons.flatMap((l) => [l.title, l.body, ...l.quiz.map((q) => q.question)])]);
    const en = DEMO_COURSES_EN.flatMap((c) => [c.title, ...c.lessons.flatMap((l) => [l.title, l.body, ...l.quiz.map((q) => q.question)])]);
    fr.forEach((text, i) => expect(en[i], text).not.toBe(text));
  });
});
