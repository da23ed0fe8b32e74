'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { addLessonImage, removeLessonImage } from '@/lib/learn/images';
import { addChoiceAudio, addNarration, removeLessonAudio } from '@/lib/learn/lesson-audio';
import { moveLesson, setCourseState, setLessonState } from '@/lib/learn/publish';
import { QUIZ_FIELDS, QUIZ_MAX } from '@/lib/learn/quiz';
import { recordTrainingSession } from '@/lib/learn/record-training';
import { createCourse, updateCourse } from '@/lib/learn/save-course';
import { createLesson, updateLesson } from '@/lib/learn/save-lesson';
import { submitQuiz } from '@/lib/learn/submit-quiz';
import { setTopicLessons } from '@/lib/learn/topic-links';
import { defaultMediaDir } from '@/lib/media/config';
import { ATTENDANCE_CELLS } from '@/lib/meetings/schemas';
import { refreshAllTopics, refreshLearn, refreshTopic } from './cache';
import { failed, fields, keyed, pathFor } from './helpers';

const slugParam = (v: FormDataEntryValue | null) => (typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v) ? v : '');

const manageCourse = (formData: FormData, id: number | string, query: string) => pathFor(formData, `/learn/manage/courses/${encodeURIComponent(String(id))}?${query}`);
const manageLesson = (formData: FormData, id: number | string, query: string, anchor = '') =>
  pathFor(formData, `/learn/manage/lessons/${encodeURIComponent(String(id))}?${query}${anchor ? `#${anchor}` : ''}`);

export const createCourseAction = keyed('learn.createCourseAction', async function createCourseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = createCourse(await requestContext(), fields(formData, ['title', 'summary', 'communeId', 'language', 'slug']));
  if (!result.ok) return failed(result, formData);
  redirect(await manageCourse(formData, result.value.courseId, result.value.held ? 'held=1' : 'created=1'));
});

export const updateCourseAction = keyed('learn.updateCourseAction', async function updateCourseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = updateCourse(await requestContext(), fields(formData, ['courseId', 'title', 'summary', 'communeId']));
  if (!result.ok) return failed(result, formData);
  refreshLearn();
  redirect(await manageCourse(formData, result.value.courseId, result.value.held ? 'held=1' : 'saved=1'));
});

/** Plain forms (buttons): the outcome travels in the URL. */
export const setCourseStateAction = keyed('learn.setCourseStateAction', async function setCourseStateAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['id', 'state']);
  const result = setCourseState(await requestContext(), input);
  if (result.ok) {
    refreshLearn();
    refreshAllTopics();
  }
  redirect(await manageCourse(formData, input.id ?? '', result.ok ? `state=${input.state}` : `error=${result.error === 'rejected' ? result.reason : result.error}`));
});

const LESSON_FIELDS = ['title', 'body', ...QUIZ_FIELDS] as const;

export const createLessonAction = keyed('learn.createLessonAction', async function createLessonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = createLesson(await requestContext(), fields(formData, ['courseId', 'slug', ...LESSON_FIELDS]));
  if (!result.ok) return failed(result, formData);
  redirect(await manageLesson(formData, result.value.lessonId, result.value.held ? 'held=1' : 'created=1'));
});

export const updateLessonAction = keyed('learn.updateLessonAction', async function updateLessonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = updateLesson(await requestContext(), fields(formData, ['lessonId', ...LESSON_FIELDS]));
  if (!result.ok) return failed(result, formData);
  refreshLearn();
  refreshAllTopics();
  redirect(await manageLesson(formData, result.value.lessonId, result.value.held ? 'held=1' : 'saved=1'));
});

export const setLessonStateAction = keyed('learn.setLessonStateAction', async function setLessonStateAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['id', 'state']);
  const result = setLessonState(await requestContext(), input);
  if (result.ok) {
    refreshLearn();
    refreshAllTopics();
  }
  redirect(await manageLesson(formData, input.id ?? '', result.ok ? `state=${input.state}` : `error=${result.error}`));
});

export const moveLessonAction = keyed('learn.moveLessonAction', async function moveLessonAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['lessonId', 'direction']);
  const result = moveLesson(await requestContext(), input);
  if (result.ok) refreshLearn();
  redirect(await manageCourse(formData, result.ok ? result.value.courseId : (formData.get('courseId')?.toString() ?? ''), result.ok ? 'moved=1' : `error=${result.error}`));
});

