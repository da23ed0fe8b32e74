import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { certificates, connectedSpaces, lessonProgress, trainingParticipants, trainingSessions, users, type Certificate, type Course } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { newCertificateCode, normalizeCertificateCode } from './certificate-code';
import { publicLessonsOf } from './load';

/**
 * The space a person learnt at, for their certificate: the last training session of this course where
 * they were named, else the space that registered them, else none (learnt alone on Baro).
 */
function learningSpace(tx: Tx, userId: number, courseId: number): string | null {
  const trained = tx
    .select({ name: connectedSpaces.name })
    .from(trainingParticipants)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingParticipants.sessionId))
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, trainingSessions.spaceId))
    .where(and(eq(trainingParticipants.userId, userId), eq(trainingSessions.courseId, courseId)))
    .orderBy(desc(trainingSessions.heldOn))
    .get();
  if (trained) return trained.name;
  const registered = tx
    .select({ name: connectedSpaces.name })
    .from(users)
    .innerJoin(connectedSpaces, eq(connectedSpaces.id, users.registeredAtSpaceId))
    .where(eq(users.id, userId))
    .get();
  return registered?.name ?? null;
}

/**
 * Inside the transaction that recorded a passed quiz: once every lesson a reader of the course follows is
 * passed, the person gets the course's certificate (once). Returns it when it was issued now.
 */
export function issueCertificateIfComplete(tx: Tx, userId: number, course: Course, now: Date): Certificate | null {
  if (tx.select({ id: certificates.id }).from(certificates).where(and(eq(certificates.userId, userId), eq(certificates.courseId, course.id))).get()) return null;
  const lessons = publicLessonsOf(tx, course.id);
  if (lessons.length === 0) return null;
  const passed = new Set(
    tx
      .select({ lessonId: lessonProgress.lessonId, passedAt: lessonProgress.passedAt })
      .from(lessonProgress)
      .where(eq(lessonProgress.userId, userId))
      .all()
      .filter((p) => p.passedAt)
      .map((p) => p.lessonId),
  );
  if (!lessons.every((l) => passed.has(l.id))) return null;
  const user = tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).get()!;
  let code = newCertificateCode();
  while (tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.code, code)).get()) code = newCertificateCode();
  const cert = tx
    .insert(certificates)
    .values({ userId, courseId: course.id, code, displayName: user.displayName, courseTitle: course.title, spaceName: learningSpace(tx, userId, course.id), issuedAt: now.toISOString() })
    .returning()
    .get();
  recordAudit(tx, { actorId: userId, action: 'certificate.issue', subjectType: 'certificate', subjectId: cert.id, details: { courseId: course.id } });
  return cert;
}

/** What a certificate's public page confirms: exactly what is printed on it, nothing else about the person. */
export type VerifiedCertificate = { displayName: string; courseTitle: string; issuedAt: string; spaceName: string | null; code: string };

/**
 * Looks a code up. An unknown code, a malformed one and a wrong one are the same answer (null), reached by
 * the same single indexed lookup: the page cannot tell them apart, and neither can its timing.
 */
export function verifyCertificate(db: Db, raw: unknown): VerifiedCertificate | null {
  const code = normalizeCertificateCode(raw);
  const row = db
    .select({ displayName: certificates.displayName, courseTitle: certificates.courseTitle, issuedAt: certificates.issuedAt, spaceName: certificates.spaceName, code: certificates.code })
    .from(certificates)
    .where(eq(certificates.code, code))
    .get();
  return row ?? null;
}
