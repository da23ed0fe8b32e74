import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { listProjects } from '@/lib/projects/queries';
import { searchContent } from '@/lib/search/queries';
import { commentsPage, stanceCounts } from '@/lib/comments/queries';
import { comments, notifications, projectRevisions, projectStatusChanges, projects, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { supportComment } from '@/lib/comments/support-comment';
import { answerProject } from '@/lib/projects/answer-project';
import { authorIdsOf, findProject } from '@/lib/projects/load';
import { postProgressUpdate } from '@/lib/projects/post-update';
import { mayViewProject } from '@/lib/projects/readers';
import { respondToInvitation } from '@/lib/projects/respond-invitation';
import { supportSplits } from '@/lib/projects/support-split';
import { saveProject } from '@/lib/projects/save-project';
import { updateProjectSettings } from '@/lib/projects/settings';
import { effectiveStatus } from '@/lib/projects/status';
import { submitProject } from '@/lib/projects/submit-project';
import { supportProject } from '@/lib/projects/support-project';
import { sweepProjects } from '@/lib/projects/sweep';
import { withdrawProject } from '@/lib/projects/withdraw-project';
import { actorOf, addTopic, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

let t: TestDb;
let kayes: number;
let nioro: number;
let admin: User;
let mariam: User; // official of Kayes
let bakary: User; // official of Nioro
let awa: User; // proposer, citizen of Kayes
let supporters: User[];

const T0 = new Date('2027-05-01T10:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const as = (u: User) => actorOf(t.db, u.id);

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  nioro = t.communeId('nioro-du-sahel');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  bakary = await addUser(t, { displayName: 'Bakary Diallo', communeId: nioro, grants: [{ role: 'official', communeId: nioro, title: 'Maire de Nioro' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  supporters = [];
  for (let i = 0; i < 6; i++) supporters.push(await addUser(t, { displayName: `Soutien ${i}`, gender: 'woman', birthYear: 2000 }));
  setProjectRules(t, admin.id, kayes, 4, 30);
});
afterEach(() => t.cleanup());

function propose(fields: Record<string, string> = {}, who: User = awa, now = T0) {
  const r = saveProject(t.db, as(who), projectForm(kayes, fields), now);
  if (!r.ok) throw new Error(`proposal refused: ${JSON.stringify(r)}`);
  return r.value.projectId;
}
const support = (u: User, projectId: number, intent: 'add' | 'remove' = 'add', now = days(1)) =>
  supportProject(t.db, as(u), { projectId: String(projectId), intent }, now);
const answer = (u: User, projectId: number, status: string, text = '', now = days(2)) =>
  answerProject(t.db, as(u), { projectId: String(projectId), status, answer: text }, now);
const project = (id: number) => findProject(t.db, id)!;
const timeline = (id: number) =>
  t.db.select().from(projectStatusChanges).where(eq(projectStatusChanges.projectId, id)).orderBy(asc(projectStatusChanges.id)).all().map((c) => c.toStatus);
const notified = (u: User, kind?: string) =>
  t.db
    .select({ kind: notifications.kind, projectId: notifications.projectId })
    .from(notifications)
    .where(and(eq(notifications.userId, u.id), kind ? eq(notifications.kind, kind as 'project.answered') : undefined))
    .all();

/** A project that reached its threshold of 4. */
function reachedThreshold() {
  const id = propose();
  for (const s of supporters.slice(0, 4)) expect(support(s, id).ok).toBe(true);
  expect(project(id).status).toBe('threshold_reached');
  return id;
}

describe('proposing', () => {
  it('a draft can be saved unfinished, is seen only by its authors, and is submitted once complete', () => {
    const draft = saveProject(t.db, as(awa), projectForm(kayes, { intent: 'draft', problem: '', solution: '', location: '', beneficiaries: '' }), T0);
    expect(draft).toMatchObject({ ok: true, value: { status: 'draft', held: false } });
    const id = draft.ok ? draft.value.projectId : 0;
    expect(mayViewProject(t.db, as(awa), project(id))).toBe(true);
    expect(mayViewProject(t.db, as(supporters[0]!), project(id))).toBe(false);
    expect(mayViewProject(t.db, null, project(id))).toBe(false);
    expect(support(supporters[0]!, id)).toEqual({ ok: false, error: 'not_found' });

    expect(submitProject(t.db, as(awa), { projectId: String(id) }, T0)).toEqual({ ok: false, error: 'rejected', reason: 'projectIncomplete' });
    const incomplete = saveProject(t.db, as(awa), projectForm(kayes, { projectId: String(id), problem: 'court', beneficiaries: '' }), T0);
    expect(incomplete).toEqual({ ok: false, error: 'invalid', fieldErrors: { problem: 'tooShort', beneficiaries: 'beneficiariesRequired' } });
    expect(project(id).status).toBe('draft');

    const done = saveProject(t.db, as(awa), projectForm(kayes, { projectId: String(id) }), T0);
    expect(done).toEqual({ ok: true, value: { projectId: id, status: 'collecting', held: false } });
    expect(project(id)).toMatchObject({
      status: 'collecting',
      threshold: 4,
      collectionEndsAt: days(30).toISOString(),
      estimatedCost: 2_500_000,
      beneficiaries: ['women', 'youth'],
    });
    expect(timeline(id)).toEqual(['draft', 'submitted', 'collecting']);
    expect(mayViewProject(t.db, null, project(id))).toBe(true);
    expect(auditRows(t.db, 'project.create')).toHaveLength(1);
  });

  it('bad input gets a message per field, and nothing is written', () => {
    const r = saveProject(t.db, as(awa), projectForm(kayes, { title: 'ab', estimatedCost: 'beaucoup', beneficiaries: 'women,aliens', sector: 'space' }), T0);
    expect(r).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { title: 'tooShort', estimatedCost: 'numberInvalid', beneficiaries: 'invalidChoice', sector: 'invalidChoice' },
    });
    expect(t.db.select().from(projects).all()).toHaveLength(0);
  });

  it('anonymous and suspended people cannot propose', async () => {
    expect(saveProject(t.db, null, projectForm(kayes), T0)).toEqual({ ok: false, error: 'forbidden' });
    const suspended = await addUser(t, { suspendedUntil: '2099-01-01T00:00:00.000Z' });
    expect(saveProject(t.db, as(suspended), projectForm(kayes), T0)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('screening: insults are refused with the text kept; personal data is held for review', () => {
    expect(saveProject(t.db, as(awa), projectForm(kayes, { solution: 'Ce connard de maire ne font rien, il faut des lampes.' }), T0)).toMatchObject({
      ok: false,
      error: 'rejected',
      reason: 'screenInsult',
    });
    const held = saveProject(t.db, as(awa), projectForm(kayes, { solution: 'Appelez-moi au 76 12 34 56 pour installer les lampes solaires.' }), T0);
    expect(held).toMatchObject({ ok: true, value: { status: 'submitted', held: true } });
    const id = held.ok ? held.value.projectId : 0;
    expect(project(id).visibility).toBe('held');
    expect(mayViewProject(t.db, null, project(id))).toBe(false);
    expect(listProjects(t.db, { sort: 'newest', page: 1, nowIso: T0.toISOString() }).total).toBe(0);
    // Released by moderation: the sweep opens its collection from then on.
    t.db.update(projects).set({ visibility: 'visible' }).where(eq(projects.id, id)).run();
    sweepProjects(t.db, days(2));
    expect(project(id)).toMatchObject({ status: 'collecting', collectionEndsAt: days(32).toISOString() });
  });

  it('co-proposers are registered people invited by phone or email, who accept or decline', async () => {
    const moussa = await addUser(t, { displayName: 'Moussa Diarra', phone: '+22376000002' });
    const fanta = await addUser(t, { displayName: 'Fanta Sissoko', email: 'fanta@test.ml' });
    expect(saveProject(t.db, as(awa), projectForm(kayes, { coProposers: 'pas un numéro' }), T0)).toEqual({ ok: false, error: 'invalid', fieldErrors: { coProposers: 'coProposerInvalid' } });
    expect(saveProject(t.db, as(awa), projectForm(kayes, { coProposers: '76 00 00 01' }), T0)).toEqual({ ok: false, error: 'invalid', fieldErrors: { coProposers: 'coProposerSelf' } });
    const id = propose({ intent: 'draft', coProposers: '76 00 00 02\nFANTA@test.ml' });
    expect(notified(moussa, 'project.invitation')).toEqual([{ kind: 'project.invitation', projectId: id }]);
    expect(mayViewProject(t.db, as(moussa), project(id))).toBe(true);

    expect(respondToInvitation(t.db, as(moussa), { projectId: String(id), response: 'accept' }, T0)).toEqual({ ok: true, value: { projectId: id, accepted: true } });
    expect(respondToInvitation(t.db, as(fanta), { projectId: String(id), response: 'decline' }, T0)).toEqual({ ok: true, value: { projectId: id, accepted: false } });
    expect(respondToInvitation(t.db, as(moussa), { projectId: String(id), response: 'decline' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(respondToInvitation(t.db, as(supporters[0]!), { projectId: String(id), response: 'accept' }, T0)).toEqual({ ok: false, error: 'not_found' });
    expect(authorIdsOf(t.db, project(id))).toEqual([awa.id, moussa.id]);

    // An accepting co-proposer is an author: may edit and submit, and may not support it.
    expect(saveProject(t.db, as(moussa), projectForm(kayes, { projectId: String(id), title: 'Lampes solaires rue du marché et école' }), T0)).toMatchObject({ ok: true, value: { status: 'collecting' } });
    expect(saveProject(t.db, as(fanta), projectForm(kayes, { projectId: String(id) }), T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(support(moussa, id)).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('the life cycle', () => {
  it('goes from collecting to threshold reached, under review, accepted, in progress and completed, notifying everyone concerned', () => {
    const id = propose();
    expect(support(supporters[0]!, id)).toEqual({ ok: true, value: { projectId: expect.any(Number), supported: true, changed: true, thresholdReached: false } });
    expect(support(supporters[0]!, id)).toEqual({ ok: true, value: { projectId: expect.any(Number), supported: true, changed: false, thresholdReached: false } });
    expect(project(id).supportCount).toBe(1);
    support(supporters[1]!, id);
    support(supporters[2]!, id);
    expect(support(supporters[3]!, id)).toEqual({ ok: true, value: { projectId: expect.any(Number), supported: true, changed: true, thresholdReached: true } });
    expect(project(id).status).toBe('threshold_reached');
    // 25 %, 50 %, 75 % and 100 %: each announced once, to the author.
    expect(notified(awa).map((n) => n.kind)).toEqual(['project.supports25', 'project.supports50', 'project.supports75', 'project.threshold']);
    expect(support(supporters[4]!, id)).toEqual({ ok: false, error: 'forbidden' });

    expect(answer(mariam, id, 'under_review', 'Le service technique étudie le coût.')).toEqual({ ok: true, value: { projectId: id } });
    expect(answer(mariam, id, 'accepted', 'La commune finance 10 lampadaires sur le budget 2027.', days(3))).toEqual({ ok: true, value: { projectId: id } });
    expect(project(id)).toMatchObject({ status: 'accepted', answer: 'La commune finance 10 lampadaires sur le budget 2027.', answeredBy: mariam.id });
    expect(notified(supporters[0]!, 'project.answered')).toHaveLength(2);
    expect(notified(awa, 'project.answered')).toHaveLength(2);

    const update = postProgressUpdate(t.db, as(mariam), { projectId: String(id), body: 'Les quatre premiers lampadaires sont posés.', percent: '40', happenedOn: '2027-06-10', amountSpent: '1 000 000' }, days(40));
    expect(update.ok).toBe(true);
    expect(project(id)).toMatchObject({ status: 'in_progress', progressPercent: 40 });
    expect(notified(supporters[2]!, 'project.progress')).toEqual([{ kind: 'project.progress', projectId: id }]);
    expect(answer(mariam, id, 'completed', '', days(60))).toEqual({ ok: true, value: { projectId: id } });
    expect(timeline(id)).toEqual(['draft', 'submitted', 'collecting', 'threshold_reached', 'under_review', 'accepted', 'in_progress', 'completed']);
  });

  it('refuses illegal moves', () => {
    const id = propose();
    // Officials answer only once the threshold is reached, and only in their commune.
    expect(answer(mariam, id, 'accepted', 'Nous acceptons ce projet pour 2027.')).toEqual({ ok: false, error: 'forbidden' });
    support(supporters[0]!, id);
    support(supporters[1]!, id);
    support(supporters[2]!, id);
    support(supporters[3]!, id);
    expect(answer(bakary, id, 'accepted', 'Nous acceptons ce projet pour 2027.')).toEqual({ ok: false, error: 'forbidden' });
    expect(answer(awa, id, 'accepted', 'Nous acceptons ce projet pour 2027.')).toEqual({ ok: false, error: 'forbidden' });
    expect(answer(mariam, id, 'completed', 'Fini.')).toEqual({ ok: false, error: 'invalid', fieldErrors: { status: 'statusNotAllowed' } });
    expect(answer(mariam, id, 'in_progress', '')).toEqual({ ok: false, error: 'invalid', fieldErrors: { status: 'statusNotAllowed' } });
    expect(answer(mariam, id, 'accepted', '')).toEqual({ ok: false, error: 'invalid', fieldErrors: { answer: 'answerRequired' } });
    expect(postProgressUpdate(t.db, as(mariam), { projectId: String(id), body: 'Travaux commencés cette semaine.', percent: '10', happenedOn: '2027-06-10', amountSpent: '' }, days(3))).toEqual({ ok: false, error: 'forbidden' });
    // Past the threshold, the authors can no longer edit or withdraw it.
    expect(saveProject(t.db, as(awa), projectForm(kayes, { projectId: String(id) }), days(2))).toEqual({ ok: false, error: 'forbidden' });
    expect(withdrawProject(t.db, as(awa), { projectId: String(id) }, days(2))).toEqual({ ok: false, error: 'forbidden' });

    expect(answer(mariam, id, 'accepted', 'Nous acceptons ce projet pour 2027.')).toMatchObject({ ok: true });
    expect(answer(mariam, id, 'rejected', 'Finalement nous refusons ce projet faute de budget.')).toEqual({ ok: false, error: 'invalid', fieldErrors: { status: 'statusNotAllowed' } });
    expect(postProgressUpdate(t.db, as(mariam), { projectId: String(id), body: 'Travaux commencés.', percent: '140', happenedOn: '2027-13-40', amountSpent: 'x' }, days(3))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { percent: 'percentRange', happenedOn: 'dateInvalid', amountSpent: 'numberInvalid' },
    });
  });

  it('a rejection without a public reason is refused; with one, the reason is public', () => {
    const id = reachedThreshold();
    expect(answer(mariam, id, 'rejected', '')).toEqual({ ok: false, error: 'invalid', fieldErrors: { answer: 'rejectionReasonRequired' } });
    expect(answer(mariam, id, 'rejected', 'Trop cher.')).toEqual({ ok: false, error: 'invalid', fieldErrors: { answer: 'rejectionReasonRequired' } });
    expect(project(id).status).toBe('threshold_reached');
    const reason = 'La rue sera refaite en 2028 avec un éclairage public complet.';
    expect(answer(admin, id, 'rejected', reason)).toMatchObject({ ok: true });
    expect(project(id)).toMatchObject({ status: 'rejected', answer: reason });
    const last = t.db.select().from(projectStatusChanges).where(eq(projectStatusChanges.projectId, id)).orderBy(asc(projectStatusChanges.id)).all().at(-1);
    expect(last).toMatchObject({ toStatus: 'rejected', note: reason, actorId: admin.id });
  });

  it('a project that does not reach its threshold in time expires and stays visible', () => {
    const id = propose();
    support(supporters[0]!, id);
    expect(effectiveStatus(project(id), days(29))).toBe('collecting');
    expect(effectiveStatus(project(id), days(31))).toBe('expired');
    // Before the scheduled sweep has written it, readers already see it expired.
    expect(project(id).status).toBe('collecting');
    expect(listProjects(t.db, { status: 'expired', sort: 'newest', page: 1, nowIso: days(31).toISOString() }).total).toBe(1);

    expect(sweepProjects(t.db, days(31))).toBe(1);
    expect(project(id).status).toBe('expired');
    const last = t.db.select().from(projectStatusChanges).where(eq(projectStatusChanges.projectId, id)).orderBy(asc(projectStatusChanges.id)).all().at(-1);
    expect(last).toMatchObject({ toStatus: 'expired', actorId: null, createdAt: days(30).toISOString() });
    expect(mayViewProject(t.db, null, project(id))).toBe(true);
    expect(sweepProjects(t.db, days(32))).toBe(0);
  });

  it('supporting a project past its deadline writes its expiry first, then refuses; so does withdrawing it', () => {
    const id = propose();
    support(supporters[0]!, id);
    expect(support(supporters[1]!, id, 'add', days(31))).toEqual({ ok: false, error: 'forbidden' });
    expect(project(id)).toMatchObject({ status: 'expired', supportCount: 1 });
    expect(timeline(id).filter((s) => s === 'expired')).toHaveLength(1);
    expect(auditRows(t.db, 'project.expire')).toHaveLength(1);
    // The scheduled sweep then finds nothing left to do, and a second late act writes nothing more.
    expect(sweepProjects(t.db, days(31))).toBe(0);
    expect(withdrawProject(t.db, as(awa), { projectId: String(id) }, days(32))).toEqual({ ok: false, error: 'forbidden' });
    expect(timeline(id).filter((s) => s === 'expired')).toHaveLength(1);
  });

  it('the authors withdraw it while it collects; supporters take back their support while it collects', () => {
    const id = propose();
    support(supporters[0]!, id);
    expect(support(supporters[0]!, id, 'remove')).toEqual({ ok: true, value: { projectId: expect.any(Number), supported: false, changed: true, thresholdReached: false } });
    expect(support(supporters[0]!, id, 'remove')).toEqual({ ok: true, value: { projectId: expect.any(Number), supported: false, changed: false, thresholdReached: false } });
    expect(project(id).supportCount).toBe(0);
    // Supporting again does not announce the 25 % a second time.
    support(supporters[0]!, id);
    expect(notified(awa, 'project.supports25')).toHaveLength(1);

    expect(withdrawProject(t.db, as(supporters[0]!), { projectId: String(id) }, days(2))).toEqual({ ok: false, error: 'forbidden' });
    expect(withdrawProject(t.db, as(awa), { projectId: String(id) }, days(2))).toEqual({ ok: true, value: { projectId: id } });
    expect(project(id).status).toBe('withdrawn');
    expect(support(supporters[1]!, id)).toEqual({ ok: false, error: 'forbidden' });
    expect(support(supporters[0]!, id, 'remove')).toEqual({ ok: false, error: 'forbidden' });
    expect(withdrawProject(t.db, as(awa), { projectId: String(id) }, days(2))).toEqual({ ok: false, error: 'forbidden' });
  });

  it('edits after submission are kept as public revisions', () => {
    const id = propose();
    expect(saveProject(t.db, as(awa), projectForm(kayes, { projectId: String(id), title: 'Lampes solaires et bancs pour la rue du marché' }), days(1))).toMatchObject({ ok: true });
    expect(project(id).title).toBe('Lampes solaires et bancs pour la rue du marché');
    expect(t.db.select().from(projectRevisions).where(eq(projectRevisions.projectId, id)).all()).toMatchObject([{ title: 'Lampes solaires pour la rue du marché', editorId: awa.id }]);
    // The commune is fixed once chosen.
    saveProject(t.db, as(awa), projectForm(nioro, { projectId: String(id) }), days(1));
    expect(project(id).communeId).toBe(kayes);
  });
});

describe('supporters by gender and age', () => {
  // The public support count is on the page: a split must not let anyone subtract a small group back.
  const split = (id: number) => supportSplits(t.db, findProject(t.db, id)!, days(2));
  const row = (s: ReturnType<typeof split>['byGender'], group: string) => (s.status === 'shown' ? s.rows.find((r) => r.group === group) : undefined);

  it('5 women and 1 man: the man would be 6 − 5, so the split is not shown yet', async () => {
    setProjectRules(t, admin.id, kayes, 50);
    const id = propose();
    for (const s of supporters.slice(0, 5)) support(s, id);
    support(await addUser(t, { gender: 'man', birthYear: 1980 }), id);
    expect(split(id).byGender).toEqual({ status: 'withheld', reason: 'small' });
    expect(split(id).byAge).toEqual({ status: 'withheld', reason: 'small' });
  });

  it('8 women and 2 men: the men read "fewer than 5" and the women are hidden to protect them', async () => {
    setProjectRules(t, admin.id, kayes, 50);
    const id = propose();
    for (const s of supporters.slice(0, 6)) support(s, id);
    for (let i = 0; i < 2; i++) support(await addUser(t, { gender: 'woman', birthYear: 2000 }), id);
    for (let i = 0; i < 2; i++) support(await addUser(t, { gender: 'man', birthYear: 1980 }), id);
    expect(row(split(id).byGender, 'woman')).toEqual({ group: 'woman', total: 'masked', cells: { support: 'masked' } });
    expect(row(split(id).byGender, 'man')).toEqual({ group: 'man', total: 'few', cells: { support: 'few' } });
    expect(row(split(id).byGender, 'unknown')).toMatchObject({ total: 0 });
    expect(row(split(id).byAge, '36+')).toMatchObject({ total: 'few' });
    expect(row(split(id).byAge, '25-35')).toMatchObject({ total: 'masked' });
  });

  it('10 women and 6 men: every figure is shown', async () => {
    setProjectRules(t, admin.id, kayes, 50);
    const id = propose();
    for (const s of supporters) support(s, id);
    for (let i = 0; i < 4; i++) support(await addUser(t, { gender: 'woman', birthYear: 2000 }), id);
    for (let i = 0; i < 6; i++) support(await addUser(t, { gender: 'man', birthYear: 1980 }), id);
    expect(row(split(id).byGender, 'woman')).toMatchObject({ total: 10 });
    expect(row(split(id).byGender, 'man')).toMatchObject({ total: 6 });
  });
});

describe('comments on a project, through the shared comment use cases', () => {
  const comment = (u: User, projectId: number, body: string, extra: Record<string, string> = {}, now = days(1)) =>
    createComment(t.db, as(u), { projectId: String(projectId), stance: 'for', body, ...extra }, now);

  it('citizens comment, officials reply as the official answer, authors edit, support and delete', () => {
    const id = propose();
    const c = comment(supporters[0]!, id, 'Bonne idée, la rue est dangereuse la nuit.');
    expect(c).toMatchObject({ ok: true, value: { held: false } });
    const commentId = c.ok ? c.value.commentId : 0;
    expect(t.db.select().from(comments).where(eq(comments.id, commentId)).get()).toMatchObject({ projectId: id, topicId: null });
    const reply = comment(mariam, id, 'Le service technique va chiffrer les lampes.', { parentId: String(commentId) });
    expect(reply.ok).toBe(true);
    expect(notified(supporters[0]!, 'comment.reply')).toEqual([{ kind: 'comment.reply', projectId: id }]);
    expect(project(id).commentCount).toBe(2);

    const page = commentsPage(t.db, { kind: 'project', id }, kayes, 'oldest', 1, as(awa));
    expect(page.top.map((r) => r.id)).toEqual([commentId]);
    expect(page.replies).toMatchObject([{ isOfficialAnswer: true, parentId: commentId }]);
    expect(stanceCounts(t.db, { kind: 'project', id }).get('for')).toBe(2);

    expect(supportComment(t.db, as(awa), { commentId: String(commentId), intent: 'add' }, days(1))).toEqual({ ok: true, value: { supported: true, commentId, subject: { kind: 'project', id } } });
    expect(editComment(t.db, as(supporters[0]!), { commentId: String(commentId), stance: 'question', body: 'Qui paiera l’entretien des lampes ?' }, new Date(days(1).getTime() + 60_000))).toMatchObject({ ok: true });
    expect(deleteComment(t.db, as(supporters[0]!), { commentId: String(commentId) }, days(1))).toMatchObject({ ok: true });
    expect(project(id).commentCount).toBe(1);
  });

  it('comments follow the project: none on a draft, none once it is rejected; a comment names exactly one subject', async () => {
    const draft = propose({ intent: 'draft' });
    expect(comment(supporters[0]!, draft, 'Je voudrais commenter ce brouillon.')).toEqual({ ok: false, error: 'not_found' });
    const id = reachedThreshold();
    expect(comment(supporters[0]!, id, 'On attend la réponse de la mairie.')).toMatchObject({ ok: true });
    answer(mariam, id, 'rejected', 'La rue sera refaite en 2028 avec un éclairage public complet.');
    expect(comment(supporters[1]!, id, 'Dommage pour ce projet.', {}, days(3))).toEqual({ ok: false, error: 'forbidden' });

    const topicId = addTopic(t, { authorId: mariam.id, communeId: kayes }).id;
    expect(createComment(t.db, as(awa), { topicId: String(topicId), projectId: String(id), stance: 'for', body: 'Les deux à la fois.' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(createComment(t.db, as(awa), { stance: 'for', body: 'Sur rien du tout.' })).toMatchObject({ ok: false, error: 'invalid' });
    // A reply must stay on the same subject.
    const onProject = t.db.select({ id: comments.id }).from(comments).where(eq(comments.projectId, id)).get()!.id;
    expect(createComment(t.db, as(awa), { topicId: String(topicId), parentId: String(onProject), stance: 'for', body: 'Réponse égarée.' }, new Date('2027-03-10T10:00:00.000Z'))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { parentId: 'notFound' },
    });
  });
});

describe('search and settings', () => {
  it('public projects and their comments are searchable, accent-insensitively; drafts are not', () => {
    const draft = propose({ intent: 'draft', title: 'Brouillon secret de forage' });
    const id = propose({ title: 'Forage pour l’élevage à Kayes' });
    createComment(t.db, as(supporters[0]!), { projectId: String(id), stance: 'for', body: 'Les éleveurs attendent ce forage depuis longtemps.' }, days(1));
    const hits = searchContent(t.db, 'elevage');
    expect(hits.map((h) => [h.kind, h.projectId])).toEqual([['project', id]]);
    expect(searchContent(t.db, 'eleveurs').map((h) => [h.kind, h.projectId])).toEqual([['comment', id]]);
    expect(searchContent(t.db, 'secret')).toEqual([]);
    expect(draft).not.toBe(id);
  });

  it('only admins set a commune’s threshold and window; bad numbers are refused per field', () => {
    const input = { communeId: String(kayes), supportThreshold: '3', collectionDays: '10' };
    expect(updateProjectSettings(t.db, as(mariam), input)).toEqual({ ok: false, error: 'forbidden' });
    expect(updateProjectSettings(t.db, as(admin), { ...input, supportThreshold: '0', collectionDays: 'dix' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { supportThreshold: 'numberTooSmall', collectionDays: 'numberInvalid' },
    });
    expect(updateProjectSettings(t.db, as(admin), input)).toEqual({ ok: true, value: { communeId: kayes } });
    const id = propose();
    expect(project(id)).toMatchObject({ threshold: 3, collectionEndsAt: days(10).toISOString() });
    // A project in another commune uses the defaults: 50 supports, 90 days.
    const other = saveProject(t.db, as(bakary), projectForm(nioro, { title: 'Bancs pour la place de Nioro' }), T0);
    expect(other.ok && project(other.value.projectId)).toMatchObject({ threshold: 50, collectionEndsAt: days(90).toISOString() });
  });
});
