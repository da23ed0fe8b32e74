import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { overCap } from '@/lib/rate-limit';
import { getCommune } from '@/db/queries/geography';
import { projectCoProposers, projectInvitations, projectRevisions, projectStatusChanges, projects, users, type Project } from '@/db/schema';
import { looksLikeEmail, normalizePhone } from '@/lib/accounts/phone';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { openHeldItem, screenSubmission, type SubmissionVerdict } from '@/lib/moderation/pipeline';
import { notify } from '@/lib/notifications/deliver';
import { can, isTrusted, type Actor } from '@/lib/permissions';
import { parse } from '@/lib/validation';
import { moveStatus, openCollection } from './collection';
import { findProject, projectSubject } from './load';
import { completenessErrors, saveProjectSchema, type SaveProjectInput } from './schemas';
import { sweepProject } from './sweep';

export type SavedProject = { projectId: number; status: Project['status']; held: boolean };

export const projectText = (p: { title: string; problem?: string | null; solution?: string | null; location?: string | null }) =>
  [p.title, p.problem ?? '', p.solution ?? '', p.location ?? ''].join('\n');

type Invite = { identifier: string; userId: number | null };

/**
 * The people named by phone or e-mail, registered or not: the answer is the same either way, so the
 * field never tells whether a number has an account, nor whose. Only a malformed entry, or the author's
 * own, is a field error.
 */
function resolveCoProposers(db: Db, identifiers: string[], selfId: number): { invites: Invite[] } | { error: string } {
  const invites: Invite[] = [];
  for (const raw of identifiers) {
    const email = raw.includes('@') ? raw.toLowerCase() : null;
    const phone = email ? null : normalizePhone(raw);
    const identifier = email ?? phone;
    if (!identifier || (email && !looksLikeEmail(email))) return { error: 'coProposerInvalid' };
    const row = db
      .select({ id: users.id })
      .from(users)
      .where(email ? eq(users.email, email) : eq(users.phone, phone!))
      .get();
    if (row?.id === selfId) return { error: 'coProposerSelf' };
    if (!invites.some((i) => i.identifier === identifier)) invites.push({ identifier, userId: row?.id ?? null });
  }
  return { invites };
}

/**
 * Saves a project: a new draft, an edit by its authors (until the threshold is reached; every edit
 * after submission is kept as a public revision), and with intent "submit" sends a draft to screening
 * and collection. Nothing is written when the submission is incomplete or refused by screening.
 */
export function saveProject(db: Db, actor: Actor | null, input: unknown, now = new Date()): Result<SavedProject> {
  const parsed = parse(saveProjectSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!getCommune(db, v.communeId)) return invalid({ communeId: 'communeRequired' });

  let existing: Project | undefined;
  if (v.projectId) {
    const found = findProject(db, v.projectId);
    if (!found) return notFound();
    // A collection past its end is written expired first: an expired project is no longer edited.
    existing = sweepProject(db, found, now);
    const subject = projectSubject(db, existing, now);
    if (!can(actor, 'project.edit', subject)) return forbidden();
    if (v.coProposers.length > 0 && !can(actor, 'project.invite', subject)) return forbidden();
  } else if (!can(actor, 'project.create', undefined)) {
    return forbidden();
  }
  // The commune is chosen once: supports and officials belong to it.
  const communeId = existing ? existing.communeId : v.communeId;
  const submitting = v.intent === 'submit' && (!existing || existing.status === 'draft');
  if (submitting) {
    const missing = completenessErrors(v);
    if (Object.keys(missing).length) return invalid(missing);
  }
  const co = resolveCoProposers(db, v.coProposers, existing?.authorId ?? actor!.id);
  if ('error' in co) return invalid({ coProposers: co.error });

  const wasPublic = !!existing && existing.status !== 'draft';
  let verdict: SubmissionVerdict = { action: 'publish' };
  if (submitting || wasPublic) {
    verdict = screenSubmission(db, { kind: 'project', communeId, authorId: actor!.id, text: projectText(v), trusted: isTrusted(actor), checkHistory: !wasPublic, now });
    if (verdict.action === 'reject') return { ok: false, error: 'rejected', reason: verdict.reason };
  }

  const capped = existing ? null : overCap(db, 'projectPerAccount', actor!.id, now);
  if (capped) return capped;

  const fields = toColumns(v);
  const result = db.transaction((tx) => {
    let project: Project;
    if (existing) {
      if (wasPublic) tx.insert(projectRevisions).values({ projectId: existing.id, editorId: actor!.id, ...revisionOf(existing) }).run();
      // An edit never un-hides: held stays held; a visible project whose new text must be reviewed is held.
      const visibility = existing.visibility === 'visible' && verdict.action === 'hold' ? 'held' : existing.visibility;
      project = tx
        .update(projects)
        .set({ ...fields, visibility, updatedAt: now.toISOString() })
        .where(eq(projects.id, existing.id))
        .returning()
        .get();
      if (visibility !== existing.visibility && verdict.action === 'hold') {
        openHeldItem(tx, { contentType: 'project', contentId: existing.id, communeId, authorId: existing.authorId, reason: verdict.reason });
      }
    } else {
      project = tx
        .insert(projects)
        .values({ ...fields, communeId, authorId: actor!.id, status: 'draft', createdAt: now.toISOString() })
        .returning()
        .get();
      tx.insert(projectStatusChanges).values({ projectId: project.id, actorId: actor!.id, fromStatus: null, toStatus: 'draft', createdAt: now.toISOString() }).run();
    }
    const invited = invite(tx, project.id, co.invites, now);
    if (submitting) submitInTx(tx, project, verdict, actor!.id, now);
    recordAudit(tx, {
      actorId: actor!.id,
      action: existing ? 'project.edit' : 'project.create',
      subjectType: 'project',
      subjectId: project.id,
      details: { communeId, invited, submitted: submitting, screening: verdict.action === 'hold' ? verdict.reason : 'publish' },
    });
    return { project: findProject(tx, project.id)!, invited };
  }, { behavior: 'immediate' });

  if (result.invited.length) notify(db, { kind: 'project.invitation', recipientIds: result.invited, actorId: actor!.id, projectId: result.project.id });
  return ok({ projectId: result.project.id, status: result.project.status, held: result.project.visibility === 'held' });
}


