import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import {
  communes,
  moderations,
  projectCoProposers,
  projectInvitations,
  projectRevisions,
  projectStatusChanges,
  projectSupports,
  projectUpdates,
  projects,
  users,
} from '@/db/schema';
import type { Sector } from '@/lib/topics/sectors';
import type { Beneficiary, ProjectStatus } from './statuses';
import { publicProjectSql } from './visibility';

export const PROJECTS_PER_PAGE = 20;
export const PROJECT_SORTS = ['supported', 'newest', 'closest'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export type ProjectFilters = {
  communeId?: number;
  sector?: Sector;
  status?: ProjectStatus;
  beneficiary?: Beneficiary;
  sort: ProjectSort;
  page: number;
  nowIso: string;
};

/** The status a reader sees: a collection past its end date has expired (see lib/projects/status.ts). */
export const effectiveStatusSql = (nowIso: string) =>
  sql<ProjectStatus>`CASE WHEN ${projects.status} = 'collecting' AND ${projects.collectionEndsAt} <= ${nowIso} THEN 'expired' ELSE ${projects.status} END`;

/** Only public projects are listed (publicProjectSql). Drafts are in their authors' own list. */
const publicProjects = publicProjectSql;

const cardColumns = (nowIso: string) => ({
  id: projects.id,
  title: projects.title,
  problem: projects.problem,
  sector: projects.sector,
  status: effectiveStatusSql(nowIso),
  communeId: projects.communeId,
  commune: communes.name,
  supportCount: projects.supportCount,
  threshold: projects.threshold,
  collectionEndsAt: projects.collectionEndsAt,
  beneficiaries: projects.beneficiaries,
  onBehalfOf: projects.onBehalfOf,
  progressPercent: projects.progressPercent,
  commentCount: projects.commentCount,
  visibility: projects.visibility,
  createdAt: projects.createdAt,
});
export type ProjectCardRow = ReturnType<typeof listProjects>['rows'][number];

export function listProjects(db: Db, f: ProjectFilters) {
  const status = effectiveStatusSql(f.nowIso);
  const conds: (SQL | undefined)[] = [publicProjects];
  if (f.communeId) conds.push(eq(projects.communeId, f.communeId));
  if (f.sector) conds.push(eq(projects.sector, f.sector));
  if (f.status) conds.push(sql`${status} = ${f.status}`);
  if (f.beneficiary) conds.push(sql`EXISTS (SELECT 1 FROM json_each(${projects.beneficiaries}) WHERE value = ${f.beneficiary})`);
  const where = and(...conds);
  const total = db.select({ n: count() }).from(projects).where(where).get()?.n ?? 0;
  const order =
    f.sort === 'supported'
      ? [desc(projects.supportCount), desc(projects.id)]
      : f.sort === 'closest'
        ? // Collecting projects first, the nearest to their threshold first.
          [sql`CASE WHEN ${status} = 'collecting' THEN 0 ELSE 1 END`, sql`CAST(${projects.supportCount} AS REAL) / max(1, coalesce(${projects.threshold}, 1)) DESC`, desc(projects.id)]
        : [desc(projects.createdAt), desc(projects.id)];
  const rows = db
    .select(cardColumns(f.nowIso))
    .from(projects)
    .innerJoin(communes, eq(communes.id, projects.communeId))
    .where(where)
    .orderBy(...order)
    .limit(PROJECTS_PER_PAGE)
    .offset((Math.max(1, f.page) - 1) * PROJECTS_PER_PAGE)
    .all();
  return { rows, total, pages: Math.max(1, Math.ceil(total / PROJECTS_PER_PAGE)) };
}

/** The projects a person proposed or co-proposes, drafts included. */
export function myProjects(db: Db, userId: number, nowIso: string) {
  const coIds = db
    .select({ id: projectCoProposers.projectId })
    .from(projectCoProposers)
    .where(and(eq(projectCoProposers.userId, userId), eq(projectCoProposers.status, 'accepted')));
  return db
    .select(cardColumns(nowIso))
    .from(projects)
    .innerJoin(communes, eq(communes.id, projects.communeId))
    .where(or(eq(projects.authorId, userId), inArray(projects.id, coIds)))
    .orderBy(desc(projects.id))
    .limit(50)
    .all();
}

/** Invitations waiting for this person's answer. */
export function pendingInvitations(db: Db, userId: number) {
  const proposer = alias(users, 'proposer');
  return db
    .select({ projectId: projects.id, title: projects.title, proposer: proposer.displayName, onBehalfOf: projects.onBehalfOf })
    .from(projectCoProposers)
    .innerJoin(projects, eq(projects.id, projectCoProposers.projectId))
    .innerJoin(proposer, eq(proposer.id, projects.authorId))
    .where(and(eq(projectCoProposers.userId, userId), eq(projectCoProposers.status, 'invited')))
    .orderBy(desc(projectCoProposers.createdAt))
    .all();
}

export function getProjectView(db: Db, id: number) {
  const author = alias(users, 'author');
  const answerer = alias(users, 'answerer');
  return db
    .select({ project: projects, commune: communes.name, authorName: author.displayName, answeredByName: answerer.displayName })
    .from(projects)
    .innerJoin(communes, eq(communes.id, projects.communeId))
    .innerJoin(author, eq(author.id, projects.authorId))
    .leftJoin(answerer, eq(answerer.id, projects.answeredBy))
    .where(eq(projects.id, id))
    .get();
}

export function coProposersOf(db: Db, projectId: number) {
  return db
    .select({ userId: projectCoProposers.userId, name: users.displayName, status: projectCoProposers.status })
    .from(projectCoProposers)
    .innerJoin(users, eq(users.id, projectCoProposers.userId))
    .where(eq(projectCoProposers.projectId, projectId))
    .orderBy(asc(projectCoProposers.createdAt))
    .all();
}

/**
 * The phone numbers and e-mail addresses the proposer invited that have not accepted (yet): whether
 * each is an account, and whose, stays unknown to the proposer until its owner accepts.
 */
export function pendingInvitationsOf(db: Db, projectId: number): string[] {
  return db
    .select({ identifier: projectInvitations.identifier })
    .from(projectInvitations)
    .leftJoin(projectCoProposers, and(eq(projectCoProposers.projectId, projectInvitations.projectId), eq(projectCoProposers.userId, projectInvitations.userId)))
    .where(and(eq(projectInvitations.projectId, projectId), or(isNull(projectCoProposers.status), ne(projectCoProposers.status, 'accepted'))))
    .orderBy(asc(projectInvitations.createdAt), asc(projectInvitations.identifier))
    .all()
    .map((r) => r.identifier);
}

export function projectTimeline(db: Db, projectId: number) {
  return db
    .select({ toStatus: projectStatusChanges.toStatus, note: projectStatusChanges.note, createdAt: projectStatusChanges.createdAt, actorId: projectStatusChanges.actorId, actor: users.displayName })
    .from(projectStatusChanges)
    .leftJoin(users, eq(users.id, projectStatusChanges.actorId))
    .where(eq(projectStatusChanges.projectId, projectId))
    .orderBy(asc(projectStatusChanges.createdAt), asc(projectStatusChanges.id))
    .all();
}

/** The implementation timeline, oldest first. */
export function progressUpdatesOf(db: Db, projectId: number) {
  return db
    .select({
      id: projectUpdates.id,
      body: projectUpdates.body,
      percent: projectUpdates.percent,
      happenedOn: projectUpdates.happenedOn,
      amountSpent: projectUpdates.amountSpent,
      author: users.displayName,
      authorId: projectUpdates.authorId,
      visibility: projectUpdates.visibility,
      hiddenReason: moderations.hiddenReason,
      createdAt: projectUpdates.createdAt,
    })
    .from(projectUpdates)
    .innerJoin(users, eq(users.id, projectUpdates.authorId))
    .leftJoin(moderations, and(eq(moderations.contentType, 'update'), eq(moderations.contentId, projectUpdates.id)))
    .where(eq(projectUpdates.projectId, projectId))
    .orderBy(asc(projectUpdates.happenedOn), asc(projectUpdates.id))
    .all()
    // A hidden update keeps its place in the timeline; its text stays on the server.
    .map((u) => (u.visibility === 'hidden' ? { ...u, body: '' } : u));
}

export function projectRevisionList(db: Db, projectId: number) {
  return db
    .select({
      id: projectRevisions.id,
      title: projectRevisions.title,
      problem: projectRevisions.problem,
      solution: projectRevisions.solution,
      location: projectRevisions.location,
      createdAt: projectRevisions.createdAt,
      editor: users.displayName,
    })
    .from(projectRevisions)
    .leftJoin(users, eq(users.id, projectRevisions.editorId))
    .where(eq(projectRevisions.projectId, projectId))
    .orderBy(desc(projectRevisions.id))
    .all();
}

export function hasSupported(db: Db, projectId: number, userId: number): boolean {
  return !!db
    .select({ n: projectSupports.userId })
    .from(projectSupports)
    .where(and(eq(projectSupports.projectId, projectId), eq(projectSupports.userId, userId)))
    .get();
}

