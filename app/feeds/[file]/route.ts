import { createTranslator } from 'next-intl';
import fr from '@/messages/fr.json';
import { publicContext } from '@/lib/auth/request-context';
import { atomFeed } from '@/lib/open-data/atom';
import { topicFeed } from '@/lib/open-data/feeds';
import { requestOrigin } from '@/lib/request-url';

/** /feeds/<commune-slug>.atom, or /feeds/all.atom. */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const feed = topicFeed(publicContext(), (await params).file);
  if (!feed) return new Response('Not found', { status: 404 });
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const origin = ((await requestOrigin()) ?? new URL(req.url)).origin;
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
