import { and, eq, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleGrants, users, type GrantedRole } from '@/db/schema';

type Reader = Pick<Db, 'select' | 'selectDistinct'>;

/** The roles this person holds now (revoked grants left out), each once. */
export function activeRoles(db: Reader, userId: number): GrantedRole[] {
  const rows = db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
    .all();
  return [...new Set(rows.map((r) => r.role))];
}

/** How many admins, other than `exceptUserId`, hold the role and are not suspended now. */
export function otherActiveAdmins(db: Reader, exceptUserId: number, now = new Date()): number {
  return db
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'admin'),
        isNull(roleGrants.revokedAt),
        ne(users.id, exceptUserId),
        or(isNull(users.suspendedUntil), lte(users.suspendedUntil, now.toISOString())),
      ),
    )
    .all().length;
}

/** Whether this person is an admin whom nobody else could replace: the only admin not suspended. */
export function isLastActiveAdmin(db: Reader, userId: number, now = new Date()): boolean {
  return activeRoles(db, userId).includes('admin') && otherActiveAdmins(db, userId, now) === 0;
}
