import { serveLessonImageRoute } from '@/lib/learn/image-route';

/**
 * /images/<id>.webp: a lesson's picture (re-encoded WebP); who may see it is decided in lib/learn/images.ts.
 * (proxy.ts gives it no language prefix and no session headers: a file, with the file policy.)
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveLessonImageRoute((await params).file);
}