/**
 * Records every invitation (what the proposer sees: "invitation sent"), and invites the registered
 * people not invited yet; returns who was newly invited, to be told.
 */
function invite(tx: Tx, projectId: number, invites: Invite[], now: Date): number[] {
  if (invites.length === 0) return [];
  for (const i of invites) {
    tx.insert(projectInvitations).values({ projectId, identifier: i.identifier, userId: i.userId, createdAt: now.toISOString() }).onConflictDoNothing().run();
  }
  const userIds = [...new Set(invites.map((i) => i.userId).filter((id): id is number => id !== null))];
  if (userIds.length === 0) return [];
  const already = new Set(
    tx
      .select({ id: projectCoProposers.userId })
      .from(projectCoProposers)
      .where(and(eq(projectCoProposers.projectId, projectId), inArray(projectCoProposers.userId, userIds)))
      .all()
      .map((r) => r.id),
  );
  const fresh = userIds.filter((id) => !already.has(id));
  for (const userId of fresh) tx.insert(projectCoProposers).values({ projectId, userId }).run();
  return fresh;
}

/** draft → submitted; published at once → collecting; held → waits as submitted until a moderator releases it. */
export function submitInTx(tx: Tx, project: Pick<Project, 'id' | 'communeId' | 'authorId'>, verdict: SubmissionVerdict, actorId: number, now: Date): void {
  moveStatus(tx, project, 'draft', 'submitted', actorId, now, {
    submittedAt: now.toISOString(),
    visibility: verdict.action === 'hold' ? 'held' : 'visible',
  });
  if (verdict.action === 'hold') {
    openHeldItem(tx, { contentType: 'project', contentId: project.id, communeId: project.communeId, authorId: project.authorId, reason: verdict.reason });
  }
  if (verdict.action === 'publish') openCollection(tx, project, now);
}

function toColumns(v: SaveProjectInput) {
  return {
    title: v.title,
    problem: v.problem ?? '',
    solution: v.solution ?? '',
    sector: v.sector,
    location: v.location ?? '',
    estimatedCost: v.estimatedCost ?? null,
    beneficiaries: v.beneficiaries,
    onBehalfOf: v.onBehalfOf ?? null,
  };
}

function revisionOf(p: Project) {
  return {
    title: p.title,
    problem: p.problem,
    solution: p.solution,
    sector: p.sector,
    location: p.location,
    estimatedCost: p.estimatedCost,
    beneficiaries: p.beneficiaries,
    onBehalfOf: p.onBehalfOf,
  };
}
