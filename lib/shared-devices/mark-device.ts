import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { connectedSpaces, sessions, sharedDevices } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { conflict, forbidden, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, optionalText, parse } from '@/lib/validation';
import { findActiveDevice, hashDeviceToken, newDeviceToken } from './token';

export const markSharedDeviceSchema = z.strictObject({
  spaceId: idParam,
  /** e.g. "Poste 2, près de la fenêtre": tells the space's computers apart in the list */
  label: optionalText(60),
});

export const unmarkSharedDeviceSchema = z.strictObject({ deviceId: idParam });

/**
 * A facilitator of the space (or an admin) marks the browser they are using as one of the space's
 * shared computers. Returns the token for the browser's cookie; only its hash is stored.
 * `currentToken`: the browser's mark, if it has one (a browser is marked once).
 */
export function markSharedDevice(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: { currentToken?: string | null; now?: Date } = {},
): Result<{ deviceId: number; token: string }> {
  const parsed = parse(markSharedDeviceSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const space = db.select({ id: connectedSpaces.id }).from(connectedSpaces).where(eq(connectedSpaces.id, v.spaceId)).get();
  if (!space) return notFound();
  if (!can(actor, 'device.manageShared', { spaceId: space.id })) return forbidden();
  if (findActiveDevice(db, options.currentToken)) return conflict({ _form: 'deviceAlreadyShared' });

  const token = newDeviceToken();
  const at = (options.now ?? new Date()).toISOString();
  const deviceId = db.transaction((tx) => {
    const row = tx
      .insert(sharedDevices)
      .values({ tokenHash: hashDeviceToken(token), spaceId: space.id, label: v.label ?? '', markedBy: actor!.id, createdAt: at })
      .returning({ id: sharedDevices.id })
      .get();
    recordAudit(tx, { actorId: actor!.id, action: 'device.mark_shared', subjectType: 'shared_device', subjectId: row.id, details: { spaceId: space.id, label: v.label ?? '' } });
    return row.id;
  }, { behavior: 'immediate' });
  return ok({ deviceId, token });
}

/**
 * A facilitator of the space (or an admin) unmarks a shared computer, this one or another of the
 * space's. Every session still open on it ends at once ("unmarked").
 */
export function unmarkSharedDevice(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ deviceId: number }> {
  const parsed = parse(unmarkSharedDeviceSchema, input);
  if (!parsed.ok) return parsed;
  const device = db.select().from(sharedDevices).where(eq(sharedDevices.id, parsed.data.deviceId)).get();
  if (!device || device.revokedAt) return notFound();
  if (!can(actor, 'device.manageShared', { spaceId: device.spaceId })) return forbidden();

  const at = now.toISOString();
  db.transaction((tx) => {
    tx.update(sharedDevices).set({ revokedAt: at }).where(eq(sharedDevices.id, device.id)).run();
    const ended = tx
      .update(sessions)
      .set({ endedAt: at, endReason: 'unmarked' })
      .where(and(eq(sessions.sharedDeviceId, device.id), isNull(sessions.endedAt)))
      .run().changes;
    recordAudit(tx, { actorId: actor!.id, action: 'device.unmark_shared', subjectType: 'shared_device', subjectId: device.id, details: { spaceId: device.spaceId, sessionsEnded: ended } });
  }, { behavior: 'immediate' });
  return ok({ deviceId: device.id });
}
