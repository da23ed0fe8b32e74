import { and, eq, inArray } from 'drizzle-orm';
import { connectedSpaces, trainingAttendance, trainingParticipants, trainingSessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { ATTENDANCE_CELLS } from '@/lib/meetings/schemas';
import { can } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { findCourse, readSubject, type LearnContext } from './load';
import { trainingSessionSchema } from './schemas';

/**
 * A facilitator records a training session held at their space on a course: the people counted by gender and
 * age band (no names), and/or participants registered at the space, named with their consent. It counts in
 * /stats as the "formation" channel. A named participant is not counted again in the grid.
 */
export function recordTrainingSession(ctx: LearnContext, input: unknown): Result<{ sessionId: number }> {
  const parsed = parse(trainingSessionSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data as { spaceId: number; courseId: number; heldOn: string; participants: number[]; consent?: 'yes' | '' };
  const counts = parsed.data as Record<string, unknown>;
  const space = ctx.db.select().from(connectedSpaces).where(eq(connectedSpaces.id, v.spaceId)).get();
  if (!space) return notFound();
  if (!can(ctx.actor, 'training.manage', { spaceId: space.id })) return forbidden();
  const course = findCourse(ctx.db, v.courseId);
  if (!course || !can(ctx.actor, 'learn.read', readSubject(ctx.db, course))) return invalid({ courseId: 'invalidChoice' });
  if (v.heldOn > ctx.now.toISOString().slice(0, 10)) return invalid({ heldOn: 'trainingInFuture' });
  const named = [...new Set(v.participants)];
  if (named.length > 0) {
    const known = ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, named), eq(users.registeredAtSpaceId, space.id)))
      .all();
    if (known.length !== named.length) return invalid({ participants: 'trainingParticipantUnknown' });
    if (v.consent !== 'yes') return invalid({ consent: 'trainingConsentRequired' });
  }
  const cells = ATTENDANCE_CELLS.map((c) => ({ ...c, count: Number(counts[c.field] ?? 0) })).filter((c) => c.count > 0);
  if (cells.length === 0 && named.length === 0) return invalid({ _form: 'trainingEmpty' });
  const actor = ctx.actor!;
  const at = ctx.now.toISOString();

  const sessionId = ctx.db.transaction((tx) => {
    const row = tx.insert(trainingSessions).values({ spaceId: space.id, courseId: course.id, heldOn: v.heldOn, recordedBy: actor.id, createdAt: at }).returning({ id: trainingSessions.id }).get();
    for (const c of cells) tx.insert(trainingAttendance).values({ sessionId: row.id, gender: c.gender, ageBand: c.ageBand, count: c.count }).run();
    for (const userId of named) tx.insert(trainingParticipants).values({ sessionId: row.id, userId, consentGivenAt: at }).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'training.record',
      subjectType: 'training_session',
      subjectId: row.id,
      details: { spaceId: space.id, courseId: course.id, heldOn: v.heldOn, counted: cells.reduce((a, c) => a + c.count, 0), named: named.length },
    });
    return row.id;
  });
  return ok({ sessionId });
}
