import { and, asc, count, desc, eq, gt, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { ageBandSql, genderGroupSql, type GroupCount } from './demographics';
import { assistedContributions, commentSupports, comments, communes, connectedSpaces, projects, roleGrants, STANCES, topicPhaseChanges, topicRevisions, topics, users, voteTallies, votes, type Phase, type Sector, moderations } from '../schema';

export const TOPICS_PER_PAGE = 20;
export const COMMENTS_PER_PAGE = 20;
export const TOPIC_SORTS = ['newest', 'closing', 'discussed'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];
export const COMMENT_SORTS = ['oldest', 'newest', 'supported'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export type TopicFilters = {
  communeId?: number;
  sector?: Sector;
  phase?: Phase;
  sort: TopicSort;
  page: number;
  /** communes whose drafts and held topics this reader may see (officials, admins: all → 'all') */
  internalCommunes: number[] | 'all';
  nowIso: string;
};

/** What a reader may see: public topics, plus drafts of the communes they run. */
function topicVisibility(internal: number[] | 'all'): SQL | undefined {
  const publicTopics = and(ne(topics.phase, 'draft'), eq(topics.visibility, 'visible'));
  if (internal === 'all') return undefined;
  if (internal.length === 0) return publicTopics;
  return or(publicTopics, inArray(topics.communeId, internal));
}

/** The phase a reader sees: an open topic past its close date is closed. */
const effectivePhaseSql = (nowIso: string) =>
  sql<Phase>`CASE WHEN ${topics.phase} = 'open' AND ${topics.closesAt} <= ${nowIso} THEN 'deliberation' ELSE ${topics.phase} END`;

export function listTopics(db: Db, f: TopicFilters) {
  const conds: (SQL | undefined)[] = [topicVisibility(f.internalCommunes)];
  if (f.communeId) conds.push(eq(topics.communeId, f.communeId));
  if (f.sector) conds.push(eq(topics.sector, f.sector));
  if (f.phase) conds.push(sql`${effectivePhaseSql(f.nowIso)} = ${f.phase}`);
  const where = and(...conds);
  const total = db.select({ n: count() }).from(topics).where(where).get()?.n ?? 0;
  const order =
    f.sort === 'closing'
      ? [sql`CASE WHEN ${effectivePhaseSql(f.nowIso)} = 'open' THEN 0 ELSE 1 END`, asc(topics.closesAt), desc(topics.id)]
      : f.sort === 'discussed'
        ? [desc(topics.commentCount), desc(topics.id)]
        : [desc(topics.createdAt), desc(topics.id)];
  const rows = db
    .select({
      id: topics.id,
      title: topics.title,
      summary: topics.summary,
      sector: topics.sector,
      phase: effectivePhaseSql(f.nowIso),
      communeId: topics.communeId,
      commune: communes.name,
      opensAt: topics.opensAt,
      closesAt: topics.closesAt,
      commentCount: topics.commentCount,
      voteCount: topics.voteCount,
      createdAt: topics.createdAt,
      visibility: topics.visibility,
    })
    .from(topics)
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .where(where)
    .orderBy(...order)
    .limit(TOPICS_PER_PAGE)
    .offset((Math.max(1, f.page) - 1) * TOPICS_PER_PAGE)
    .all();
  return { rows, total, pages: Math.max(1, Math.ceil(total / TOPICS_PER_PAGE)) };
}

/** Open consultations, the reader's commune first. */
export function openTopicsForHome(db: Db, communeId: number | null, nowIso: string, limit = 6) {
  return db
    .select({
      id: topics.id,
      title: topics.title,
      summary: topics.summary,
      sector: topics.sector,
      commune: communes.name,
      communeId: topics.communeId,
      closesAt: topics.closesAt,
      commentCount: topics.commentCount,
      voteCount: topics.voteCount,
    })
    .from(topics)
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .where(and(eq(topics.phase, 'open'), gt(topics.closesAt, nowIso), eq(topics.visibility, 'visible')))
    .orderBy(sql`CASE WHEN ${topics.communeId} = ${communeId ?? -1} THEN 0 ELSE 1 END`, asc(topics.closesAt))
    .limit(limit)
    .all();
}

export function getTopicView(db: Db, id: number) {
  const author = alias(users, 'author');
  const row = db
    .select({ topic: topics, commune: communes.name, communeSlug: communes.slug, authorName: author.displayName })
    .from(topics)
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .innerJoin(author, eq(author.id, topics.authorId))
    .where(eq(topics.id, id))
    .get();
  if (!row) return undefined;
  // The publisher's public title as it is now (e.g. "Maire de Nioro du Sahel").
  const title = db
    .select({ title: roleGrants.title })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, row.topic.authorId), eq(roleGrants.role, 'official'), eq(roleGrants.communeId, row.topic.communeId)))
    .orderBy(desc(roleGrants.id))
    .get();
  return { ...row, authorTitle: title?.title ?? null };
}

