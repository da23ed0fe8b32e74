import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { connectedSpaces } from '@/db/schema';

/**
 * What the printable slip shows, once: the PIN exists in clear only in this value, on its way to the
 * facilitator's screen. Never stored, logged or put in a URL.
 */
export type ParticipantSlip = {
  userId: number;
  displayName: string;
  code: string;
  pin: string;
  /** the participant's preferred language (the slip is printed in it when Baro has it, else in French) */
  language: string;
  spaceName: string;
  spaceAddress: string;
  spaceHours: string;
};

export function findSpace(db: Pick<Db, 'select'>, spaceId: number) {
  return db.select().from(connectedSpaces).where(eq(connectedSpaces.id, spaceId)).get();
}
