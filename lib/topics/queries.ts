import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { communes, roleGrants, topicPhaseChanges, topicRevisions, topics, users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import type { Phase } from './phases';
import type { Sector } from './sectors';
import { publicTopicSql, readableTopicsSql } from './visibility';

export const TOPICS_PER_PAGE = 20;
export const TOPIC_SORTS = ['newest', 'closing', 'discussed'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export type TopicFilters = { communeId?: number; sector?: Sector; phase?: Phase; sort: TopicSort; page: number };

/** The phase a reader sees (lib/topics/phases.ts effectivePhase, in SQL): an open topic past its close date is closed. */
const effectivePhaseSql = (nowIso: string) =>
  sql<Phase>`CASE WHEN ${topics.phase} = 'open' AND ${topics.closesAt} <= ${nowIso} THEN 'deliberation' ELSE ${topics.phase} END`;

/** One page of the topics this person may read (public ones, and the drafts and held topics of the communes they run). */
export function listTopics(db: Db, actor: Actor | null, f: TopicFilters, now: Date) {
  const nowIso = now.toISOString();
  const conds: (SQL | undefined)[] = [readableTopicsSql(actor)];
  if (f.communeId) conds.push(eq(topics.communeId, f.communeId));
  if (f.sector) conds.push(eq(topics.sector, f.sector));
  if (f.phase) conds.push(sql`${effectivePhaseSql(nowIso)} = ${f.phase}`);
  const where = and(...conds);
  const total = db.select({ n: count() }).from(topics).where(where).get()?.n ?? 0;
  const order =
    f.sort === 'closing'
      ? [sql`CASE WHEN ${effectivePhaseSql(nowIso)} = 'open' THEN 0 ELSE 1 END`, asc(topics.closesAt), desc(topics.id)]
      : f.sort === 'discussed'
        ? [desc(topics.commentCount), desc(topics.id)]
        : [desc(topics.createdAt), desc(topics.id)];
  const rows = db
    .select({
      id: topics.id,
      title: topics.title,
      summary: topics.summary,
      sector: topics.sector,
      phase: effectivePhaseSql(nowIso),
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

/** Public consultations open right now, the reader's commune first. */
export function openTopicsForHome(db: Db, communeId: number | null, now: Date, limit = 6) {
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
    .where(and(publicTopicSql, eq(topics.phase, 'open'), gt(topics.closesAt, now.toISOString())))
    .orderBy(sql`CASE WHEN ${topics.communeId} = ${communeId ?? -1} THEN 0 ELSE 1 END`, asc(topics.closesAt))
    .limit(limit)
    .all();
}

/** A topic with its commune and its publisher's name and public title as they are now (e.g. "Maire de Nioro du Sahel"). */
export function topicWithPublisher(db: Db, id: number) {
  const author = alias(users, 'author');
  const row = db
    .select({ topic: topics, commune: communes.name, communeSlug: communes.slug, authorName: author.displayName })
    .from(topics)
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .innerJoin(author, eq(author.id, topics.authorId))
    .where(eq(topics.id, id))
    .get();
  if (!row) return undefined;
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

export function topicRevisionCount(db: Db, topicId: number): number {
  return db.select({ n: count() }).from(topicRevisions).where(eq(topicRevisions.topicId, topicId)).get()?.n ?? 0;
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