export function phaseTimeline(db: Db, topicId: number) {
  return db
    .select({ toPhase: topicPhaseChanges.toPhase, createdAt: topicPhaseChanges.createdAt, actorId: topicPhaseChanges.actorId })
    .from(topicPhaseChanges)
    .where(eq(topicPhaseChanges.topicId, topicId))
    .orderBy(asc(topicPhaseChanges.createdAt), asc(topicPhaseChanges.id))
    .all();
}

export function topicRevisionList(db: Db, topicId: number) {
  return db
    .select({
      id: topicRevisions.id,
      title: topicRevisions.title,
      summary: topicRevisions.summary,
      body: topicRevisions.body,
      createdAt: topicRevisions.createdAt,
      editor: users.displayName,
    })
    .from(topicRevisions)
    .leftJoin(users, eq(users.id, topicRevisions.editorId))
    .where(eq(topicRevisions.topicId, topicId))
    .orderBy(desc(topicRevisions.id))
    .all();
}

/** Public tally: counts per choice, residents of the topic's commune apart from others. */
export function tally(db: Db, topicId: number, communeId: number) {
  // vote_tallies is kept by triggers (migration 0010): a few rows per topic, however many votes.
  const rows = db
    .select({
      choice: voteTallies.choice,
      resident: sql<number>`${voteTallies.communeId} = ${communeId}`,
      n: sql<number>`sum(${voteTallies.n})`,
    })
    .from(voteTallies)
    .where(and(eq(voteTallies.topicId, topicId), sql`${voteTallies.n} > 0`))
    .groupBy(voteTallies.choice, sql`${voteTallies.communeId} = ${communeId}`)
    .all();
  const byChoice = new Map<string, { residents: number; others: number }>();
  for (const r of rows) {
    const c = byChoice.get(r.choice) ?? { residents: 0, others: 0 };
    if (r.resident) c.residents += r.n;
    else c.others += r.n;
    byChoice.set(r.choice, c);
  }
  return byChoice;
}

export { AGE_BANDS, ageBandSql, type AgeBand } from './demographics';

/**
 * A topic's votes counted by choice and by the voter's gender ("woman", "man", "unknown" = not stated)
 * or age band, for the officials' split (lib/topics/vote-split.ts decides what of it is shown). Verified
 * voters only, as in the public tally (migration 0015).
 */
export function voteCountsBy(db: Db, topicId: number, dimension: 'gender' | 'age', year: number): GroupCount[] {
  const group = dimension === 'gender' ? genderGroupSql : (ageBandSql(year) as unknown as SQL<string>);
  return db
    .select({ group, choice: votes.choice, n: count() })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(and(eq(votes.topicId, topicId), isNotNull(users.verifiedAt)))
    .groupBy(group, votes.choice)
    .all();
}

/** What comments belong to: a topic (a bare number, for short) or a citizen project. */
export type CommentTarget = number | { kind: 'topic' | 'project'; id: number };

function onTarget(target: CommentTarget): SQL {
  if (typeof target === 'number') return eq(comments.topicId, target);
  return target.kind === 'topic' ? eq(comments.topicId, target.id) : eq(comments.projectId, target.id);
}

export type CommentViewer = { userId: number | null; moderatesAll: boolean; moderatedCommunes: number[] };

const isModeratorOf = (viewer: CommentViewer, communeId: number) => viewer.moderatesAll || viewer.moderatedCommunes.includes(communeId);

/**
 * Visible comments; hidden ones as a placeholder ("Hidden by moderation: reason", the text is
 * withheld below); held ones only to their author ("awaiting review") and moderators.
 */
function commentVisibility(viewer: CommentViewer, communeId: number): SQL | undefined {
  if (isModeratorOf(viewer, communeId)) return undefined;
  if (viewer.userId) return or(ne(comments.visibility, 'held'), eq(comments.authorId, viewer.userId));
  return ne(comments.visibility, 'held');
}

/** The text of hidden content never leaves the server, except to its author and moderators. */
function redact<T extends { visibility: string; authorId: number; body: string }>(rows: T[], viewer: CommentViewer, communeId: number): T[] {
  if (isModeratorOf(viewer, communeId)) return rows;
  return rows.map((r) => (r.visibility === 'hidden' && r.authorId !== viewer.userId ? { ...r, body: '' } : r));
}

