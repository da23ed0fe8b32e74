import fs from 'node:fs';
import path from 'node:path';

/**
 * The service worker (sw/sw.ts), as scripts/build-sw.mjs built it after `next build` into .next/baro/.
 * Read at request time (it is written after Next's own build); 404 when there is none (`next dev`).
 * no-cache: the browser asks again at each visit whether it changed (a 304 when it did not).
 */
export const dynamic = 'force-dynamic';

let kept: { mtimeMs: number; body: string } | null = null;

export async function GET(req: Request) {
  const file = path.join(process.cwd(), '.next', 'baro', 'sw.js');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return new Response('', { status: 404 });
  }
  const etag = `"${stat.mtimeMs.toString(36)}-${stat.size.toString(36)}"`;
  const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', ETag: etag };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  if (!kept || kept.mtimeMs !== stat.mtimeMs) kept = { mtimeMs: stat.mtimeMs, body: fs.readFileSync(file, 'utf8') };
  return new Response(kept.body, { headers });
}
