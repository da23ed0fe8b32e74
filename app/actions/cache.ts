import 'server-only';
import { revalidatePath } from 'next/cache';
import { locales } from '@/lib/i18n/config';

/** Anonymous readers get a topic page from Next's cache: every write that changes it refreshes it. */
export function refreshTopic(topicId: number | string | null | undefined): void {
  if (topicId === null || topicId === undefined || !/^\d{1,9}$/.test(String(topicId))) return;
  for (const l of locales) revalidatePath(`/cached/${l}/topics/${topicId}`);
}

/** The topic a content path belongs to ("/topics/12#comment-5" → 12), for moderation acts. */
export function topicOfPath(path: string | undefined): string | null {
  return /^\/topics\/(\d+)/.exec(path ?? '')?.[1] ?? null;
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
