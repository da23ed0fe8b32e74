import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { notifications, projectStatusChanges, projectSupports, type User } from '@/db/schema';
import { findProject } from '@/lib/projects/load';
import { saveProject } from '@/lib/projects/save-project';
import { actorOf, addUser, auditRows, makeTestDb, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';
import { projectForm, setProjectRules } from '../helpers/projects';

let t: TestDb;
let kayes: number;
let awa: User;
let admin: User;
const T0 = new Date('2027-05-01T10:00:00.000Z');

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  admin = await addUser(t, { grants: [{ role: 'admin' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré' });
});
afterEach(() => t.cleanup());

/** Runs one support per actor, each in its own thread and connection, all released at the same instant. */
function supportAtOnce(projectId: number, actors: unknown[]): Promise<unknown[]> {
  const input = { projectId: String(projectId), intent: 'add' };
  return atOnce(t.file, 'lib/projects/support-project.ts', 'supportProject', actors.map((actor) => ({ actor, input })), new Date(T0.getTime() + 86_400_000));
}

function propose(): number {
  const r = saveProject(t.db, actorOf(t.db, awa.id), projectForm(kayes), T0);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.projectId;
}

describe('many supports at once', () => {
  it('50 concurrent identical supports, from 50 connections, count once', async () => {
    setProjectRules(t, admin.id, kayes, 50);
    const id = propose();
    const moussa = await addUser(t, { displayName: 'Moussa Diarra' });
    const actor = { ...actorOf(t.db, moussa.id) };
    const results = await supportAtOnce(id, Array.from({ length: 50 }, () => actor));

    const changed = { ok: true, value: { projectId: id, supported: true, changed: true, thresholdReached: false } };
    const unchanged = { ok: true, value: { projectId: id, supported: true, changed: false, thresholdReached: false } };
    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify(changed))).toHaveLength(1);
    expect(results.filter((r) => JSON.stringify(r) === JSON.stringify(unchanged))).toHaveLength(49);
    expect(t.db.select({ n: count() }).from(projectSupports).where(eq(projectSupports.projectId, id)).get()?.n).toBe(1);
    expect(findProject(t.db, id)!.supportCount).toBe(1);
    expect(auditRows(t.db, 'project.support')).toHaveLength(1);
  }, 120_000);

  it('the threshold is reached exactly once when more people than needed support at the same instant', async () => {
    setProjectRules(t, admin.id, kayes, 8);
    const id = propose();
    const people: unknown[] = [];
    for (let i = 0; i < 14; i++) people.push({ ...actorOf(t.db, (await addUser(t, { displayName: `Soutien ${i}` })).id) });
    const results = (await supportAtOnce(id, people)) as { ok: boolean; value?: { thresholdReached: boolean }; reason?: string }[];

    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(results.filter((r) => r.ok && r.value!.thresholdReached)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.reason)).toEqual(Array(6).fill('projectNotCollecting'));
    expect(findProject(t.db, id)).toMatchObject({ status: 'threshold_reached', supportCount: 8, milestone: 4 });
    expect(t.db.select({ n: count() }).from(projectSupports).where(eq(projectSupports.projectId, id)).get()?.n).toBe(8);
    const reached = t.db.select().from(projectStatusChanges).where(and(eq(projectStatusChanges.projectId, id), eq(projectStatusChanges.toStatus, 'threshold_reached'))).all();
    expect(reached).toHaveLength(1);
    // Each milestone is announced once (they are sent after their commits, so in any order).
    const kinds = t.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, awa.id)).all().map((n) => n.kind);
    expect(kinds.sort()).toEqual(['project.supports25', 'project.supports50', 'project.supports75', 'project.threshold']);
  }, 120_000);
});
