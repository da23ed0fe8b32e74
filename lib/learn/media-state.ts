import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { media, type Course, type Lesson } from '@/db/schema';
import { isPublicLearning } from './load';

/**
 * The recordings of a lesson (narrations, choices read aloud) follow it: public ('published') while anyone may
 * read the lesson, else heard only by their owner, moderators and admins ('held'). Rejected recordings stay so.
 * Call inside the transaction that changes what the public can read.
 */
export function syncLessonMedia(tx: Tx, course: Pick<Course, 'state' | 'visibility'>, lesson: Lesson): void {
  const state = isPublicLearning(course, lesson) ? 'published' : 'held';
  tx.update(media)
    .set({ state, updatedAt: new Date().toISOString() })
    .where(and(inArray(media.kind, ['lesson', 'quiz_choice']), eq(media.subjectId, lesson.id), inArray(media.state, ['held', 'published']), ne(media.state, state)))
    .run();
}

/** The state a recording attached to this lesson now takes. */
export function mediaStateFor(course: Pick<Course, 'state' | 'visibility'>, lesson: Pick<Lesson, 'state' | 'visibility'>): 'published' | 'held' {
  return isPublicLearning(course, lesson) ? 'published' : 'held';
}
