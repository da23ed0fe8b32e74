import { and, asc, count, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { assistedContributions, commentSupports, comments, connectedSpaces, media, moderations, projects, topics, users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { STANCES, type Stance } from './stances';
import type { CommentSubjectRef } from './subject';
import { moderatesCommune, readableCommentsSql, withheldText } from './visibility';

export const COMMENTS_PER_PAGE = 20;
/**
 * Replies shown under each comment of a page (official answers first, then the oldest); "See all N replies"
 * (?replies=ID) opens the rest of one thread. A page then costs the same whatever a comment's reply count:
 * before, a comment with 5,000 replies put 5,000 rows on every view of its page.
 */
export const REPLIES_SHOWN = 3;
export const COMMENT_SORTS = ['oldest', 'newest', 'supported'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

function onSubject(subject: CommentSubjectRef): SQL {
  return subject.kind === 'topic' ? eq(comments.topicId, subject.id) : eq(comments.projectId, subject.id);
}

const commentModeration = and(eq(moderations.contentType, 'comment'), eq(moderations.contentId, comments.id));
/** Entered by a facilitator for its author (assisted_subject_idx): the page shows a small badge. */
const commentAssistance = and(eq(assistedContributions.kind, 'comment'), eq(assistedContributions.subjectId, comments.id));
/** Its recording, if it is a voice comment (media_subject_idx; a pending recording has no subject yet). */
const commentRecording = and(eq(media.kind, 'comment'), eq(media.subjectId, comments.id));

const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorId: comments.authorId,
  author: users.displayName,
  stance: comments.stance,
  body: comments.body,
  isOfficialAnswer: comments.isOfficialAnswer,
  supportCount: comments.supportCount,
  replyCount: comments.replyCount,
  visibility: comments.visibility,
  deletedAt: comments.deletedAt,
  editedAt: comments.editedAt,
  createdAt: comments.createdAt,
  moderationId: moderations.id,
  hiddenReason: moderations.hiddenReason,
  /** the connected space where a facilitator entered it for its author, if so */
  assistedAt: connectedSpaces.name,
  voiceId: media.id,
  voiceDurationMs: media.durationMs,
  voiceTranscript: media.transcript,
};

export type CommentRow = {
  id: number;
  parentId: number | null;
  authorId: number;
  author: string;
  stance: Stance;
  body: string;
  isOfficialAnswer: boolean;
  supportCount: number;
  replyCount: number;
  visibility: 'visible' | 'held' | 'hidden';
  deletedAt: string | null;
  editedAt: string | null;
  createdAt: string;
  moderationId: number | null;
  hiddenReason: string | null;
  assistedAt: string | null;
  /** a voice comment: its recording (issue 13) */
  voiceId: number | null;
  voiceDurationMs: number | null;
  voiceTranscript: string | null;
};

export type CommentsPage = {
  top: CommentRow[];
  /** at most REPLIES_SHOWN per comment, all of them for `openThread` */
  replies: CommentRow[];
  /** replies this reader may read, per comment of the page (shown or not) */
  replyTotals: Map<number, number>;
  total: number;
  pages: number;
  supported: Set<number>;
};

/**
 * One page of top-level comments (20) of a topic or a project, as this reader may see them
 * (lib/comments/visibility.ts), in a stable order, with their replies and the ones the reader supports.
 * Uses the (topic_id | project_id, parent_id, …) indexes, so a page costs the same with 100 or 100,000 comments.
 */
export function commentsPage(
  db: Db,
  subject: CommentSubjectRef,
  communeId: number,
  sort: CommentSort,
  page: number,
  actor: Actor | null,
  openThread: number | null = null,
): CommentsPage {
  const readable = readableCommentsSql(actor, communeId);
  const where = and(onSubject(subject), sql`${comments.parentId} IS NULL`, readable);
  const total = topLevelTotal(db, subject, communeId, actor);
  const order =
    sort === 'newest' ? [desc(comments.id)] : sort === 'supported' ? [desc(comments.supportCount), asc(comments.id)] : [asc(comments.id)];
  const top = db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(moderations, commentModeration)
    .leftJoin(assistedContributions, commentAssistance)
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
    .leftJoin(media, commentRecording)
    .where(where)
    .orderBy(...order)
    .limit(COMMENTS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * COMMENTS_PER_PAGE)
    .all();
  const ids = top.map((c) => c.id);
  const rankedReplies = ids.length ? shownReplies(db, ids, readable, openThread) : [];
  const replyTotals = new Map<number, number>();
  for (const r of rankedReplies) if (r.parentId !== null) replyTotals.set(r.parentId, r.siblings);
  const replies: CommentRow[] = rankedReplies;
  const supported =
    actor && ids.length
      ? new Set(
          db
            .select({ id: commentSupports.commentId })
            .from(commentSupports)
            .where(and(eq(commentSupports.userId, actor.id), inArray(commentSupports.commentId, [...ids, ...replies.map((r) => r.id)])))
            .all()
            .map((r) => r.id),
        )
      : new Set<number>();
  return {
    top: withheldText(top, actor, communeId),
    replies: withheldText(replies, actor, communeId),
    replyTotals,
    total,
    pages: Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE)),
    supported,
  };
}

