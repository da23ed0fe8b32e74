import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { defaultMediaDir } from '@/lib/media/config';
import { serveMedia } from '@/lib/media/serve-media';

/**
 * /media/<id>.webm: a recording, streamed with byte ranges; who may hear it is decided in lib/media/access.ts.
 * (The dot keeps this path out of proxy.ts: no language prefix, no session headers.)
 */
async function handle(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveMedia(getDb(), req, (await params).file, { dir: defaultMediaDir(), getActor });
}

export const GET = handle;
export const HEAD = handle;
