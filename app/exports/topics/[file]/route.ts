import { getDb } from '@/db/client';
import { commentsExport, tallyExport, toCsv } from '@/lib/open-data/exports';
import { can } from '@/lib/permissions';
import { findTopic } from '@/lib/topics/load';

const FILE = /^(\d{1,9})-(comments|tally)\.(csv|json)$/;

/** /exports/topics/12-comments.csv, 12-tally.json, …: public topics only. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const m = FILE.exec((await params).file);
  if (!m) return new Response('Not found', { status: 404 });
  const db = getDb();
  const topic = findTopic(db, Number(m[1]));
  // Open data is public data: read as an anonymous visitor would (drafts and held topics do not exist here).
  if (!topic || !can(null, 'topic.read', topic)) return new Response('Not found', { status: 404 });
  const rows: Record<string, string | number>[] = m[2] === 'comments' ? commentsExport(db, topic) : tallyExport(db, topic);
  const name = `baro-topic-${topic.id}-${m[2]}.${m[3]}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'public, max-age=60',
  };
  if (m[3] === 'json') {
    return Response.json({ topic: { id: topic.id, title: topic.title, phase: topic.phase }, [m[2]!]: rows }, { headers });
  }
  const columns = m[2] === 'comments'
    ? ['id', 'parent_id', 'author', 'stance', 'official_answer', 'supports', 'created_at', 'body']
    : ['choice', 'label', 'residents', 'others', 'total', 'assisted_total'];
  return new Response(toCsv(rows, columns), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
}
