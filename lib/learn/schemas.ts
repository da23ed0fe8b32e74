import { z } from 'zod';
import { LEARN_STATES, PREFERRED_LANGUAGES } from '@/db/schema';
import { locales } from '@/lib/i18n/config';
import { ATTENDANCE_CELLS, attendanceCount } from '@/lib/meetings/schemas';
import { idParam, requiredText } from '@/lib/validation';
import { LESSON_MAX_WORDS, QUIZ_FIELDS, QUIZ_MAX, wordCount } from './quiz';

/** "" (region-wide) or a commune id. */
const communeOrRegion = z.preprocess((v) => (v === '' || v === undefined || v === 'region' ? null : v), idParam.nullable());

/** The address of a course or lesson ("" or missing: made from the title). The same slug in another language is a translation. */
const optionalSlug = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(60, 'tooLong').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugInvalid').optional());

const courseFields = {
  title: requiredText(5, 120),
  summary: requiredText(20, 600),
  communeId: communeOrRegion,
};

export const createCourseSchema = z.strictObject({ ...courseFields, language: z.enum(locales, 'invalidChoice'), slug: optionalSlug });
export const updateCourseSchema = z.strictObject({ courseId: idParam, ...courseFields });
export const setStateSchema = z.strictObject({ id: idParam, state: z.enum(LEARN_STATES, 'invalidChoice') });
export const moveLessonSchema = z.strictObject({ lessonId: idParam, direction: z.enum(['up', 'down'], 'invalidChoice') });

const lessonBody = requiredText(50, 6000).refine((v) => wordCount(v) <= LESSON_MAX_WORDS, 'lessonTooLong');
const quizShape = Object.fromEntries(QUIZ_FIELDS.map((f) => [f, z.string().max(600, 'tooLong').optional()])) as Record<string, z.ZodOptional<z.ZodString>>;

export const createLessonSchema = z.strictObject({ courseId: idParam, title: requiredText(5, 120), slug: optionalSlug, body: lessonBody, ...quizShape });
export const updateLessonSchema = z.strictObject({ lessonId: idParam, title: requiredText(5, 120), body: lessonBody, ...quizShape });

export const narrationSchema = z.strictObject({
  lessonId: idParam,
  mediaId: idParam,
  language: z.enum(PREFERRED_LANGUAGES, 'invalidChoice'),
});
export const choiceAudioSchema = z.strictObject({
  lessonId: idParam,
  mediaId: idParam,
  question: z.coerce.number().int().min(1).max(QUIZ_MAX),
  choice: z.coerce.number().int().min(1).max(4),
});
export const removeAudioSchema = z.strictObject({ lessonId: idParam, mediaId: idParam });

/** One answer per question: the index of the chosen choice ("" or missing: not answered). */
const answer = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(0).max(3).optional());
export const submitQuizSchema = z.strictObject({
  lessonId: idParam,
  ...(Object.fromEntries(Array.from({ length: QUIZ_MAX }, (_, i) => [`q${i + 1}`, answer])) as Record<string, typeof answer>),
});

/** A day (YYYY-MM-DD), not in the future. */
const day = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && v >= '2000-01-01', 'dateInvalid');

const trainingBase = {
  spaceId: idParam,
  courseId: idParam,
  heldOn: day,
  /** participants named with their consent: account ids */
  participants: z.array(idParam).max(200, 'tooLong').default([]),
  /** the facilitator confirms the named people agreed to be named */
  consent: z.enum(['yes', ''], 'invalidChoice').optional(),
};
export const trainingSessionSchema = z.strictObject({
  ...trainingBase,
  ...(Object.fromEntries(ATTENDANCE_CELLS.map((c) => [c.field, attendanceCount])) as Record<string, typeof attendanceCount>),
});

export const topicLessonsSchema = z.strictObject({
  topicId: idParam,
  lessons: z.array(z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'invalid').max(80)).max(10, 'topicLessonsTooMany').default([]),
});

/** For forms: the languages a narration may be in, and the groups a training's attendance is counted by. */
export { ATTENDANCE_GENDERS, PREFERRED_LANGUAGES } from '@/db/schema';
