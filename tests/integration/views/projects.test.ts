import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { projects, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { updateModerationRules } from '@/lib/moderation/settings';
import { answerProject } from '@/lib/projects/answer-project';
import { postProgressUpdate } from '@/lib/projects/post-update';
import { projectPage, type ProjectPageView } from '@/lib/projects/project-page';
import { listProjects } from '@/lib/projects/queries';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { saveProject } from '@/lib/projects/save-project';
import { PROJECT_STATUSES } from '@/lib/projects/statuses';
import { supportProject } from '@/lib/projects/support-project';
import { editProjectPage, newProjectPage, projectListPage, projectMetadata, projectSettingsView } from '@/lib/projects/views';
import { isPublicProject, publicProjectSql } from '@/lib/projects/visibility';
import { can } from '@/lib/permissions';
import type { ViewContext } from '@/lib/view-context';
import { actorOf, addUser, makeTestDb, type TestDb } from '../../helpers/db';
import { projectForm, setProjectRules } from '../../helpers/projects';

/**
 * What each reader sees of the same projects through the view loaders: an anonymous visitor, a
 * citizen, the proposer and a co-proposer, an official of the project's commune and one of another
 * commune, a moderator and an admin. The projects include a held one, a draft, an accepted one with a
 * hidden progress update, and a discussion with a held and a hidden comment.
 */

let t: TestDb;
let kayes: number;
let admin: User, mariam: User, bakary: User, moderator: User, awa: User, fanta: User, moussa: User;
let supporters: User[];
let open: number; // collecting, with a co-proposer and a pending invitation, and a discussion
let draft: number;
let held: number;
let accepted: number; // answered, then in progress with a visible and a hidden progress update
let heldComment: number;
let hiddenComment: number;
let visibleComment: number;
let hiddenUpdate: number;

const T0 = new Date('2027-05-01T10:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const as = (u: User) => actorOf(t.db, u.id);
const ctx = (u: User | null, now = days(3)): ViewContext => ({ db: t.db, actor: u ? as(u) : null, now });
const page = (u: User | null, id: number, sp = {}) => projectPage(ctx(u), { id: String(id), sp });
const must = <T,>(r: { ok: boolean; value?: T }, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r)}`);
  return r.value as T;
};
const moderationMode = (mode: 'off' | 'all') =>
  must(updateModerationRules(t.db, as(admin), { communeId: String(kayes), mode, newAccountCount: '2', reportThreshold: '3' }), 'moderation rules');

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  const nioro = t.communeId('nioro-du-sahel');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
  moderator = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: kayes }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', phone: '+22376000002' });
  moussa = await addUser(t, { displayName: 'Moussa Diarra' });
  supporters = [];
  for (let i = 0; i < 5; i++) supporters.push(await addUser(t, { displayName: `Soutien ${i}`, gender: 'woman', birthYear: 2000 }));
  setProjectRules(t, admin.id, kayes, 4, 30);

  open = must(saveProject(t.db, as(awa), projectForm(kayes, { coProposers: '+22376000002, voisine@exemple.ml' }), T0), 'open').projectId;
  must(respondToInvitation(t.db, as(fanta), { projectId: String(open), response: 'accept' }, T0), 'co-proposer');
  draft = must(saveProject(t.db, as(awa), projectForm(kayes, { intent: 'draft', title: 'Brouillon de puits' }), T0), 'draft').projectId;
  accepted = must(saveProject(t.db, as(awa), projectForm(kayes, { title: 'Moulin à karité' }), T0), 'accepted').projectId;
  for (const s of supporters.slice(0, 4)) must(supportProject(t.db, as(s), { projectId: String(accepted), intent: 'add' }, days(1)), 'support');
  must(answerProject(t.db, as(mariam), { projectId: String(accepted), status: 'accepted', answer: 'La mairie finance le moulin sur le budget 2027.' }, days(2)), 'answer');
  must(postProgressUpdate(t.db, as(mariam), { projectId: String(accepted), body: 'Le moulin est commandé.', percent: '20', happenedOn: '2027-05-03' }, days(2)), 'update');
  hiddenUpdate = must(postProgressUpdate(t.db, as(mariam), { projectId: String(accepted), body: 'Texte à masquer', percent: '30', happenedOn: '2027-05-03' }, days(2)), 'update').updateId;
  must(moderateContent(t.db, as(moderator), { contentType: 'update', contentId: String(hiddenUpdate), action: 'hide', reason: 'Propos hors sujet' }, days(2)), 'hide update');

  visibleComment = must(createComment(t.db, as(moussa), { projectId: String(open), stance: 'for', body: 'Très bonne idée pour le quartier.' }, days(1)), 'comment').commentId;
  hiddenComment = must(createComment(t.db, as(moussa), { projectId: String(open), stance: 'against', body: 'Un texte que la modération masque.' }, days(1)), 'comment').commentId;
  must(moderateContent(t.db, as(moderator), { contentType: 'comment', contentId: String(hiddenComment), action: 'hide', reason: 'Attaque personnelle' }, days(1)), 'hide comment');
  moderationMode('all');
  heldComment = must(createComment(t.db, as(moussa), { projectId: String(open), stance: 'question', body: 'Une question qui attend la modération.' }, days(1)), 'comment').commentId;
  held = must(saveProject(t.db, as(awa), projectForm(kayes, { title: 'Marché de nuit' }), T0), 'held').projectId;
  moderationMode('off');
});
afterEach(() => t.cleanup());

const commentIds = (v: ProjectPageView | null) => (v?.comments?.comments ?? []).map((c) => c.id);
const bodyOf = (v: ProjectPageView | null, id: number) => v?.comments?.comments.find((c) => c.id === id)?.body;

describe('the project page, as each reader sees it', () => {
  it('an anonymous visitor sees the public project and its discussion, without held items, hidden text or any form', () => {
    const v = page(null, open)!;
    expect(v.header).toMatchObject({ status: 'collecting', authorName: 'Awa Traoré', coProposers: ['Fanta Sissoko'], invitationsSent: [], mayEdit: false, maySubmit: false });
    expect(v.supports).toMatchObject({ supportCount: 0, threshold: 4, mayToggle: false, signInToSupport: true, mayWithdraw: false, splits: null });
    expect(v.answer).toBeNull();
    expect(v.progress).toBeNull();
    expect(commentIds(v)).toEqual([visibleComment, hiddenComment]);
    expect(bodyOf(v, hiddenComment)).toBe('');
    expect(v.comments).toMatchObject({ mayComment: false, closed: false });
    expect(page(null, held)).toBeNull();
    expect(page(null, draft)).toBeNull();
    expect(projectMetadata(ctx(null), { id: String(held) })).toBeNull();
    expect(projectMetadata(ctx(null), { id: String(open) })).toMatchObject({ title: projectForm(kayes).title });
  });

  it('an account not verified yet is sent to /verify where the support button and the comment form would be', async () => {
    const kadi = await addUser(t, { displayName: 'Kadi Sow', verifiedAt: null });
    const v = page(kadi, open)!;
    expect(v.supports).toMatchObject({ mayToggle: false, signInToSupport: false, verifyToSupport: true });
    expect(v.comments).toMatchObject({ mayComment: false, verifyToComment: true });
    expect(page(moussa, open)!.supports).toMatchObject({ mayToggle: true, verifyToSupport: false });
    expect(page(null, open)!.supports).toMatchObject({ signInToSupport: true, verifyToSupport: false });
  });

  it('a citizen may support and comment, and sees neither the held project nor the draft', () => {
    const v = page(moussa, open)!;
    expect(v.supports).toMatchObject({ supported: false, mayToggle: true, signInToSupport: false, mayWithdraw: false, splits: null });
    expect(v.header).toMatchObject({ mayEdit: false, invitationsSent: [] });
    expect(v.comments).toMatchObject({ mayComment: true });
    // Their own held comment is shown to them, not to others.
    expect(commentIds(v)).toContain(heldComment);
    expect(commentIds(page(supporters[4]!, open))).not.toContain(heldComment);
    expect(page(moussa, held)).toBeNull();
    expect(page(moussa, draft)).toBeNull();
    // Progress updates: the visible one may be reported, the hidden one reads as hidden, its text withheld.
    const a = page(moussa, accepted)!;
    expect(a.progress!.updates.map((u) => [u.hidden === null, u.mayReport, u.body])).toEqual([
      [true, true, 'Le moulin est commandé.'],
      [false, false, ''],
    ]);
    expect(a.progress!.updates[1]!.hidden).toEqual({ byModeration: 'Propos hors sujet' });
    expect(a.progress!.mayPost).toBe(false);
    expect(a.answer).toMatchObject({ answer: 'La mairie finance le moulin sur le budget 2027.', answeredBy: 'Mariam Coulibaly', mayAnswer: false });
  });

  it('the proposer edits, withdraws and sees the invitations still pending; a co-proposer edits but sees no invitation', () => {
    const mine = page(awa, open)!;
    expect(mine.header).toMatchObject({ mayEdit: true, invitationsSent: ['voisine@exemple.ml'] });
    expect(mine.supports).toMatchObject({ mayToggle: false, mayWithdraw: true });
    const co = page(fanta, open)!;
    expect(co.header).toMatchObject({ mayEdit: true, invitationsSent: [] });
    expect(co.supports).toMatchObject({ mayToggle: false, mayWithdraw: true });
    // Their draft, and their held project, are theirs to see (no comments on either).
    const d = page(awa, draft)!;
    expect(d.project).toMatchObject({ draft: true, held: false });
    expect(d.header.maySubmit).toBe(true);
    expect(d.supports).toBeNull();
    expect(d.comments).toBeNull();
    expect(page(awa, held)).toMatchObject({ project: { held: true }, comments: null });
  });

  it("an official of the commune sees the held project, the supporters' split and answers; one of another commune sees what the public sees", () => {
    const v = page(mariam, open)!;
    expect(v.supports!.splits).not.toBeNull();
    expect(v.supports!.mayToggle).toBe(true);
    expect(page(mariam, held)).toMatchObject({ project: { held: true } });
    expect(page(mariam, draft)).toBeNull();
    const a = page(mariam, accepted)!;
    // Accepted, then in progress since its first update: only "completed" is left.
    expect(a.answer).toMatchObject({ mayAnswer: true, options: ['completed'] });
    expect(a.progress!.mayPost).toBe(true);
    // Written by the commune's officials about their own answer: their updates are not theirs to report.
    expect(a.progress!.updates.every((u) => !u.mayReport)).toBe(true);

    const other = page(bakary, open)!;
    expect(other.supports!.splits).toBeNull();
    expect(page(bakary, held)).toBeNull();
    expect(page(bakary, accepted)!.answer).toMatchObject({ mayAnswer: false });
    expect(page(bakary, accepted)!.progress!.mayPost).toBe(false);
  });

  it('a moderator of the commune sees the held project, held comments and hidden text, but no draft and no split', () => {
    const v = page(moderator, open)!;
    expect(commentIds(v)).toEqual([visibleComment, hiddenComment, heldComment]);
    expect(bodyOf(v, hiddenComment)).toBe('Un texte que la modération masque.');
    expect(v.supports!.splits).toBeNull();
    expect(page(moderator, held)).toMatchObject({ project: { held: true } });
    expect(page(moderator, draft)).toBeNull();
  });

  it('past its deadline the project reads expired to everyone, and the page writes nothing', () => {
    const late = projectPage(ctx(moussa, days(31)), { id: String(open) })!;
    expect(late.header.status).toBe('expired');
    expect(late.supports).toMatchObject({ status: 'expired', mayToggle: false, mayWithdraw: false });
    expect(late.comments).toMatchObject({ closed: true, mayComment: false });
    expect(t.db.select({ status: projects.status }).from(projects).where(eq(projects.id, open)).get()!.status).toBe('collecting');
  });

  it('reads the notices and the error of the address, and nothing else', () => {
    expect(page(awa, open, { supported: '1', held: '1', other: '1' })!.notices).toEqual(['held', 'supported']);
    expect(page(awa, open, { error: 'not_found' })!.error).toBe('notFound');
    expect(page(awa, open, { error: 'projectNotCollecting' })!.error).toBe('projectNotCollecting');
    expect(page(awa, open, { error: '<script>' })!.error).toBe('invalid');
    expect(page(awa, open, {})!.error).toBeNull();
    expect(projectPage(ctx(awa), { id: 'abc' })).toBeNull();
    expect(projectPage(ctx(awa), { id: '999999' })).toBeNull();
  });
});

describe('the other project pages', () => {
  it('the list shows public projects to everyone, and each person their own drafts and held projects', () => {
    for (const u of [null, moussa, mariam, moderator, awa]) {
      expect(projectListPage(ctx(u), {}).rows.map((r) => r.id).sort()).toEqual([open, accepted].sort());
    }
    expect(projectListPage(ctx(null), {}).mine).toEqual([]);
    expect(projectListPage(ctx(awa), {}).mine.map((r) => r.id).sort()).toEqual([open, draft, accepted, held].sort());
    expect(projectListPage(ctx(fanta), {}).mine.map((r) => r.id)).toEqual([open]);
    expect(projectListPage(ctx(null), {})).toMatchObject({ mayCreate: false, signInToPropose: true });
    expect(projectListPage(ctx(moussa), {})).toMatchObject({ mayCreate: true, signInToPropose: false });
    const filtered = projectListPage(ctx(null), { status: 'in_progress', sort: 'supported', page: '1' });
    expect(filtered.rows.map((r) => r.id)).toEqual([accepted]);
    expect(filtered.filterQuery).toBe('status=in_progress&sort=supported');
  });

  it('an invited person sees the invitation until they answer it', async () => {
    const kadia = await addUser(t, { displayName: 'Kadia Sow', email: 'kadia@exemple.ml' });
    const p = must(saveProject(t.db, as(awa), projectForm(kayes, { coProposers: 'kadia@exemple.ml', title: 'Jardin des femmes' }), T0), 'project').projectId;
    expect(projectListPage(ctx(kadia), {}).invitations).toEqual([{ projectId: p, title: 'Jardin des femmes', proposer: 'Awa Traoré', onBehalfOf: null }]);
    must(respondToInvitation(t.db, as(kadia), { projectId: String(p), response: 'decline' }, T0), 'decline');
    expect(projectListPage(ctx(kadia), {}).invitations).toEqual([]);
  });

  it('the proposal form asks anonymous visitors to sign in; the edit form is its authors’, until the threshold', () => {
    expect(newProjectPage(ctx(null))).toEqual({ refused: 'signIn' });
    expect(newProjectPage(ctx(moussa))).toMatchObject({ defaultCommuneId: kayes });
    expect(editProjectPage(ctx(null), { id: String(open) })).toEqual({ refused: 'signIn' });
    expect(editProjectPage(ctx(moussa), { id: String(open) })).toEqual({ refused: 'forbidden' });
    expect(editProjectPage(ctx(mariam), { id: String(open) })).toEqual({ refused: 'forbidden' });
    expect(editProjectPage(ctx(fanta), { id: String(open) })).toMatchObject({ mayInvite: false, project: { id: open } });
    expect(editProjectPage(ctx(awa), { id: String(open) })).toMatchObject({ mayInvite: true });
    expect(editProjectPage(ctx(awa), { id: String(accepted) })).toEqual({ refused: 'forbidden' });
    expect(editProjectPage(ctx(awa), { id: '999999' })).toBeNull();
  });

  it('the settings table is the admins’ only', () => {
    expect(projectSettingsView(ctx(admin))!.communes.find((c) => c.id === kayes)).toMatchObject({ supportThreshold: 4, collectionDays: 30 });
    for (const u of [null, moussa, mariam, moderator]) expect(projectSettingsView(ctx(u))).toBeNull();
  });
});

describe('the public-project rule is written once', () => {
  it('its SQL fragment selects exactly the projects anonymous readers may view, for every status and visibility', async () => {
    const author = await addUser(t, { displayName: 'Auteur' });
    const ids: number[] = [];
    for (const status of PROJECT_STATUSES) {
      for (const visibility of ['visible', 'held', 'hidden'] as const) {
        ids.push(
          t.db
            .insert(projects)
            .values({ communeId: kayes, authorId: author.id, title: `${status} ${visibility}`, problem: 'p', solution: 's', sector: 'water', location: 'Kayes', beneficiaries: [], status, visibility })
            .returning({ id: projects.id })
            .get().id,
        );
      }
    }
    const rows = t.db.select({ id: projects.id, status: projects.status, visibility: projects.visibility }).from(projects).where(inArray(projects.id, ids)).all();
    const bySql = new Set(t.db.select({ id: projects.id }).from(projects).where(publicProjectSql).all().map((r) => r.id));
    for (const r of rows) {
      const anonymous = can(null, 'project.view', { communeId: kayes, status: r.status, proposerId: author.id, authorIds: [author.id], visibility: r.visibility, invitedIds: [] });
      expect([r.status, r.visibility, bySql.has(r.id)]).toEqual([r.status, r.visibility, anonymous]);
      expect(isPublicProject(r)).toBe(anonymous);
    }
    // The list uses the same fragment.
    const listed = listProjects(t.db, { sort: 'newest', page: 1, nowIso: T0.toISOString() }).total;
    expect(listed).toBe([...bySql].length);
  });
});
