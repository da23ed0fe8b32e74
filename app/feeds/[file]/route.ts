import { createTranslator } from 'next-intl';
import { getDb } from '@/db/client';
import { feedTopics } from '@/db/queries/feeds';
import { getCommuneBySlug } from '@/db/queries/geography';
import fr from '@/messages/fr.json';
import { atomFeed } from '@/lib/open-data/atom';

/** /feeds/<commune-slug>.atom, or /feeds/all.atom. */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const m = /^([a-z0-9-]{1,60})\.atom$/.exec((await params).file);
  if (!m) return new Response('Not found', { status: 404 });
  const db = getDb();
  const commune = m[1] === 'all' ? null : getCommuneBySlug(db, m[1]!);
  if (m[1] !== 'all' && !commune) return new Response('Not found', { status: 404 });
  const t = createTranslator({ locale: 'fr', messages: fr, namespace: 'Feed' });
  const origin = new URL(req.url).origin;
  const rows = feedTopics(db, commune?.id ?? null);
  const body = atomFeed({
    id: `${origin}/feeds/${m[1]}.atom`,
    title: commune ? t('title', { commune: commune.name }) : t('allTitle'),
    selfUrl: `${origin}/feeds/${m[1]}.atom`,
    siteUrl: commune ? `${origin}/topics?commune=${commune.id}` : `${origin}/topics`,
    updated: rows[0]?.updatedAt ?? rows[0]?.createdAt ?? new Date(0).toISOString(),
    entries: rows.map((r) => ({
      id: `${origin}/topics/${r.id}`,
      title: r.title,
      summary: r.summary,
      url: `${origin}/topics/${r.id}`,
      updated: r.updatedAt ?? r.createdAt,
      author: r.author,
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
