import { serveMediaRequest } from '@/lib/media/serve-media';

/**
 * /media/<id>.webm: a recording, streamed with byte ranges; who may hear it is decided in lib/media/access.ts.
 * (proxy.ts gives it no language prefix and no session headers: a file, with the file policy.)
 */
async function handle(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveMediaRequest(req, (await params).file);
}

export const GET = handle;
export const HEAD = handle;
