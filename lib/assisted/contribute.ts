import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { assistedContributions, commentSupports, comments, type AssistedKind } from '@/db/schema';
import { authenticate, findByIdentifier } from '@/lib/accounts/authenticate';
import { isSuspended, loadActor } from '@/lib/accounts/load-actor';
import { recordAudit } from '@/lib/audit';
import { createComment } from '@/lib/comments/create-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { forbidden, invalid, ok, rateLimited, type Failure, type Result } from '@/lib/errors';
import { findSpace } from '@/lib/participants/slip';
import { notify } from '@/lib/notifications/deliver';
import { can, type Actor, type Subjects } from '@/lib/permissions';
import { saveProject } from '@/lib/projects/save-project';
import { supportProject } from '@/lib/projects/support-project';
import { hit } from '@/lib/rate-limit';
import { activeRoles } from '@/lib/roles/holders';
import { idParam, parse } from '@/lib/validation';
import { castVote } from '@/lib/votes/cast-vote';
import { assistSchema, PAYLOAD_FIELDS } from './schemas';

export type AssistedOutcome = {
  assistedId: number;
  kind: AssistedKind;
  /** see assisted_contributions.subject_id */
  subjectId: number;
  participantId: number;
  participantName: string;
  /** where to look at it */
  topicId: number | null;
  projectId: number | null;
  held: boolean;
};

type Written = { subjectId: number; topicId: number | null; projectId: number | null; held: boolean };

/** Thrown inside the transaction to roll back whatever the use case wrote, carrying its answer out. */
export class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(`refused: ${failure.error}`);
  }
}

const nothingChanged = (reason: string): Failure => ({ ok: false, error: 'rejected', reason });

/** Supporting again changes nothing, so there would be nothing to record (nor to withdraw later). */
const hasSupported = (db: Db, commentId: number, userId: number) =>
  !!db.select({ id: commentSupports.commentId }).from(commentSupports).where(and(eq(commentSupports.commentId, commentId), eq(commentSupports.userId, userId))).get();

/**
 * Each kind goes through the ordinary use case, with the participant as its author, voter or
 * supporter: same validation, same permissions, same screening as if they had typed it themselves.
 */
const WRITERS: Record<AssistedKind, (db: Db, participant: Actor, payload: Record<string, unknown>, now: Date) => Result<Written>> = {
  comment(db, participant, payload, now) {
    const r = createComment(db, participant, payload, now);
    if (!r.ok) return r;
    const c = db.select({ topicId: comments.topicId, projectId: comments.projectId }).from(comments).where(eq(comments.id, r.value.commentId)).get()!;
    return ok({ subjectId: r.value.commentId, topicId: c.topicId, projectId: c.projectId, held: r.value.held });
  },
  vote(db, participant, payload, now) {
    const r = castVote(db, participant, payload, now);
    if (!r.ok) return r;
    if (!r.value.changed) return nothingChanged('alreadyVoted');
    const topicId = idParam.parse(payload.topicId);
    return ok({ subjectId: topicId, topicId, projectId: null, held: false });
  },
  comment_support(db, participant, payload, now) {
    const id = idParam.safeParse(payload.commentId);
    if (id.success && hasSupported(db, id.data, participant.id)) return nothingChanged('alreadySupported');
    const r = supportComment(db, participant, { ...payload, intent: 'add' }, now);
    if (!r.ok) return r;
    const commentId = idParam.parse(payload.commentId);
    const c = db.select({ topicId: comments.topicId, projectId: comments.projectId }).from(comments).where(eq(comments.id, commentId)).get()!;
    return ok({ subjectId: commentId, topicId: c.topicId, projectId: c.projectId, held: false });
  },
  project_support(db, participant, payload, now) {
    const r = supportProject(db, participant, { ...payload, intent: 'add' }, now);
    if (!r.ok) return r;
    if (!r.value.changed) return nothingChanged('alreadySupported');
    const projectId = idParam.parse(payload.projectId);
    return ok({ subjectId: projectId, topicId: null, projectId, held: false });
  },
  project(db, participant, payload, now) {
    // Always a new project, submitted complete; co-proposers are invited by the proposer themselves.
    const r = saveProject(db, participant, { ...payload, projectId: '', intent: 'submit', coProposers: '' }, now);
    if (!r.ok) return r;
    return ok({ subjectId: r.value.projectId, topicId: null, projectId: r.value.projectId, held: r.value.held });
  },
};

/**
 * A vote or a support leaves nothing the person would see on their own: they are told, with a link to
 * what was entered in their name, where they can take it back.
 */
function tellParticipant(db: Db, kind: AssistedKind, participantId: number, facilitatorId: number, w: Written & { subjectId: number }) {
  if (kind !== 'vote' && kind !== 'comment_support' && kind !== 'project_support') return;
  notify(db, {
    kind: `assisted.${kind}`,
    recipientIds: [participantId],
    actorId: facilitatorId,
    topicId: w.topicId,
    projectId: w.projectId,
    commentId: kind === 'comment_support' ? w.subjectId : null,
  });
}

