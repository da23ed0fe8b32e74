import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { communes, connectedSpaces, roleGrants, users } from '@/db/schema';

export function getSpaceBySlug(db: Db, slug: string) {
  return db
    .select({
      id: connectedSpaces.id,
      slug: connectedSpaces.slug,
      name: connectedSpaces.name,
      address: connectedSpaces.address,
      openingHours: connectedSpaces.openingHours,
      communeId: connectedSpaces.communeId,
      commune: communes.name,
      communeSlug: communes.slug,
    })
    .from(connectedSpaces)
    .innerJoin(communes, eq(communes.id, connectedSpaces.communeId))
    .where(eq(connectedSpaces.slug, slug))
    .get();
}

/** The space's facilitators now: public names only (they are its public face). */
export function facilitatorsOf(db: Db, spaceId: number) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'facilitator'), eq(roleGrants.spaceId, spaceId), isNull(roleGrants.revokedAt)))
    .orderBy(asc(users.displayName))
    .all();
}
