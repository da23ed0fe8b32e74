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
