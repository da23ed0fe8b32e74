import path from 'node:path';
import { env } from '@/lib/env';

/**
 * MEDIA_DIR, or data/media under the working directory (beside data/baro.db). The folder is only known at
 * run time: the comments keep Turbopack from tracing (and copying) the whole project into the build.
 */
export function defaultMediaDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().MEDIA_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'media'));
}
