import 'server-only';
import { revalidatePath } from 'next/cache';
import type { CommentSubjectRef } from '@/lib/comments/subject';
import { locales } from '@/lib/i18n/config';

/**
 * Anonymous readers get a topic page from Next's cache (app/cached/…): every write that changes it
 * refreshes it. Actions call these with what the use case's result says changed (a topic id, a comment's
 * subject), never with something read back from a path.
 */
export function refreshTopic(topicId: number | null | undefined): void {
  if (typeof topicId !== 'number' || !Number.isSafeInteger(topicId) || topicId <= 0) return;
  for (const l of locales) revalidatePath(`/cached/${l}/topics/${topicId}`);
}

/** What a comment is on changed: its cached page, when it has one (topics do; project pages are always rendered). */
export function refreshSubject(subject: CommentSubjectRef | null | undefined): void {
  if (subject?.kind === 'topic') refreshTopic(subject.id);
}

/** Rare, wide acts (a suspension hiding all of someone's content, an appeal upheld): refresh every cached topic. */
export function refreshAllTopics(): void {
  revalidatePath('/cached/[locale]/topics/[id]', 'page');
}

/** Anonymous readers get courses and lessons from Next's cache: a write that changes what they read refreshes them. */
export function refreshLearn(): void {
  revalidatePath('/cached/[locale]/learn/[course]', 'page');
  revalidatePath('/cached/[locale]/learn/[course]/[lesson]', 'page');
}

/** Is this content path (a moderated item's) a course or a lesson? */
export function isLearnPath(path: string | undefined): boolean {
  return /^\/learn\//.test(path ?? '');
}
