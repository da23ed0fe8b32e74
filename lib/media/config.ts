import path from 'node:path';
import { env } from '@/lib/env';

/** MEDIA_DIR, or data/media under the working directory (beside data/baro.db). */
export function defaultMediaDir(): string {
  return path.resolve(env().MEDIA_DIR || path.join(process.cwd(), 'data', 'media'));
}
