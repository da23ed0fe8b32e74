import 'server-only';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { defaultMediaDir } from '@/lib/media/config';
import { serveLessonImage } from './images';

/** The /images/<id>.webp route: the session is read only for a picture that is not public. */
export function serveLessonImageRoute(file: string): Promise<Response> {
  return serveLessonImage(getDb(), file, { dir: defaultMediaDir(), getActor });
}
