import type { Db } from '@/db/client';
import { meetings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findSpace, meetingSubject, subjectError } from './load';
import { scheduleMeetingSchema } from './schemas';
import { screenMeeting } from './screen-meeting';

/**
 * A facilitator of the space, an official of its commune, or an admin schedules a public meeting at
 * a connected space, in the future, optionally about one published topic or project of that commune.
 */
export function scheduleMeeting(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<{ meetingId: number; topicId: number | null; projectId: number | null }> {
  const parsed = parse(scheduleMeetingSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const space = findSpace(db, v.spaceId);
  if (!space) return notFound();
  if (!can(actor, 'meeting.schedule', meetingSubject({ spaceId: space.id, communeId: space.communeId }))) return forbidden();
  if (Date.parse(v.startsAt) <= now.getTime()) return invalid({ startsAt: 'meetingInPast' });
  const linkError = subjectError(db, space.communeId, v);
  if (linkError) return invalid(linkError);
  const verdict = screenMeeting(db, actor!, v, now);
  if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };

  const meetingId = db.transaction((tx) => {
    const row = tx
      .insert(meetings)
      .values({
        spaceId: space.id,
        topicId: v.topicId ?? null,
        projectId: v.projectId ?? null,
        title: v.title,
        startsAt: v.startsAt,
        place: v.place,
        agenda: v.agenda,
        createdBy: actor!.id,
        createdAt: now.toISOString(),
      })
      .returning({ id: meetings.id })
      .get();
    recordAudit(tx, { actorId: actor!.id, action: 'meeting.create', subjectType: 'meeting', subjectId: row.id, details: { spaceId: space.id, startsAt: v.startsAt, topicId: v.topicId ?? null, projectId: v.projectId ?? null } });
    return row.id;
  }, { behavior: 'immediate' });
  return ok({ meetingId, topicId: v.topicId ?? null, projectId: v.projectId ?? null });
}

