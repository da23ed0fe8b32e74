import { createTranslator } from 'next-intl';
import fr from '@/messages/fr.json';
import { publicContext } from '@/lib/auth/request-context';
import { atomFeed } from '@/lib/open-data/atom';
import { summaryFeed, topicFeed } from '@/lib/open-data/feeds';
import { podcastFeed } from '@/lib/open-data/podcast';
import { requestOrigin } from '@/lib/request-url';

/**
 * /feeds/<commune-slug>.atom or /feeds/all.atom: the topics; /feeds/<commune-slug>.rss or /feeds/all.rss:
 * the spoken summaries as an RSS 2.0 podcast (issue 13 §6), for podcast apps and community radio.
 */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const origin = ((await requestOrigin()) ?? new URL(req.url)).origin;
  if (file.endsWith('.rss')) return podcast(file, origin);
  const feed = topicFeed(publicContext(), file);
  if (!feed) return new Response('Not found', { status: 404 });
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const self = `${origin}/feeds/${feed.slug}.atom`;
  const body = atomFeed({
    id: self,
    title: feed.commune ? t('title', { commune: feed.commune.name }) : t('allTitle'),
    selfUrl: self,
    siteUrl: feed.commune ? `${origin}/topics?commune=${feed.commune.id}` : `${origin}/topics`,
    updated: feed.updated,
    entries: feed.entries.map(({ path, ...e }) => ({ ...e, id: `${origin}${path}`, url: `${origin}${path}` })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}

function podcast(file: string, origin: string): Response {
  const feed = summaryFeed(publicContext(), file);
  if (!feed) return new Response('Not found', { status: 404 });
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const tl = createTranslator({ locale: 'fr', messages: fr, namespace: 'Languages' });
  const body = podcastFeed({
    title: feed.commune ? t('podcastTitle', { commune: feed.commune.name }) : t('podcastAllTitle'),
    description: feed.commune ? t('podcastDescription', { commune: feed.commune.name }) : t('podcastAllDescription'),
    link: feed.commune ? `${origin}/topics?commune=${feed.commune.id}` : `${origin}/topics`,
    selfUrl: `${origin}/feeds/${feed.slug}.rss`,
    language: 'fr',
    author: 'Baro',
    updated: feed.updated,
    items: feed.items.map((i) => {
      const language = i.language && tl.has(i.language as 'fr') ? tl(i.language as 'fr') : '';
      return {
        guid: `${origin}/media/${i.mediaId}.webm`,
        title: t(i.summary === 'decision' ? 'podcastDecisionItem' : 'podcastTopicItem', { title: i.topicTitle, language }),
        description: i.description,
        link: `${origin}/topics/${i.topicId}`,
        published: i.published,
        enclosure: { url: `${origin}/media/${i.mediaId}.webm`, length: i.sizeBytes, type: 'audio/webm' },
        durationMs: i.durationMs,
        language: i.language,
        author: i.author,
      };
    }),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