export const addNarrationAction = keyed('learn.addNarrationAction', async function addNarrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['lessonId', 'language']);
  const result = await addNarration(await requestContext(), { ...input, file: formData.get('audio') }, defaultMediaDir());
  if (!result.ok) return failed(result, formData);
  refreshLearn();
  redirect(await manageLesson(formData, result.value.lessonId, 'narration=1', 'narrations'));
});

export const addChoiceAudioAction = keyed('learn.addChoiceAudioAction', async function addChoiceAudioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['lessonId', 'question', 'choice']);
  const result = await addChoiceAudio(await requestContext(), { ...input, file: formData.get('audio') }, defaultMediaDir());
  if (!result.ok) return failed(result, formData);
  refreshLearn();
  redirect(await manageLesson(formData, result.value.lessonId, 'choiceAudio=1', 'choice-audio'));
});

export const removeAudioAction = keyed('learn.removeAudioAction', async function removeAudioAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['lessonId', 'mediaId']);
  const result = removeLessonAudio(await requestContext(), input, defaultMediaDir());
  if (result.ok) refreshLearn();
  redirect(await manageLesson(formData, input.lessonId ?? '', result.ok ? 'removed=1' : `error=${result.error}`, 'narrations'));
});

export const addImageAction = keyed('learn.addImageAction', async function addImageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['lessonId', 'alt']);
  const result = await addLessonImage(await requestContext(), { ...input, file: formData.get('image') }, defaultMediaDir());
  if (!result.ok) return failed(result, formData);
  refreshLearn();
  redirect(await manageLesson(formData, result.value.lessonId, 'image=1', 'images'));
});

export const removeImageAction = keyed('learn.removeImageAction', async function removeImageAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['imageId', 'lessonId']);
  const result = removeLessonImage(await requestContext(), input, defaultMediaDir());
  if (result.ok) refreshLearn();
  redirect(await manageLesson(formData, input.lessonId ?? '', result.ok ? 'removed=1' : `error=${result.error}`, 'images'));
});

/**
 * A signed-in reader's quiz: recorded, then the answers page (graded from the answers in its URL). When not
 * every question was answered, nothing is recorded and the answers page asks for the rest.
 */
export const submitQuizAction = keyed('learn.submitQuizAction', async function submitQuizAction(formData: FormData): Promise<void> {
  const answers = Array.from({ length: QUIZ_MAX }, (_, i) => `q${i + 1}`);
  const input = fields(formData, ['lessonId', ...answers]);
  const result = submitQuiz(await requestContext(), input);
  const query = new URLSearchParams();
  for (const q of answers) if (/^\d$/.test(input[q] ?? '')) query.set(q, input[q]!);
  if (result.ok) query.set('saved', '1');
  if (result.ok && result.value.certificateIssued) query.set('certificate', '1');
  const course = slugParam(formData.get('course'));
  const lesson = slugParam(formData.get('lesson'));
  redirect(await pathFor(formData, `/learn/${course}/${lesson}/answers?${query.toString()}`));
});

export const recordTrainingAction = keyed('learn.recordTrainingAction', async function recordTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const participants = formData.getAll('participants').map(String).filter(Boolean);
  const input = { ...fields(formData, ['spaceId', 'courseId', 'heldOn', 'consent', ...ATTENDANCE_CELLS.map((c) => c.field)]), participants };
  const result = recordTrainingSession(await requestContext(), input);
  if (!result.ok) {
    const state = await failed(result, formData);
    // A form sends one entry per ticked box: keep them all, so every box stays ticked.
    return { ...state, values: { ...state.values, participants: participants.join(',') } };
  }
  redirect(await pathFor(formData, `/facilitator/training?space=${encodeURIComponent(String(formData.get('space') ?? ''))}&recorded=1#sessions`));
});

export const setTopicLessonsAction = keyed('learn.setTopicLessonsAction', async function setTopicLessonsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const lessons = formData.getAll('lessons').map(String).filter(Boolean);
  const result = setTopicLessons(await requestContext(), { topicId: String(formData.get('topicId') ?? ''), lessons });
  if (!result.ok) {
    const state = await failed(result, formData);
    return { ...state, values: { ...state.values, lessons: lessons.join(',') } };
  }
  refreshTopic(result.value.topicId);
  redirect(await pathFor(formData, `/topics/${result.value.topicId}/edit?lessons=1#lessons-title`));
});