/** What the audit row points at, for each kind. */
const AUDIT_SUBJECT: Record<AssistedKind, string> = {
  comment: 'comment',
  vote: 'topic',
  comment_support: 'comment',
  project_support: 'project',
  project: 'project',
};

/**
 * A facilitator enters a comment, vote, support or project for a participant who is present and has
 * just agreed to it. The contribution belongs to the participant; the assisted_contributions row says
 * who helped, where and when the participant consented; the audit row names the facilitator. The
 * contribution, that row and the audit row are written in one transaction, or not at all.
 */
export async function contributeForParticipant(db: Db, actor: Actor | null, input: unknown, now = new Date()): Promise<Result<AssistedOutcome>> {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const parsed = parse(assistSchema, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const allowed = new Set([...Object.keys(assistSchema.shape), ...PAYLOAD_FIELDS[v.kind]]);
  if (Object.keys(raw).some((k) => !allowed.has(k))) return invalid({ _form: 'unknownField' });
  const payload = Object.fromEntries(PAYLOAD_FIELDS[v.kind].filter((k) => k in raw).map((k) => [k, raw[k]]));

  const space = findSpace(db, v.spaceId);
  if (!space) return invalid({ spaceId: 'spaceRequired' });
  if (!can(actor, 'assist.access', { spaceId: space.id })) return forbidden();
  const person = findByIdentifier(db, v.participant);
  if (person?.id === actor!.id) return invalid({ participant: 'participantSelf' });

  // Proof of presence: the person types their own secret, checked like a sign-in (same hash check, same
  // locks on their code or number; the facilitator's account stands for the address). It is bound to the
  // person typed in this very submission and kept nowhere, so it cannot be used again, nor for anyone else.
  let presenceProven = false;
  if (v.participantPassword) {
    const proof = await authenticate(db, { identifier: v.participant, password: v.participantPassword }, { ip: `assist:${actor!.id}` });
    if (!proof.ok) return proof.error === 'rate_limited' ? proof : invalid({ participantPassword: 'presenceFailed' });
    presenceProven = !!person && proof.value.userId === person.id;
  }
  const knownHere = !!person && person.registeredAtSpaceId !== null && can(actor, 'assist.access', { spaceId: person.registeredAtSpaceId });
  // Unknown, or known elsewhere and not proven here: one answer, which tells nothing about the account.
  if (!person || !(knownHere || presenceProven)) return invalid({ participant: 'participantNotKnownHere' });

  const roles = activeRoles(db, person.id);
  const subject: Subjects['assist.contribute'] = {
    spaceId: space.id,
    participantId: person.id,
    participantSuspended: isSuspended(person.suspendedUntil, now),
    participantHoldsRole: roles.length > 0,
    registeredAtSpaceId: person.registeredAtSpaceId,
    presenceProven,
  };
  if (!can(actor, 'assist.contribute', subject)) {
    if (subject.participantHoldsRole) return invalid({ participant: 'participantHoldsRole' });
    if (subject.participantSuspended) return invalid({ participant: 'participantSuspended' });
    return forbidden();
  }
  const participant = loadActor(db, { userId: person.id, sessionVersion: person.sessionVersion });
  if (!participant) return invalid({ participant: 'participantNotKnownHere' });
  // Someone who registered on their own and never typed their code takes part once verified, like
  // everyone (issue 12 §2): the facilitator can verify them in person (/facilitator/access).
  if (!participant.verified) return invalid({ participant: 'participantUnverified' });

  const wait = await hit(db, 'assistPerAccount', `u:${actor!.id}`);
  if (wait > 0) return rateLimited(wait);

  const consentGivenAt = now.toISOString();
  try {
    const outcome = db.transaction((tx) => {
      // The use case runs on the same connection: its own transaction becomes a savepoint of this one.
      const written = WRITERS[v.kind](db, participant, payload, now);
      if (!written.ok) throw new Refused(written);
      const row = tx
        .insert(assistedContributions)
        .values({
          participantId: participant.id,
          facilitatorId: actor!.id,
          spaceId: space.id,
          kind: v.kind,
          subjectId: written.value.subjectId,
          consentGivenAt,
          createdAt: consentGivenAt,
        })
        .returning({ id: assistedContributions.id })
        .get();
      recordAudit(tx, {
        actorId: actor!.id,
        action: `assisted.${v.kind}`,
        subjectType: AUDIT_SUBJECT[v.kind],
        subjectId: written.value.subjectId,
        details: { participantId: participant.id, participantName: person.displayName, spaceId: space.id, assistedId: row.id, consentGivenAt, presence: knownHere ? 'registeredHere' : 'proven' },
      });
      return { assistedId: row.id, ...written.value };
    }, { behavior: 'immediate' });
    tellParticipant(db, v.kind, participant.id, actor!.id, outcome);
    return ok({ ...outcome, kind: v.kind, participantId: participant.id, participantName: person.displayName });
  } catch (e) {
    if (e instanceof Refused) return e.failure;
    throw e;
  }
}
