import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { projects, projectStatusChanges, topicPhaseChanges, topics, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { saveProject } from '@/lib/projects/save-project';
import { runJobs, startScheduler, type Job } from '@/lib/scheduler';
import { closeExpiredTopics } from '@/lib/topics/close-expired';
import { updateTopic } from '@/lib/topics/update-topic';
import { actorOf, addTopic, addUser, auditRows, CONSULTATION, makeTestDb, topicForm, type TestDb } from '../helpers/db';
import { atOnce } from '../helpers/at-once';
import { projectForm, setProjectRules } from '../helpers/projects';

/**
 * What falls due is written by the scheduler (lib/scheduler.ts), never by a page: consultations close at
 * their close date, collections of supports expire at their end. Each round is idempotent, and several
 * server processes may run it at once.
 */

let t: TestDb;
let kayes: number;
let mariam: User;
let awa: User;
const as = (u: User) => actorOf(t.db, u.id);
/** After the consultation window (CONSULTATION.after) and after a 30-day collection started at CONSULTATION.during. */
const LATER = new Date('2027-05-15T10:00:00.000Z');

beforeEach(async () => {
  t = makeTestDb();
  kayes = t.communeId('kayes');
  const admin = await addUser(t, { displayName: 'Administration', grants: [{ role: 'admin' }] });
  mariam = await addUser(t, { displayName: 'Mariam Coulibaly', grants: [{ role: 'official', communeId: kayes, title: 'Maire de Kayes' }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', phone: '+22376000001' });
  setProjectRules(t, admin.id, kayes, 50, 30);
});
afterEach(() => t.cleanup());

const phaseOf = (id: number) => t.db.select({ phase: topics.phase }).from(topics).where(eq(topics.id, id)).get()!.phase;
const timeline = (id: number) => t.db.select().from(topicPhaseChanges).where(eq(topicPhaseChanges.topicId, id)).orderBy(asc(topicPhaseChanges.id)).all();
const statusOf = (id: number) => t.db.select({ status: projects.status }).from(projects).where(eq(projects.id, id)).get()!.status;
const expiries = (id: number) =>
  t.db.select().from(projectStatusChanges).where(and(eq(projectStatusChanges.projectId, id), eq(projectStatusChanges.toStatus, 'expired'))).all();

/** A project collecting supports from CONSULTATION.during, for 30 days. */
function collectingProject(): number {
  const r = saveProject(t.db, as(awa), projectForm(kayes), CONSULTATION.during);
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect(statusOf(r.value.projectId)).toBe('collecting');
  return r.value.projectId;
}

describe('the scheduler', () => {
  it('one round closes every consultation past its close date and expires every collection past its end', () => {
    const due = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const later = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open', closesAt: '2027-06-30T18:00:00.000Z' }).id;
    const project = collectingProject();

    expect(runJobs(t.db, CONSULTATION.during)).toEqual([
      { name: 'topics.close-expired', changed: 0 },
      { name: 'projects.sweep', changed: 0 },
      { name: 'idempotency.sweep', changed: 0 },
    ]);
    expect(runJobs(t.db, LATER)).toEqual([
      { name: 'topics.close-expired', changed: 1 },
      { name: 'projects.sweep', changed: 1 },
      { name: 'idempotency.sweep', changed: 0 },
    ]);
    expect(phaseOf(due)).toBe('deliberation');
    expect(timeline(due)).toMatchObject([{ actorId: null, fromPhase: 'open', toPhase: 'deliberation', createdAt: '2027-03-31T18:00:00.000Z' }]);
    expect(phaseOf(later)).toBe('open');
    expect(statusOf(project)).toBe('expired');
  });

  it('is idempotent: a second round, and a third, change nothing and record nothing twice', () => {
    const due = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const project = collectingProject();
    runJobs(t.db, LATER);
    for (const now of [LATER, new Date(LATER.getTime() + 60_000)]) {
      expect(runJobs(t.db, now)).toEqual([
        { name: 'topics.close-expired', changed: 0 },
        { name: 'projects.sweep', changed: 0 },
        { name: 'idempotency.sweep', changed: 0 },
      ]);
    }
    expect(timeline(due)).toHaveLength(1);
    expect(auditRows(t.db, 'topic.auto_close')).toHaveLength(1);
    expect(expiries(project)).toHaveLength(1);
    expect(auditRows(t.db, 'project.expire')).toHaveLength(1);
  });

  it('four server processes running a round at the same instant close each topic and expire each project exactly once', async () => {
    const topicIds = [0, 1, 2].map(() => addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id);
    const projectIds = [collectingProject(), collectingProject()];
    const rounds = (await atOnce(t.file, 'tests/helpers/scheduler-round.ts', 'schedulerRound', Array.from({ length: 4 }, () => ({ actor: null, input: null })), LATER)) as {
      name: string;
      changed?: number;
      error?: string;
    }[][];

    const total = (name: string) => rounds.reduce((n, r) => n + (r.find((j) => j.name === name)?.changed ?? 0), 0);
    expect(rounds.flat().filter((j) => j.error)).toEqual([]);
    expect(total('topics.close-expired')).toBe(3);
    expect(total('projects.sweep')).toBe(2);
    for (const id of topicIds) {
      expect(phaseOf(id)).toBe('deliberation');
      expect(timeline(id)).toHaveLength(1);
    }
    expect(auditRows(t.db, 'topic.auto_close')).toHaveLength(3);
    for (const id of projectIds) expect(expiries(id)).toHaveLength(1);
  }, 60_000);

  it('a job that fails is reported, and the others still run', () => {
    const due = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const broken: Job = {
      name: 'broken',
      run: () => {
        throw new Error('database is locked');
      },
    };
    const reports = runJobs(t.db, LATER, [broken, { name: 'topics.close-expired', run: closeExpiredTopics }]);
    expect(reports).toEqual([
      { name: 'broken', error: 'database is locked' },
      { name: 'topics.close-expired', changed: 1 },
    ]);
    expect(phaseOf(due)).toBe('deliberation');
  });

  it('starts once per process, and its rounds write what is due', () => {
    const due = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open', closesAt: '2020-01-01T00:00:00.000Z', opensAt: '2019-12-01T00:00:00.000Z' }).id;
    const lines: string[] = [];
    const scheduler = startScheduler({ db: () => t.db, log: (l) => lines.push(l), intervalMs: 3_600_000 });
    try {
      expect(startScheduler()).toBe(scheduler);
      expect(scheduler.tick()).toEqual([
        { name: 'topics.close-expired', changed: 1 },
        { name: 'projects.sweep', changed: 0 },
        { name: 'idempotency.sweep', changed: 0 },
      ]);
      expect(phaseOf(due)).toBe('deliberation');
      expect(lines).toEqual(['[baro] scheduler: topics.close-expired changed 1']);
    } finally {
      scheduler.stop();
    }
    expect(startScheduler({ db: () => t.db, log: () => {} })).not.toBe(scheduler);
    startScheduler().stop();
  });
});

describe('a write on something past its date settles it first', () => {
  it('a comment on a consultation past its close date closes it (and is refused)', () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    expect(createComment(t.db, as(awa), { topicId: String(id), stance: 'for', body: 'je suis pour le forage' }, CONSULTATION.after)).toEqual({ ok: false, error: 'forbidden' });
    expect(phaseOf(id)).toBe('deliberation');
    expect(timeline(id)).toMatchObject([{ actorId: null, toPhase: 'deliberation', createdAt: '2027-03-31T18:00:00.000Z' }]);
    expect(runJobs(t.db, CONSULTATION.after)[0]).toEqual({ name: 'topics.close-expired', changed: 0 });
  });

  it('a comment on a project whose collection is over expires it (and is refused)', () => {
    const project = collectingProject();
    expect(createComment(t.db, as(mariam), { projectId: String(project), stance: 'question', body: 'Qui entretiendra les lampes ?' }, LATER)).toEqual({ ok: false, error: 'forbidden' });
    expect(statusOf(project)).toBe('expired');
    expect(expiries(project)).toHaveLength(1);
  });

  it('an official editing a consultation past its close date closes it first: a new close date does not reopen it by itself', () => {
    const id = addTopic(t, { authorId: mariam.id, communeId: kayes, phase: 'open' }).id;
    const r = updateTopic(t.db, as(mariam), { topicId: String(id), ...without(topicForm(kayes, { closesAt: '2027-06-30T18:00' }), 'communeId') }, CONSULTATION.after);
    expect(r).toEqual({ ok: true, value: { topicId: id } });
    expect(phaseOf(id)).toBe('deliberation');
    expect(timeline(id)).toHaveLength(1);
  });
});

function without(o: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
}
