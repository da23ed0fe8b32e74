import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { media, type Topic } from '@/db/schema';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { spacesOfCommune } from '@/lib/learn/load';
import type { MediaPipeline } from '@/lib/media/pipeline';
import { recordForSubject, removeSubjectRecording } from '@/lib/media/subject-recording';
import { can, isPublicTopic, type Actor } from '@/lib/permissions';
import { idParam, parse } from '@/lib/validation';
import { findTopic } from './load';

/** The languages a spoken summary is recorded in (issue 13 §5): French and the three national languages Baro serves. */
export const SUMMARY_LANGUAGES = ['fr', 'bm', 'snk', 'ff'] as const;
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];
/** What is summarised: the topic itself, or the decision taken on it. */
export const SUMMARY_KINDS = ['topic', 'decision'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

const mediaKindOf = (k: SummaryKind) => (k === 'topic' ? 'topic_summary' : 'decision_summary');

export const spokenSummarySchema = z.strictObject({
  topicId: idParam,
  summary: z.enum(SUMMARY_KINDS, 'invalidChoice'),
  language: z.enum(SUMMARY_LANGUAGES, 'invalidChoice'),
});

export const removeSpokenSummarySchema = z.strictObject({ topicId: idParam, mediaId: idParam });

type Ctx = { db: Db; actor: Actor | null; now: Date };

/** Who may record the topic's summaries: its commune's officials, the facilitators of the commune's spaces, admins. */
function mayRecord(db: Db, actor: Actor | null, topic: Pick<Topic, 'communeId'>): boolean {
  return can(actor, 'topic.recordSummary', { communeId: topic.communeId, communeSpaceIds: spacesOfCommune(db, topic.communeId) });
}

/**
 * Records (or uploads) a spoken summary of a topic, or of its decision, in French, Bambara, Soninke or
 * Pulaar. One per language: a new one replaces the old. Public as soon as the topic is (a draft's waits,
 * the voice_triggers migration's triggers publish it with the topic); its speakers hold a role, so no voice policy applies.
 * The result names the topic, whose cached page the action refreshes.
 */
export async function recordSpokenSummary(
  ctx: Ctx,
  input: Record<string, unknown>,
  options: { mediaDir: string; pipeline?: MediaPipeline },
): Promise<Result<{ topicId: number; mediaId: number }>> {
  const parsed = parse(spokenSummarySchema, { topicId: input.topicId, summary: input.summary, language: input.language });
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const topic = findTopic(ctx.db, v.topicId);
  if (!topic) return notFound();
  if (!mayRecord(ctx.db, ctx.actor, topic)) return forbidden();
  if (v.summary === 'decision' && !topic.decision) return invalid({ summary: 'noDecisionYet' });
  const r = await recordForSubject(
    ctx.db,
    ctx.actor!,
    input.file,
    {
      kind: mediaKindOf(v.summary),
      subjectId: topic.id,
      communeId: topic.communeId,
      language: v.language,
      state: isPublicTopic(topic) ? 'published' : 'held',
      audit: { action: 'topic.spokenSummary', subjectType: 'topic' },
    },
    { mediaDir: options.mediaDir, pipeline: options.pipeline, now: ctx.now },
  );
  return r.ok ? ok({ topicId: topic.id, mediaId: r.value.mediaId }) : r;
}

/** Takes a spoken summary down (the file goes if nothing else uses it). */
export function removeSpokenSummary(ctx: Ctx, input: unknown, mediaDir: string): Result<{ topicId: number }> {
  const parsed = parse(removeSpokenSummarySchema, input);
  if (!parsed.ok) return parsed;
  const topic = findTopic(ctx.db, parsed.data.topicId);
  if (!topic) return notFound();
  if (!mayRecord(ctx.db, ctx.actor, topic)) return forbidden();
  const item = ctx.db
    .select()
    .from(media)
    .where(and(eq(media.id, parsed.data.mediaId), eq(media.subjectId, topic.id), inArray(media.kind, ['topic_summary', 'decision_summary'])))
    .get();
  if (!item) return notFound();
  removeSubjectRecording(ctx.db, ctx.actor!, item, { action: 'topic.spokenSummaryRemove', subjectType: 'topic' }, mediaDir, ctx.now);
  return ok({ topicId: topic.id });
}

export type SpokenSummary = { id: number; language: SummaryLanguage; durationMs: number; transcript: string | null };

/**
 * The published spoken summaries of a topic (kind 'topic') or of its decision, one per language, the
 * reader's language first, then French, Bambara, Soninke, Pulaar.
 */
export function spokenSummariesOf(db: Pick<Db, 'select'>, topicId: number, summary: SummaryKind, readerLanguage: string, states: readonly ('published' | 'held' | 'rejected')[] = ['published']): SpokenSummary[] {
  const rows = db
    .select({ id: media.id, language: media.language, durationMs: media.durationMs, transcript: media.transcript })
    .from(media)
    .where(and(eq(media.kind, mediaKindOf(summary)), eq(media.subjectId, topicId), inArray(media.state, [...states])))
    .orderBy(asc(media.id))
    .all()
    .filter((r): r is SpokenSummary => (SUMMARY_LANGUAGES as readonly string[]).includes(r.language ?? ''));
  const rank = (l: string) => (l === readerLanguage ? -1 : SUMMARY_LANGUAGES.indexOf(l as SummaryLanguage));
  return rows.sort((a, b) => rank(a.language) - rank(b.language));
}

export type SpokenSummariesPage = {
  topic: { id: number; title: string; hasDecision: boolean };
  /** every spoken summary of the topic and of its decision, public or waiting for the topic to be */
  recorded: (SpokenSummary & { summary: SummaryKind; published: boolean })[];
  languages: readonly SummaryLanguage[];
  kinds: readonly SummaryKind[];
};

/**
 * /topics/<id>/summaries: the recorder for those who may record the topic's spoken summaries (officials,
 * facilitators of the commune's spaces, admins); null when there is no such topic, 'forbidden' otherwise.
 */
export function spokenSummariesPage(ctx: Ctx, rawId: string): SpokenSummariesPage | 'forbidden' | 'signIn' | null {
  const id = idParam.safeParse(rawId);
  if (!id.success) return null;
  const topic = findTopic(ctx.db, id.data);
  if (!topic) return null;
  if (!ctx.actor) return 'signIn';
  if (!mayRecord(ctx.db, ctx.actor, topic)) return 'forbidden';
  const states = ['published', 'held'] as const;
  const recorded = SUMMARY_KINDS.flatMap((summary) =>
    spokenSummariesOf(ctx.db, topic.id, summary, 'fr', states).map((r) => ({ ...r, summary, published: isPublicTopic(topic) })),
  );
  return {
    topic: { id: topic.id, title: topic.title, hasDecision: !!topic.decision },
    recorded,
    languages: SUMMARY_LANGUAGES,
    kinds: topic.decision ? SUMMARY_KINDS : ['topic'],
  };
}

/** Whether this reader may record the topic's spoken summaries (the topic page links to the recorder). */
export function mayRecordSummary(db: Db, actor: Actor | null, topic: Pick<Topic, 'communeId'>): boolean {
  return !!actor && mayRecord(db, actor, topic);
}
