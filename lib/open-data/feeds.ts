import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getCommuneBySlug } from '@/db/queries/geography';
import { communes, media, topics, users } from '@/db/schema';
import { publicTopicSql } from '@/lib/topics/visibility';
import type { ViewContext } from '@/lib/view-context';
import { createTranslator } from 'next-intl';
import fr from '@/messages/fr.json';
import { absoluteUrl } from '@/lib/site-url';
import { atomFeed, type AtomEntry } from './atom';
import { podcastFeed } from './podcast';

/** The latest public topics, of one commune or of all. */
export function feedTopics(db: Db, communeId: number | null, limit = 50) {
  return db
    .select({
      id: topics.id,
      title: topics.title,
      summary: topics.summary,
      createdAt: topics.createdAt,
      updatedAt: topics.updatedAt,
      author: users.displayName,
      commune: communes.name,
    })
    .from(topics)
    .innerJoin(users, eq(users.id, topics.authorId))
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .where(and(publicTopicSql, communeId ? eq(topics.communeId, communeId) : undefined))
    .orderBy(desc(topics.id))
    .limit(limit)
    .all();
}

/** What /feeds/<file> serves: the feed's commune (null: all communes) and its entries, paths without origin. */
export type TopicFeed = {
  /** "all" or the commune's slug */
  slug: string;
  commune: { id: number; name: string } | null;
  updated: string;
  entries: (Omit<AtomEntry, 'id' | 'url'> & { path: string })[];
};

/** /feeds/<commune-slug>.atom or /feeds/all.atom; null for any other name (404). Public data: no reader needed. */
export function topicFeed(ctx: Pick<ViewContext, 'db'>, file: string): TopicFeed | null {
  const m = /^([a-z0-9-]{1,60})\.atom$/.exec(file);
  if (!m) return null;
  const slug = m[1]!;
  const commune = slug === 'all' ? null : getCommuneBySlug(ctx.db, slug);
  if (slug !== 'all' && !commune) return null;
  const rows = feedTopics(ctx.db, commune?.id ?? null);
  return {
    slug,
    commune: commune ? { id: commune.id, name: commune.name } : null,
    updated: rows[0]?.updatedAt ?? rows[0]?.createdAt ?? new Date(0).toISOString(),
    entries: rows.map((r) => ({ path: `/topics/${r.id}`, title: r.title, summary: r.summary, updated: r.updatedAt ?? r.createdAt, author: r.author })),
  };
}

/**
 * The Atom document of /feeds/<file> (null: 404). Every link is on PUBLIC_URL (lib/site-url.ts), whatever
 * address the request came to: a feed is kept by readers and caches, a forged Host must not end up in it.
 */
export function topicFeedAtom(ctx: Pick<ViewContext, 'db'>, file: string): string | null {
  const feed = topicFeed(ctx, file);
  if (!feed) return null;
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const self = absoluteUrl(`/feeds/${feed.slug}.atom`);
  return atomFeed({
    id: self,
    title: feed.commune ? t('title', { commune: feed.commune.name }) : t('allTitle'),
    selfUrl: self,
    siteUrl: absoluteUrl(feed.commune ? `/topics?commune=${feed.commune.id}` : '/topics'),
    updated: feed.updated,
    entries: feed.entries.map(({ path, ...e }) => ({ ...e, id: absoluteUrl(path), url: absoluteUrl(path) })),
  });
}

/** The latest published spoken summaries of public topics (of one commune, or of all), newest first. */
export function feedSummaries(db: Db, communeId: number | null, limit = 100) {
  return db
    .select({
      id: media.id,
      kind: media.kind,
      language: media.language,
      sizeBytes: media.sizeBytes,
      durationMs: media.durationMs,
      transcript: media.transcript,
      published: media.updatedAt,
      createdAt: media.createdAt,
      topicId: topics.id,
      title: topics.title,
      summary: topics.summary,
      commune: communes.name,
      author: users.displayName,
    })
    .from(media)
    .innerJoin(topics, eq(topics.id, media.subjectId))
    .innerJoin(communes, eq(communes.id, topics.communeId))
    .innerJoin(users, eq(users.id, media.ownerId))
    .where(and(inArray(media.kind, ['topic_summary', 'decision_summary']), eq(media.state, 'published'), publicTopicSql, communeId ? eq(topics.communeId, communeId) : undefined))
    .orderBy(desc(media.id))
    .limit(limit)
    .all();
}

