import type { Db } from '@/db/client';
import { screen } from '@/lib/moderation/screen';
import { isTrusted, type Actor } from '@/lib/permissions';

type Fields = { title: string; place: string; agenda: string };

/**
 * What the public reads of a meeting is screened like an official publication: insults and
 * duplicates are refused; a phone number or an address in it is expected, not held.
 */
export function screenMeeting(db: Db, actor: Actor, v: Fields, now: Date, checkHistory = true) {
  return screen(db, { kind: 'update', authorId: actor.id, text: `${v.title}\n${v.place}\n${v.agenda}`, trusted: isTrusted(actor), checkHistory, now });
}
