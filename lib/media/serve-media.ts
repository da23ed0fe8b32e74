import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/permissions';
import { isPublicMedia, loadReadableMedia } from './access';
import { OUTPUT_EXT } from './limits';
import { parseRange } from './range';
import { mediaFilePath } from './store';

const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
const PRIVATE_CACHE = 'private, no-store';

/** Headers every answer carries: nothing here is ever a page, and nothing is guessed from the bytes. */
function baseHeaders(cache: string): Headers {
  return new Headers({
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
    // opened directly, a recording is never a document that could run anything
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
}

function plain(status: number, text: string, headers = baseHeaders('no-store')): Response {
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(text, { status, headers });
}

/**
 * GET/HEAD /media/<id>.webm: a recording, with byte ranges (players seek and Safari asks for ranges only).
 * Published: cached for a year by anyone (the file never changes: its name in storage is its sha-256, its
 * ETag too). Held, pending or rejected: only for its owner, its commune's moderators and admins, and never
 * stored by a cache. Refusals are not cached either, so a recording published later is served at once.
 * The file is streamed, never read whole into memory.
 */
export async function serveMedia(
  db: Db,
  req: Request,
  file: string,
  { dir, getActor }: { dir: string; getActor: () => Promise<Actor | null> },
): Promise<Response> {
  const m = /^(\d{1,12})\.webm$/.exec(file);
  if (!m) return plain(404, 'Not found');
  const found = await loadReadableMedia(db, Number(m[1]), getActor);
  if (!found.ok) return found.error === 'forbidden' ? plain(403, 'Forbidden') : plain(404, 'Not found');
  const item = found.value;

  const path = mediaFilePath(dir, item.sha256);
  let size: number;
  try {
    size = (await fs.promises.stat(path)).size;
  } catch {
    return plain(404, 'Not found');
  }

  const isPublic = isPublicMedia(item);
  const headers = baseHeaders(isPublic ? PUBLIC_CACHE : PRIVATE_CACHE);
  const etag = `"${item.sha256}"`;
  headers.set('Content-Type', item.mime);
  headers.set('Accept-Ranges', 'bytes');
  headers.set('Content-Disposition', `inline; filename="baro-${item.id}.${OUTPUT_EXT}"`);
  if (isPublic) {
    headers.set('ETag', etag);
    if (matchesEtag(req.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  }

  // If-Range with another validator: the client's copy is stale, send the whole file.
  const ifRange = req.headers.get('if-range');
  const rangeHeader = ifRange !== null && ifRange.trim() !== etag ? null : req.headers.get('range');
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response('Range not satisfiable', { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const status = range ? 206 : 200;
  if (req.method === 'HEAD') return new Response(null, { status, headers });
  const stream = fs.createReadStream(path, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}

/** The /media/<id>.webm route's whole answer: the app's database and media folder, the request's reader. */
export async function serveMediaRequest(req: Request, file: string): Promise<Response> {
  const [{ getDb }, { getActor }, { defaultMediaDir }] = await Promise.all([import('@/db/client'), import('@/lib/auth/session'), import('./config')]);
  return serveMedia(getDb(), req, file, { dir: defaultMediaDir(), getActor });
}