export type SummaryFeed = {
  /** "all" or the commune's slug */
  slug: string;
  commune: { id: number; name: string } | null;
  updated: string;
  items: {
    mediaId: number;
    /** a summary of the topic, or of its decision */
    summary: 'topic' | 'decision';
    language: string | null;
    topicId: number;
    topicTitle: string;
    description: string;
    author: string;
    published: string;
    sizeBytes: number;
    durationMs: number;
  }[];
};

/**
 * /feeds/<commune-slug>.rss or /feeds/all.rss (issue 13 §6): the commune's spoken summaries, as a podcast a
 * radio station or a podcast app picks up; null for any other name (404). Public data: no reader needed.
 */
export function summaryFeed(ctx: Pick<ViewContext, 'db'>, file: string): SummaryFeed | null {
  const m = /^([a-z0-9-]{1,60})\.rss$/.exec(file);
  if (!m) return null;
  const slug = m[1]!;
  const commune = slug === 'all' ? null : getCommuneBySlug(ctx.db, slug);
  if (slug !== 'all' && !commune) return null;
  const rows = feedSummaries(ctx.db, commune?.id ?? null);
  const when = (r: (typeof rows)[number]) => r.published ?? r.createdAt;
  return {
    slug,
    commune: commune ? { id: commune.id, name: commune.name } : null,
    updated: rows[0] ? when(rows[0]) : new Date(0).toISOString(),
    items: rows.map((r) => ({
      mediaId: r.id,
      summary: r.kind === 'decision_summary' ? 'decision' : 'topic',
      language: r.language,
      topicId: r.topicId,
      topicTitle: r.title,
      description: r.transcript ?? r.summary,
      author: r.author,
      published: when(r),
      sizeBytes: r.sizeBytes,
      durationMs: r.durationMs,
    })),
  };
}

/**
 * The RSS podcast document of /feeds/<file>.rss (null: 404), every link on PUBLIC_URL like the Atom feed's.
 */
export function summaryFeedRss(ctx: Pick<ViewContext, 'db'>, file: string): string | null {
  const feed = summaryFeed(ctx, file);
  if (!feed) return null;
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const tl = createTranslator({ locale: 'fr', messages: fr, namespace: 'Languages' });
  const link = absoluteUrl(feed.commune ? `/topics?commune=${feed.commune.id}` : '/topics');
  return podcastFeed({
    title: feed.commune ? t('podcastTitle', { commune: feed.commune.name }) : t('podcastAllTitle'),
    description: feed.commune ? t('podcastDescription', { commune: feed.commune.name }) : t('podcastAllDescription'),
    link,
    selfUrl: absoluteUrl(`/feeds/${feed.slug}.rss`),
    language: 'fr',
    author: 'Baro',
    updated: feed.updated,
    items: feed.items.map((i) => {
      const language = i.language && tl.has(i.language as 'fr') ? tl(i.language as 'fr') : '';
      const recording = absoluteUrl(`/media/${i.mediaId}.webm`);
      return {
        guid: recording,
        title: t(i.summary === 'decision' ? 'podcastDecisionItem' : 'podcastTopicItem', { title: i.topicTitle, language }),
        description: i.description,
        link: absoluteUrl(`/topics/${i.topicId}`),
        published: i.published,
        enclosure: { url: recording, length: i.sizeBytes, type: 'audio/webm' },
        durationMs: i.durationMs,
        language: i.language,
        author: i.author,
      };
    }),
  });
}
