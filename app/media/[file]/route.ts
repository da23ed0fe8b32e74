import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { defaultMediaDir } from '@/lib/media/config';
import { serveMedia } from '@/lib/media/serve-media';

/**
 * /media/<id>.webm: a recording, streamed with byte ranges; who may hear it is decided in lib/media/access.ts.
 * (proxy.ts gives it no language prefix and no session headers: a file, with the file policy.)
 */
async function handle(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveMedia(getDb(), req, (await params).file, { dir: defaultMediaDir(), getActor });
}

export const GET = handle;
export const HEAD = handle;