/**
 * The replies of these comments that a page shows: each comment's readable replies ranked (official answers
 * first, then by age) and counted (`siblings`) on the (parent_id, id) index; the first REPLIES_SHOWN of each,
 * and all of the open thread's.
 */
function shownReplies(db: Db, parentIds: number[], readable: SQL | undefined, openThread: number | null) {
  const ranked = db
    .select({
      id: comments.id,
      rank: sql<number>`row_number() over (partition by ${comments.parentId} order by ${comments.isOfficialAnswer} desc, ${comments.id})`.as('rank'),
      siblings: sql<number>`count(*) over (partition by ${comments.parentId})`.as('siblings'),
    })
    .from(comments)
    .where(and(inArray(comments.parentId, parentIds), readable))
    .as('ranked');
  const shown = lte(ranked.rank, REPLIES_SHOWN);
  return db
    .select({ ...commentColumns, siblings: ranked.siblings })
    .from(comments)
    .innerJoin(ranked, eq(ranked.id, comments.id))
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(moderations, commentModeration)
    .leftJoin(assistedContributions, commentAssistance)
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
    .leftJoin(media, commentRecording)
    .where(openThread ? or(shown, eq(comments.parentId, openThread)) : shown)
    .orderBy(asc(comments.id))
    .all();
}

/** The subject's counters, kept by the comments_counters_* triggers (migration 0009). */
function subjectCounters(db: Db, subject: CommentSubjectRef) {
  const table = subject.kind === 'topic' ? topics : projects;
  return db
    .select({
      for: table.stanceForCount,
      against: table.stanceAgainstCount,
      neutral: table.stanceNeutralCount,
      question: table.stanceQuestionCount,
      top: table.topCommentCount,
    })
    .from(table)
    .where(eq(table.id, subject.id))
    .get();
}

/**
 * How many top-level comments this reader sees (readableCommentsSql): the public counter (all but held
 * ones), plus the held ones they may see — their own, or all of them for a moderator — counted on the
 * small partial indexes comments_{topic,project}_held_idx, so never the subject's every comment.
 */
function topLevelTotal(db: Db, subject: CommentSubjectRef, communeId: number, actor: Actor | null): number {
  const publicTop = subjectCounters(db, subject)?.top ?? 0;
  if (moderatesCommune(actor, communeId)) return publicTop + (heldTopLevelCount(db, subject, null).get()?.n ?? 0);
  if (actor) return publicTop + (heldTopLevelCount(db, subject, actor.id).get()?.n ?? 0);
  return publicTop;
}

/**
 * Held top-level comments of a subject (of one author, or all): the literal 'held' lets SQLite use
 * the partial index comments_{topic,project}_held_idx, which holds only held comments.
 */
export function heldTopLevelCount(db: Db, subject: CommentSubjectRef, authorId: number | null) {
  return db
    .select({ n: count() })
    .from(comments)
    .where(and(onSubject(subject), sql`${comments.parentId} IS NULL`, sql`${comments.visibility} = 'held'`, authorId === null ? undefined : eq(comments.authorId, authorId)));
}

/** Stance counts of visible, not deleted comments (replies included), from the subject's counters. */
export function stanceCounts(db: Db, subject: CommentSubjectRef): Map<Stance, number> {
  const c = subjectCounters(db, subject);
  return new Map(c ? STANCES.filter((s) => c[s] > 0).map((s) => [s, c[s]] as const) : []);
}

/** Comments for the open-data export: visible and not deleted, display names only. */
export function exportComments(db: Db, topicId: number) {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      author: users.displayName,
      stance: comments.stance,
      body: comments.body,
      officialAnswer: comments.isOfficialAnswer,
      supports: comments.supportCount,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.topicId, topicId), eq(comments.visibility, 'visible'), sql`${comments.deletedAt} IS NULL`))
    .orderBy(asc(comments.id))
    .all();
}
