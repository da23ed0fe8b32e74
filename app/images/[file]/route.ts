import { serveLessonImageRoute } from '@/lib/learn/image-route';

/**
 * /images/<id>.webp: a lesson's picture (re-encoded WebP); who may see it is decided in lib/learn/images.ts.
 * (The dot keeps this path out of proxy.ts: no language prefix, no session headers.)
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveLessonImageRoute((await params).file);
}
