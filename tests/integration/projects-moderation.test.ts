import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { moderations, projects, type User } from '@/db/schema';
import { moderateContent } from '@/lib/moderation/moderate-content';
import { reportContent } from '@/lib/moderation/report-content';
import { updateModerationRules } from '@/lib/moderation/settings';
import { findProject } from '@/lib/projects/load';
import { saveProject } from '@/lib/projects/save-project';
import { effectiveStatus } from '@/lib/projects/status';
import { supportProject } from '@/lib/projects/support-project';
import { sweepProjects } from '@/lib/projects/sweep';
import { actorOf, addUser, makeTestDb, type TestDb } from '../helpers/db';
import { projectForm, setProjectRules } from '../helpers/projects';

let t: TestDb;
let kayes: number;
let admin: User;
let mariam: User;
let moderator: User;
let awa: User;
const T0 = new Date('2027-05-01T10:00:00.000Z');
const as = (u: User) => actorOf(t.db, u.id);

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  moderator = await addUser(t, { displayName: 'Kadiatou Keïta', grants: [{ role: 'moderator', communeId: null }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  setProjectRules(t, admin.id, kayes, 4, 30);
});
afterEach(() => t.cleanup());

const moderationOf = (projectId: number) =>
  t.db.select().from(moderations).where(and(eq(moderations.contentType, 'project'), eq(moderations.contentId, projectId))).get();

describe('citizen projects go through the same moderation pipeline', () => {
  it('with pre-moderation of everything, a submitted project waits in the queue, then collects supports once approved', () => {
    expect(updateModerationRules(t.db, as(admin), { communeId: String(kayes), mode: 'all', newAccountCount: '2', reportThreshold: '3' }).ok).toBe(true);
    const r = saveProject(t.db, as(awa), projectForm(kayes, {}), T0);
    expect(r).toMatchObject({ ok: true, value: { held: true, status: 'submitted' } });
    if (!r.ok) return;
    expect(moderationOf(r.value.projectId)).toMatchObject({ state: 'held', holdReason: 'premoderation', authorId: awa.id });

    // The officials who must answer the project do not moderate it.
    expect(moderateContent(t.db, as(mariam), { contentType: 'project', contentId: String(r.value.projectId), action: 'approve' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(moderateContent(t.db, as(moderator), { contentType: 'project', contentId: String(r.value.projectId), action: 'approve' }, T0)).toMatchObject({ ok: true });
    sweepProjects(t.db, T0);
    const p = findProject(t.db, r.value.projectId)!;
    expect(p.visibility).toBe('visible');
    expect(effectiveStatus(p, T0)).toBe('collecting');
  });

  it('a project released by moderation opens its collection when someone supports it, before any scheduled sweep', async () => {
    expect(updateModerationRules(t.db, as(admin), { communeId: String(kayes), mode: 'all', newAccountCount: '2', reportThreshold: '3' }).ok).toBe(true);
    const r = saveProject(t.db, as(awa), projectForm(kayes, {}), T0);
    if (!r.ok) throw new Error('proposal refused');
    expect(moderateContent(t.db, as(moderator), { contentType: 'project', contentId: String(r.value.projectId), action: 'approve' }, T0)).toMatchObject({ ok: true });
    expect(findProject(t.db, r.value.projectId)!.status).toBe('submitted');
    const voisin = await addUser(t, { displayName: 'Voisin' });
    expect(supportProject(t.db, as(voisin), { projectId: String(r.value.projectId), intent: 'add' }, T0)).toMatchObject({ ok: true, value: { supported: true } });
    expect(findProject(t.db, r.value.projectId)).toMatchObject({ status: 'collecting', supportCount: 1, threshold: 4 });
    expect(sweepProjects(t.db, T0)).toBe(0);
  });

  it('a published project is hidden after three reports, and comes back as it was when restored', async () => {
    const r = saveProject(t.db, as(awa), projectForm(kayes, {}), T0);
    if (!r.ok) throw new Error('proposal refused');
    const id = String(r.value.projectId);
    for (let i = 0; i < 3; i++) {
      const reporter = await addUser(t, { displayName: `Voisin ${i}` });
      expect(reportContent(t.db, as(reporter), { contentType: 'project', contentId: id, reason: 'spam' }, T0).ok).toBe(true);
    }
    expect(findProject(t.db, r.value.projectId)!.visibility).toBe('hidden');
    expect(moderateContent(t.db, as(moderator), { contentType: 'project', contentId: id, action: 'restore' }, T0)).toMatchObject({ ok: true });
    const back = findProject(t.db, r.value.projectId)!;
    expect(back.visibility).toBe('visible');
    expect(back.title).toBe(projectForm(kayes, {}).title);
  });
});

describe('progress updates are reportable like everything written on Baro', () => {
  it('three reports put an update (an official’s word) at the top of the queue without hiding it; the commune’s officials cannot judge it; a moderator hides and restores it', async () => {
    const { postProgressUpdate } = await import('@/lib/projects/post-update');
    const { progressUpdatesOf } = await import('@/lib/projects/queries');
    const r = saveProject(t.db, as(awa), projectForm(kayes, {}), T0);
    if (!r.ok) throw new Error('proposal refused');
    const id = String(r.value.projectId);
    // Arranged directly: the answer's own rules are tested in projects.test.ts.
    t.db.update(projects).set({ status: 'accepted' }).where(eq(projects.id, r.value.projectId)).run();
    const u = postProgressUpdate(t.db, as(mariam), { projectId: id, body: 'Les travaux ont commencé au marché.', percent: '40', happenedOn: '2027-05-01', amountSpent: '' }, T0);
    expect(u.ok, JSON.stringify(u)).toBe(true);
    if (!u.ok) return;
    for (let i = 0; i < 3; i++) {
      const reporter = await addUser(t, { displayName: `Habitante ${i}` });
      expect(reportContent(t.db, as(reporter), { contentType: 'update', contentId: String(u.value.updateId), reason: 'misinformation' }, T0).ok).toBe(true);
    }
    // Never hidden by reports (issue 12 §4): escalated for a moderator instead.
    expect(progressUpdatesOf(t.db, r.value.projectId)[0]).toMatchObject({ visibility: 'visible' });
    const mod = t.db.select().from(moderations).where(and(eq(moderations.contentType, 'update'), eq(moderations.contentId, u.value.updateId))).get()!;
    expect(mod).toMatchObject({ state: 'visible', reportCount: 3, escalatedAt: T0.toISOString() });
    expect(moderateContent(t.db, as(mariam), { contentType: 'update', contentId: String(u.value.updateId), action: 'hide', reason: 'Fausses informations' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(moderateContent(t.db, as(moderator), { contentType: 'update', contentId: String(u.value.updateId), action: 'hide', reason: 'Fausses informations' }, T0)).toMatchObject({ ok: true });
    const [hidden] = progressUpdatesOf(t.db, r.value.projectId);
    expect(hidden).toMatchObject({ visibility: 'hidden', body: '' });
    expect(moderateContent(t.db, as(mariam), { contentType: 'update', contentId: String(u.value.updateId), action: 'restore' }, T0)).toEqual({ ok: false, error: 'forbidden' });
    expect(moderateContent(t.db, as(moderator), { contentType: 'update', contentId: String(u.value.updateId), action: 'restore' }, T0)).toMatchObject({ ok: true });
    expect(progressUpdatesOf(t.db, r.value.projectId)[0]).toMatchObject({ visibility: 'visible', body: 'Les travaux ont commencé au marché.' });
  });
});
