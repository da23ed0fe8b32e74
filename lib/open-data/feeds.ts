import { createTranslator } from 'next-intl';
import type { Db } from '@/db/client';
import { feedTopics } from '@/db/queries/feeds';
import { getCommuneBySlug } from '@/db/queries/geography';
import fr from '@/messages/fr.json';
import { absoluteUrl } from '@/lib/site-url';
import { atomFeed } from './atom';

/**
 * The Atom feed of a commune's public topics ("nioro-du-sahel"), or of every commune ("all"); null for
 * an unknown commune. Every link is on PUBLIC_URL, whatever address the request came to.
 */
export function topicsFeed(db: Db, name: string): string | null {
  const commune = name === 'all' ? null : getCommuneBySlug(db, name);
  if (name !== 'all' && !commune) return null;
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const rows = feedTopics(db, commune?.id ?? null);
  const self = absoluteUrl(`/feeds/${name}.atom`);
  return atomFeed({
    id: self,
    title: commune ? t('title', { commune: commune.name }) : t('allTitle'),
    selfUrl: self,
    siteUrl: absoluteUrl(commune ? `/topics?commune=${commune.id}` : '/topics'),
    updated: rows[0]?.updatedAt ?? rows[0]?.createdAt ?? new Date(0).toISOString(),
    entries: rows.map((r) => ({
      id: absoluteUrl(`/topics/${r.id}`),
      title: r.title,
      summary: r.summary,
      url: absoluteUrl(`/topics/${r.id}`),
      updated: r.updatedAt ?? r.createdAt,
      author: r.author,
    })),
  });
}