const commentModeration = and(eq(moderations.contentType, 'comment'), eq(moderations.contentId, comments.id));
/** Entered by a facilitator for its author (assisted_subject_idx): the page shows a small badge. */
const commentAssistance = and(eq(assistedContributions.kind, 'comment'), eq(assistedContributions.subjectId, comments.id));

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
};

/**
 * One page of top-level comments (20), in a stable order, with their replies. Uses the
 * (topic_id | project_id, parent_id, …) indexes, so a page costs the same with 100 or 100,000 comments.
 */
export function commentsPage(db: Db, target: CommentTarget, communeId: number, sort: CommentSort, page: number, viewer: CommentViewer) {
  const where = and(onTarget(target), sql`${comments.parentId} IS NULL`, commentVisibility(viewer, communeId));
  const total = topLevelTotal(db, target, communeId, viewer);
  const order =
    sort === 'newest' ? [desc(comments.id)] : sort === 'supported' ? [desc(comments.supportCount), asc(comments.id)] : [asc(comments.id)];
  const top = db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(moderations, commentModeration)
    .leftJoin(assistedContributions, commentAssistance)
    .leftJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
    .where(where)
    .orderBy(...order)
    .limit(COMMENTS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * COMMENTS_PER_PAGE)
    .all();
  const ids = top.map((c) => c.id);
  const replies = ids.length
    ? db
        .select(commentColumns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .leftJoin(moderations, commentModeration)
        .leftJoin(assistedContributions, commentAssistance)
        .leftJoin(connectedSpaces, eq(connectedSpaces.id, assistedContributions.spaceId))
        .where(and(inArray(comments.parentId, ids), commentVisibility(viewer, communeId)))
        .orderBy(asc(comments.id))
        .all()
    : [];
  const supported = viewer.userId && ids.length
    ? new Set(
        db
          .select({ id: commentSupports.commentId })
          .from(commentSupports)
          .where(and(eq(commentSupports.userId, viewer.userId), inArray(commentSupports.commentId, [...ids, ...replies.map((r) => r.id)])))
          .all()
          .map((r) => r.id),
      )
    : new Set<number>();
  return {
    top: redact(top, viewer, communeId),
    replies: redact(replies, viewer, communeId),
    total,
    pages: Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE)),
    supported,
  };
}

/** The subject's counters, kept by the comments_counters_* triggers (migration 0009). */
function subjectCounters(db: Db, target: CommentTarget) {
  const t = typeof target === 'number' ? { kind: 'topic' as const, id: target } : target;
  const table = t.kind === 'topic' ? topics : projects;
  return db
    .select({
      for: table.stanceForCount,
      against: table.stanceAgainstCount,
      neutral: table.stanceNeutralCount,
      question: table.stanceQuestionCount,
      top: table.topCommentCount,
    })
    .from(table)
    .where(eq(table.id, t.id))
    .get();
}

/**
 * How many top-level comments this reader sees (commentVisibility): the public counter (all but held
 * ones), plus the held ones they may see — their own, or all of them for a moderator — counted on the
 * small partial indexes comments_{topic,project}_held_idx, so never the subject's every comment.
 */
function topLevelTotal(db: Db, target: CommentTarget, communeId: number, viewer: CommentViewer): number {
  const publicTop = subjectCounters(db, target)?.top ?? 0;
  if (isModeratorOf(viewer, communeId)) return publicTop + (heldTopLevelCount(db, target, null).get()?.n ?? 0);
  if (viewer.userId) return publicTop + (heldTopLevelCount(db, target, viewer.userId).get()?.n ?? 0);
  return publicTop;
}

/**
 * Held top-level comments of a subject (of one author, or all): the literal 'held' lets SQLite use
 * the partial index comments_{topic,project}_held_idx, which holds only held comments.
 */
export function heldTopLevelCount(db: Db, target: CommentTarget, authorId: number | null) {
  return db
    .select({ n: count() })
    .from(comments)
    .where(and(onTarget(target), sql`${comments.parentId} IS NULL`, sql`${comments.visibility} = 'held'`, authorId === null ? undefined : eq(comments.authorId, authorId)));
}

/** Stance counts of visible, not deleted comments (replies included), from the subject's counters. */
export function stanceCounts(db: Db, target: CommentTarget): Map<(typeof STANCES)[number], number> {
  const c = subjectCounters(db, target);
  return new Map(c ? STANCES.filter((s) => c[s] > 0).map((s) => [s, c[s]] as const) : []);
}

export function myVote(db: Db, topicId: number, userId: number) {
  return db.select({ choice: votes.choice }).from(votes).where(and(eq(votes.topicId, topicId), eq(votes.userId, userId))).get()?.choice ?? null;
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

