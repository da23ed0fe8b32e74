import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, sharedDevices, users } from '@/db/schema';

/** The space's shared computers still marked, newest first, with who marked them and open sessions. */
export function sharedDevicesOf(db: Db, spaceId: number) {
  return db
    .select({
      id: sharedDevices.id,
      label: sharedDevices.label,
      createdAt: sharedDevices.createdAt,
      markedBy: users.displayName,
      openSessions: sql<number>`(SELECT count(*) FROM ${sessions} WHERE ${sessions.sharedDeviceId} = ${sharedDevices.id} AND ${sessions.endedAt} IS NULL)`,
    })
    .from(sharedDevices)
    .innerJoin(users, eq(users.id, sharedDevices.markedBy))
    .where(and(eq(sharedDevices.spaceId, spaceId), isNull(sharedDevices.revokedAt)))
    .orderBy(desc(sharedDevices.id))
    .all();
}
