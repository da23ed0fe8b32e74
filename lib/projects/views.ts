import type { Project } from '@/db/schema';
import { communeOptions, type CommuneOption } from '@/lib/geography';
import { can } from '@/lib/permissions';
import { idParam } from '@/lib/validation';
import type { Refusal, ViewContext } from '@/lib/view-context';
import { parseProjectListParams } from './list-params';
import { findProject, projectSubject } from './load';
import { listProjects, myProjects, pendingInvitations, type ProjectCardRow, type ProjectSort } from './queries';
import { mayViewProject } from './readers';
import { DEFAULT_PROJECT_SETTINGS, projectSettingsFor } from './settings';
import { PUBLIC_PROJECT_STATUSES } from './status';
import { BENEFICIARIES, type Beneficiary, type ProjectStatus } from './statuses';
import { SECTORS, type Sector } from '@/lib/topics/sectors';

/**
 * View loaders of the project pages other than a project's own (lib/projects/project-page.ts): the
 * list, the proposal and edit forms, and the admins' settings. Each returns exactly what its page
 * renders, permissions included; pages call them with requestContext() and never reach db/.
 */

export type ProjectCardView = ProjectCardRow;

export type ProjectListView = {
  filters: ReturnType<typeof parseProjectListParams>;
  options: {
    communes: CommuneOption[];
    sectors: readonly Sector[];
    statuses: readonly ProjectStatus[];
    beneficiaries: readonly Beneficiary[];
    sorts: readonly ProjectSort[];
  };
  /** the query string of the filters, without the page (the pagination adds it) */
  filterQuery: string;
  rows: ProjectCardView[];
  total: number;
  pages: number;
  /** the reader's own projects (drafts included) and invitations to answer */
  mine: ProjectCardView[];
  invitations: ReturnType<typeof pendingInvitations>;
  mayCreate: boolean;
  signInToPropose: boolean;
  notice: 'invitationAccepted' | 'invitationDeclined' | null;
  error: boolean;
};

type Search = Record<string, string | string[] | undefined>;

/** The sorts in the order the filter offers them. */
const SORTS_SHOWN = ['newest', 'supported', 'closest'] as const satisfies readonly ProjectSort[];

/** /projects: public projects with their filters, and the reader's own projects and invitations. */
export function projectListPage(ctx: ViewContext, sp: Search): ProjectListView {
  const { db, actor, now } = ctx;
  const f = parseProjectListParams(sp);
  const nowIso = now.toISOString();
  const result = listProjects(db, { ...f, nowIso });
  const q = new URLSearchParams();
  if (f.communeId) q.set('commune', String(f.communeId));
  if (f.sector) q.set('sector', f.sector);
  if (f.status) q.set('status', f.status);
  if (f.beneficiary) q.set('beneficiary', f.beneficiary);
  if (f.sort !== 'newest') q.set('sort', f.sort);
  return {
    filters: f,
    options: { communes: communeOptions(ctx), sectors: SECTORS, statuses: PUBLIC_PROJECT_STATUSES, beneficiaries: BENEFICIARIES, sorts: SORTS_SHOWN },
    filterQuery: q.toString(),
    rows: result.rows,
    total: result.total,
    pages: result.pages,
    mine: actor ? myProjects(db, actor.id, nowIso) : [],
    invitations: actor ? pendingInvitations(db, actor.id) : [],
    mayCreate: can(actor, 'project.create', undefined),
    signInToPropose: !actor,
    notice: sp.invitation === 'accepted' ? 'invitationAccepted' : sp.invitation === 'declined' ? 'invitationDeclined' : null,
    error: !!sp.error,
  };
}

/** What the project form shows of a project being edited. */
export type ProjectFormValues = Pick<
  Project,
  'id' | 'communeId' | 'status' | 'title' | 'problem' | 'solution' | 'sector' | 'location' | 'estimatedCost' | 'beneficiaries' | 'onBehalfOf'
>;

export type NewProjectView = { communes: CommuneOption[]; defaultCommuneId: number };

/** /projects/new: anyone signed in and not suspended proposes a project, in their own commune by default. */
export function newProjectPage(ctx: ViewContext): NewProjectView | Refusal {
  if (!ctx.actor) return { refused: 'signIn' };
  if (!can(ctx.actor, 'project.create', undefined)) return { refused: 'forbidden' };
  return { communes: communeOptions(ctx), defaultCommuneId: ctx.actor.communeId };
}

export type EditProjectView = { project: ProjectFormValues; communes: CommuneOption[]; mayInvite: boolean };

/** /projects/[id]/edit: its authors, until the threshold is reached. null: no such project. */
export function editProjectPage(ctx: ViewContext, input: { id: string }): EditProjectView | Refusal | null {
  const id = idParam.safeParse(input.id);
  if (!ctx.actor) return { refused: 'signIn' };
  if (!id.success) return null;
  const project = findProject(ctx.db, id.data);
  if (!project) return null;
  const subject = projectSubject(ctx.db, project, ctx.now);
  if (!can(ctx.actor, 'project.edit', subject)) return { refused: 'forbidden' };
  return { project: formValuesOf(project), communes: communeOptions(ctx), mayInvite: can(ctx.actor, 'project.invite', subject) };
}

function formValuesOf(p: Project): ProjectFormValues {
  const { id, communeId, status, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf } = p;
  return { id, communeId, status, title, problem, solution, sector, location, estimatedCost, beneficiaries, onBehalfOf };
}

/** A project's title and summary for the page's metadata, when this reader may see it. */
export function projectMetadata(ctx: ViewContext, input: { id: string }): { id: number; title: string; description: string } | null {
  const id = idParam.safeParse(input.id);
  if (!id.success) return null;
  const project = findProject(ctx.db, id.data);
  if (!project || !mayViewProject(ctx.db, ctx.actor, project, ctx.now)) return null;
  return { id: project.id, title: project.title, description: project.problem.slice(0, 200) };
}

export type ProjectSettingsView = {
  defaults: { supportThreshold: number; collectionDays: number };
  communes: { id: number; name: string; supportThreshold: number; collectionDays: number }[];
};

/** The admins' table of support thresholds and collection windows per commune (null: not theirs to see). */
export function projectSettingsView(ctx: ViewContext): ProjectSettingsView | null {
  // Any commune: the setting is the admins' for all of them.
  if (!can(ctx.actor, 'project.configure', { communeId: 0 })) return null;
  return {
    defaults: { ...DEFAULT_PROJECT_SETTINGS },
    communes: communeOptions(ctx).map((c) => ({ ...c, ...projectSettingsFor(ctx.db, c.id) })),
  };
}
