/**
 * The large data set (issue 7): thousands of citizens, topics, comments with replies and supports,
 * votes (poll options where topics have them), citizen projects with supports, moderation, notifications,
 * audit rows — deterministic from a seed, written with prepared statements in big transactions.
 *
 * Counters (comment_count, vote_count, support_count, reply_count) are computed before each row is
 * written, by the same rules the use cases follow:
 * - topics/projects.comment_count = visible, not deleted comments (replies included);
 * - comments.reply_count = visible replies (a deletion by the author does not decrement it, as deleteComment);
 * - comments.support_count, projects.support_count, topics.vote_count = their rows (every generated
 *   account is verified, so every row counts).
 *
 * Search and page counters: the migrations' FTS triggers and comment counter triggers (0002, 0004,
 * 0009) are dropped during the bulk insert, the index and the stance / top-level counters are then
 * filled in one pass with what the triggers would have written, and the triggers are recreated from
 * their exact SQL as read from sqlite_master (so they stay what the migrations define).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrateDatabase, openDatabase } from '../../db/client';
import { seedDemo } from '../../db/seed';
import type { Sector } from '../../db/schema';
import { hashPassword } from '../../lib/accounts/password';
import { commentText, displayName, heldText, HIDE_REASONS, officialAnswerText, projectText, replyText, topicText, type Stance } from './french';
import { distinctIndexes, makeRandom, type Random } from './random';

export type SeedLargeOptions = {
  file: string;
  users: number;
  topics: number;
  comments: number;
  /** projects (default: a fifth of the topics) */
  projects?: number;
  seed?: number;
  /** comments of the first topic; 0 = no topic of a fixed size */
  bigTopicComments?: number;
  /** comments of the second topic (default 100); 0 = none */
  smallTopicComments?: number;
  /** the moment the data set is "now": content is dated before it, open topics close after it (default: today 00:00 UTC) */
  now?: Date;
  /** called as rows are written (for a progress bar) */
  onProgress?: (phase: string, done: number, total: number) => void;
};

export type SeedLargeSummary = {
  file: string;
  seed: number;
  now: string;
  bigTopicId: number | null;
  smallTopicId: number | null;
  counts: Record<string, number>;
  seconds: number;
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Phases of the generated topics, with their shares (topics 1 and 2 are always open). */
const PHASE_WEIGHTS: [string, number][] = [
  ['open', 55],
  ['deliberation', 15],
  ['decided', 12],
  ['archived', 5],
  ['information', 10],
  ['draft', 3],
];
const DISCUSSED = new Set(['open', 'deliberation', 'decided', 'archived']);
const PHASE_PATH: Record<string, string[]> = {
  draft: [],
  information: ['information'],
  open: ['information', 'open'],
  deliberation: ['information', 'open', 'deliberation'],
  decided: ['information', 'open', 'deliberation', 'decided'],
  archived: ['information', 'open', 'deliberation', 'decided', 'archived'],
};

const PROJECT_STATUS_WEIGHTS: [string, number][] = [
  ['collecting', 40],
  ['threshold_reached', 8],
  ['under_review', 8],
  ['accepted', 8],
  ['in_progress', 8],
  ['completed', 5],
  ['rejected', 6],
  ['expired', 10],
  ['withdrawn', 3],
  ['submitted', 2],
  ['draft', 2],
];
const PROJECT_PATH: Record<string, string[]> = {
  draft: [],
  submitted: ['submitted'],
  collecting: ['submitted', 'collecting'],
  threshold_reached: ['submitted', 'collecting', 'threshold_reached'],
  under_review: ['submitted', 'collecting', 'threshold_reached', 'under_review'],
  accepted: ['submitted', 'collecting', 'threshold_reached', 'accepted'],
  in_progress: ['submitted', 'collecting', 'threshold_reached', 'accepted', 'in_progress'],
  completed: ['submitted', 'collecting', 'threshold_reached', 'accepted', 'in_progress', 'completed'],
  rejected: ['submitted', 'collecting', 'threshold_reached', 'under_review', 'rejected'],
  expired: ['submitted', 'collecting', 'expired'],
  withdrawn: ['submitted', 'collecting', 'withdrawn'],
};
const PROJECT_DISCUSSION = new Set(['submitted', 'collecting', 'threshold_reached', 'under_review', 'accepted', 'in_progress']);
const THRESHOLD = 50;

/** Share of the generated comments written on citizen projects rather than topics. */
const PROJECT_COMMENT_SHARE = 0.03;

type Citizen = { id: number; first: string; communeId: number };
type CommentSpec = {
  parent: number;
  authorIdx: number;
  authorId: number;
  stance: Stance;
  body: string;
  official: boolean;
  visibility: 'visible' | 'held' | 'hidden';
  holdReason: string | null;
  deleted: boolean;
  edited: boolean;
  createdMs: number;
  supports: number;
  replies: number;
};

/** Splits `total` into parts proportional to weights (largest remainder), deterministic. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]!++;
  return out;
}

function todayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
/**
 * The FTS and counter triggers of the migrations (0002, 0004, 0009, the registration counts of
 * 0016_project_meeting_counters, and verified_accounts's counted_* that keep vote and support counts of
 * verified accounts): their SQL as the migrations left it. The bulk insert writes the counters itself.
 */
function bulkTriggers(sqlite: Database.Database): { name: string; sql: string }[] {
  return sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (sql LIKE '%search_index%' OR name LIKE 'comments_counters_%' OR name LIKE 'counted_%' OR name LIKE 'meeting_registrations_count_%') ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
}

export async function seedLarge(o: SeedLargeOptions): Promise<SeedLargeSummary> {
  const t0 = Date.now();
  const seed = o.seed ?? 42;
  const random: Random = makeRandom(seed);
  const now = (o.now ?? todayUtc()).getTime();
  const userCount = Math.max(10, Math.floor(o.users));
  const topicCount = Math.max(2, Math.floor(o.topics));
  const totalComments = Math.max(0, Math.floor(o.comments));
  const projectCount = Math.max(0, Math.floor(o.projects ?? topicCount / 5));
  const big = Math.max(0, Math.floor(o.bigTopicComments ?? 0));
  const small = Math.max(0, Math.floor(o.smallTopicComments ?? 100));
  if (big + small > totalComments) throw new Error(`--big-topic-comments + --small-topic-comments (${big + small}) exceed --comments (${totalComments})`);
  if (userCount > 1_000_000) throw new Error('at most 1,000,000 users (their phone numbers are +223 70 00 00 00 and up)');
  const progress = o.onProgress ?? (() => {});

  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(o.file + suffix, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(o.file)), { recursive: true });
  const db = openDatabase(o.file);
  migrateDatabase(db);
  // Demo geography and accounts (one per role, password in README): hashes the demo password once.
  await seedDemo(db, hashPassword);
  const sqlite = db.$client;
  // A fresh file being built: durability comes back at the end (the app opens it with FULL).
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = OFF');
  // The demo accounts are dated like the rest, so the same arguments give the same rows.
  sqlite.prepare('UPDATE users SET created_at = ?, verified_at = ?').run(iso(now - 600 * DAY), iso(now - 600 * DAY));
  sqlite.prepare('UPDATE role_grants SET created_at = ?').run(iso(now - 600 * DAY));

  const q = <T>(s: string) => sqlite.prepare(s).all() as T[];
  const passwordHash = (sqlite.prepare("SELECT password_hash FROM users WHERE email = 'admin@baro.ml'").get() as { password_hash: string }).password_hash;
  const communes = q<{ id: number; slug: string; name: string }>('SELECT id, slug, name FROM communes ORDER BY id');
  const moderatorId = (sqlite.prepare("SELECT id FROM users WHERE email = 'moderation@baro.ml'").get() as { id: number }).id;
  const communeWeights = communes.map((c) => (['kayes', 'nioro-du-sahel', 'yelimane'].includes(c.slug) ? 3 : 1));

  const triggers = bulkTriggers(sqlite);
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);

  const counts: Record<string, number> = {};
  const add = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);

  const ins = {
    user: sqlite.prepare(
      // Generated citizens stand for verified people (issue 12 §2): their votes and supports count.
      `INSERT INTO users (display_name, phone, password_hash, commune_id, gender, birth_year, language, created_at, verified_at, verified_via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed')`,
    ),
    grant: sqlite.prepare(`INSERT INTO role_grants (user_id, role, commune_id, title, created_at) VALUES (?, 'official', ?, ?, ?)`),
    topic: sqlite.prepare(
      `INSERT INTO topics (commune_id, author_id, title, summary, body, sector, location, opens_at, closes_at, phase, poll_options, decision, decided_at, visibility, comment_count, vote_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', ?, ?, ?, ?)`,
    ),
    phase: sqlite.prepare(`INSERT INTO topic_phase_changes (topic_id, actor_id, from_phase, to_phase, created_at) VALUES (?, ?, ?, ?, ?)`),
    comment: sqlite.prepare(
      `INSERT INTO comments (topic_id, project_id, author_id, parent_id, stance, body, is_official_answer, support_count, reply_count, visibility, deleted_at, edited_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    revision: sqlite.prepare(`INSERT INTO comment_revisions (comment_id, stance, body, created_at) VALUES (?, ?, ?, ?)`),
    support: sqlite.prepare(`INSERT INTO comment_supports (comment_id, user_id, created_at) VALUES (?, ?, ?)`),
    vote: sqlite.prepare(`INSERT INTO votes (topic_id, user_id, choice, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`),
    notification: sqlite.prepare(
      `INSERT INTO notifications (user_id, kind, topic_id, comment_id, project_id, actor_id, read_at, created_at) VALUES (?, 'comment.reply', ?, ?, ?, ?, ?, ?)`,
    ),
    moderation: sqlite.prepare(
      `INSERT INTO moderations (content_type, content_id, commune_id, author_id, state, hold_reason, report_count, hide_count, hidden_at, hidden_by, hidden_reason, decided_at, decided_by, outcome, created_at)
       VALUES ('comment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    report: sqlite.prepare(`INSERT INTO reports (moderation_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)`),
    audit: sqlite.prepare(`INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
    project: sqlite.prepare(
      `INSERT INTO projects (commune_id, author_id, on_behalf_of, title, problem, solution, sector, location, estimated_cost, beneficiaries, status, visibility, threshold, collection_ends_at, support_count, milestone, comment_count, answer, answered_at, answered_by, progress_percent, submitted_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    projectStatus: sqlite.prepare(`INSERT INTO project_status_changes (project_id, actor_id, from_status, to_status, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
    projectSupport: sqlite.prepare(`INSERT INTO project_supports (project_id, user_id, created_at) VALUES (?, ?, ?)`),
    projectUpdate: sqlite.prepare(
      `INSERT INTO project_updates (project_id, author_id, body, percent, happened_on, amount_spent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  const audit = (actorId: number | null, action: string, type: string, id: number, ms: number, details?: object) =>
    ins.audit.run(actorId, action, type, id, details ? JSON.stringify(details) : null, iso(ms));

  // ------------------------------------------------------------------ plan (all random draws happen in one fixed order)
  const phases = Array.from({ length: topicCount }, (_, i) => (i < 2 ? 'open' : PHASE_WEIGHTS[random.weighted(PHASE_WEIGHTS.map((w) => w[1]))]![0]));
  const fixed = [big, small];
  const free = phases.map((p, i) => (i < 2 && fixed[i]! > 0 ? 0 : DISCUSSED.has(p) ? Math.pow(1 / (1 + random.int(0, topicCount)), 0.6) * (0.5 + random.next()) : 0));
  const projectStatuses = Array.from({ length: projectCount }, () => PROJECT_STATUS_WEIGHTS[random.weighted(PROJECT_STATUS_WEIGHTS.map((w) => w[1]))]![0]);
  const projectWeights = projectStatuses.map((s) => (PROJECT_DISCUSSION.has(s) ? 0.2 + random.next() : 0));
  const projectComments = projectWeights.some((w) => w > 0) ? Math.round((totalComments - big - small) * PROJECT_COMMENT_SHARE) : 0;
  const topicComments = apportion(totalComments - big - small - projectComments, free);
  if (big > 0) topicComments[0] = big;
  if (small > 0) topicComments[1] = small;
  const topicVotes = topicComments.map((c, i) => (DISCUSSED.has(phases[i]!) ? Math.min(userCount, Math.round(c * 1.3) + random.int(0, 40)) : 0));
  const totalVotes = topicVotes.reduce((a, b) => a + b, 0);
  const work = userCount + topicCount + totalComments + totalVotes + projectCount;
  let done = 0;
  const tick = (phase: string, n = 1) => {
    done += n;
    progress(phase, done, work);
  };

  // ------------------------------------------------------------------ officials: one per commune that has none
  const officials = new Map<number, number[]>();
  for (const g of q<{ user_id: number; commune_id: number }>("SELECT user_id, commune_id FROM role_grants WHERE role = 'official'")) {
    officials.set(g.commune_id, [...(officials.get(g.commune_id) ?? []), g.user_id]);
  }
  sqlite.transaction(() => {
    for (const c of communes) {
      if (officials.has(c.id)) continue;
      const created = iso(now - 500 * DAY);
      const id = Number(
        sqlite
          .prepare(`INSERT INTO users (display_name, email, password_hash, commune_id, gender, birth_year, language, created_at, verified_at, verified_via) VALUES (?, ?, ?, ?, ?, ?, 'fr', ?, ?, 'seed')`)
          .run(displayName(random, random.chance(0.3) ? 'woman' : 'man'), `maire.${c.slug}@baro.ml`, passwordHash, c.id, null, null, created, created).lastInsertRowid,
      );
      ins.grant.run(id, c.id, `Maire de ${c.name}`, created);
      officials.set(c.id, [id]);
      add('officials');
    }
  })();

  // ------------------------------------------------------------------ citizens
  const citizens: Citizen[] = new Array(userCount);
  const BATCH = 20_000;
  for (let start = 0; start < userCount; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(userCount, start + BATCH); i++) {
        const r = random.next();
        const gender = r < 0.5 ? 'woman' : r < 0.93 ? 'man' : null;
        const name = displayName(random, gender);
        const communeId = communes[random.weighted(communeWeights)]!.id;
        // Mostly young: the platform's public is 15–35.
        const age = random.chance(0.12) ? null : random.chance(0.7) ? random.int(15, 35) : random.int(36, 75);
        const birthYear = age === null ? null : new Date(now).getUTCFullYear() - age;
        const language = random.chance(0.9) ? 'fr' : random.pick(['en', 'bm', 'snk', 'ff']);
        const created = now - random.int(200, 700) * DAY;
        const id = Number(ins.user.run(name, `+223${70_000_000 + i}`, passwordHash, communeId, gender, birthYear, language, iso(created), iso(created)).lastInsertRowid);
        citizens[i] = { id, first: name.split(' ')[0]!, communeId };
      }
      add('users', Math.min(userCount, start + BATCH) - start);
    })();
    tick('users', Math.min(userCount, start + BATCH) - start);
  }

  // ------------------------------------------------------------------ topics, their comments and votes
  /** A citizen's first name, for replies that address them (null for officials). */
  const nameOf = (userId: number) => citizens[userId - citizens[0]!.id]?.first ?? null;
  let bigTopicId: number | null = null;
  let smallTopicId: number | null = null;
  const topicRows: { id: number; communeId: number; opens: number; closes: number; phase: string }[] = [];

  /** Comments of one subject (a topic or a project), planned in memory then written in id order. */
  const writeThread = (
    subject: { topicId: number | null; projectId: number | null; communeId: number; slug: string; commune: string; sector: Sector; officialIds: number[]; from: number; to: number },
    n: number,
  ) => {
    const specs: CommentSpec[] = new Array(n);
    const tops: number[] = [];
    const span = Math.max(1, subject.to - subject.from);
    for (let j = 0; j < n; j++) {
      const isReply = j > 0 && tops.length > 0 && random.chance(0.3);
      const parent = isReply ? (random.chance(0.7) ? tops[Math.max(0, tops.length - 1 - random.int(0, 20))]! : tops[random.int(0, tops.length - 1)]!) : -1;
      const official = isReply && subject.officialIds.length > 0 && random.chance(0.03);
      const authorIdx = random.int(0, userCount - 1);
      const authorId = official ? random.pick(subject.officialIds) : citizens[authorIdx]!.id;
      const stance: Stance = isReply ? (official ? 'neutral' : random.pick(['for', 'against', 'neutral', 'question'] as const)) : (['for', 'against', 'neutral', 'question'] as const)[random.weighted([45, 25, 15, 15])]!;
      let body = official
        ? officialAnswerText(random, subject.sector)
        : isReply
          ? replyText(random, subject.sector, nameOf(specs[parent]!.authorId), subject.commune, subject.slug)
          : commentText(random, subject.sector, stance, subject.commune, subject.slug);
      const r = random.next();
      let visibility: CommentSpec['visibility'] = 'visible';
      let holdReason: string | null = null;
      if (!official && r < 0.002) {
        const held = heldText(random);
        body = `${body} ${held.text}`;
        visibility = 'held';
        holdReason = held.reason;
      } else if (!official && r < 0.005) visibility = 'hidden';
      const deleted = visibility === 'visible' && !official && random.chance(0.005);
      const supports = visibility === 'visible' && !deleted ? (random.chance(0.05) ? random.int(5, 40) : random.weighted([50, 25, 12, 7, 6])) : 0;
      specs[j] = {
        parent,
        authorIdx,
        authorId,
        stance,
        body: body.slice(0, 3000),
        official,
        visibility,
        holdReason,
        deleted,
        edited: visibility === 'visible' && !deleted && random.chance(0.01),
        createdMs: Math.floor(subject.from + ((j + random.next()) / n) * span),
        supports,
        replies: 0,
      };
      // Nobody but its author and moderators sees a held comment, so nobody replies to it.
      if (!isReply && visibility !== 'held') tops.push(j);
      else if (isReply && visibility === 'visible') specs[parent]!.replies++;
    }
    const ids = new Array<number>(n);
    let visible = 0;
    for (let j = 0; j < n; j++) {
      const s = specs[j]!;
      const created = iso(s.createdMs);
      const parentId = s.parent >= 0 ? ids[s.parent]! : null;
      const id = Number(
        ins.comment.run(
          subject.topicId, subject.projectId, s.authorId, parentId, s.stance, s.body, s.official ? 1 : 0, s.supports, s.replies, s.visibility,
          s.deleted ? iso(Math.min(now - 1000, s.createdMs + 3_600_000)) : null,
          s.edited ? iso(s.createdMs + 300_000) : null,
          created,
        ).lastInsertRowid,
      );
      ids[j] = id;
      if (s.visibility === 'visible' && !s.deleted) visible++;
      audit(s.authorId, 'comment.create', 'comment', id, s.createdMs, {
        [subject.topicId ? 'topicId' : 'projectId']: subject.topicId ?? subject.projectId,
        parentId,
        screening: s.holdReason ?? 'publish',
      });
      if (s.edited) ins.revision.run(id, s.stance, `${s.body.split(' ').slice(0, -3).join(' ')}…`, iso(s.createdMs + 300_000));
      if (s.supports > 0) {
        const taken = distinctIndexes(random, userCount, s.supports + 1).filter((u) => citizens[u]!.id !== s.authorId).slice(0, s.supports);
        for (const u of taken) ins.support.run(id, citizens[u]!.id, iso(Math.min(now - 1000, s.createdMs + random.int(60, 5 * 86_400) * 1000)));
        add('comment_supports', taken.length);
      }
      if (parentId !== null && s.visibility === 'visible') {
        const parentAuthor = specs[s.parent]!.authorId;
        if (parentAuthor !== s.authorId) {
          ins.notification.run(parentAuthor, subject.topicId, id, subject.projectId, s.authorId, random.chance(0.8) ? iso(Math.min(now - 1000, s.createdMs + DAY)) : null, created);
          add('notifications');
        }
      }
      if (s.visibility === 'held') {
        ins.moderation.run(id, subject.communeId, s.authorId, 'held', s.holdReason, 0, 0, null, null, null, null, null, null, created);
      } else if (s.visibility === 'hidden') {
        const when = iso(s.createdMs + 6 * 3_600_000);
        const reporters = distinctIndexes(random, userCount, 4).filter((u) => citizens[u]!.id !== s.authorId).slice(0, 3);
        const modId = Number(
          ins.moderation.run(id, subject.communeId, s.authorId, 'hidden', null, reporters.length, 1, when, moderatorId, random.pick(HIDE_REASONS), when, moderatorId, 'hidden', created).lastInsertRowid,
        );
        for (const u of reporters) ins.report.run(modId, citizens[u]!.id, 'insult', iso(s.createdMs + 3_600_000));
        audit(moderatorId, 'content.hide', 'comment', id, s.createdMs + 6 * 3_600_000);
        add('reports', reporters.length);
      }
      add('comments');
      if ((j & 1023) === 1023) tick('comments', 1024);
    }
    tick('comments', n & 1023);
    return visible;
  };

  for (let i = 0; i < topicCount; i++) {
    const commune = i === 0 ? communes.find((c) => c.slug === 'nioro-du-sahel')! : communes[random.weighted(communeWeights)]!;
    const phase = phases[i]!;
    const text = topicText(random, commune.name, commune.slug, new Date(now).getUTCFullYear() + 1);
    const authorId = random.pick(officials.get(commune.id)!);
    // Dates: open topics opened before "now" and close after it; later ones open soon; older ones closed in the past.
    const closes =
      phase === 'open' || phase === 'information' || phase === 'draft' ? now + random.int(5, 60) * DAY : now - random.int(1, 150) * DAY;
    const opens =
      phase === 'open' ? now - random.int(3, 40) * DAY : phase === 'information' || phase === 'draft' ? now + random.int(1, 4) * DAY : closes - random.int(20, 60) * DAY;
    const created = Math.min(opens, now) - random.int(3, 20) * DAY;
    const commentsHere = topicComments[i] ?? 0;
    const votesHere = topicVotes[i] ?? 0;
    const decided = phase === 'decided' || phase === 'archived';
    sqlite.transaction(() => {
      const topicId = Number(
        ins.topic.run(
          commune.id, authorId, text.title, text.summary, text.body, text.sector, text.location, iso(opens), iso(closes), phase,
          text.pollOptions ? JSON.stringify(text.pollOptions) : null,
          decided ? text.decision : null,
          decided ? iso(closes + 10 * DAY > now ? now - DAY : closes + 10 * DAY) : null,
          0, votesHere, iso(created), null,
        ).lastInsertRowid,
      );
      if (i === 0 && big > 0) bigTopicId = topicId;
      if (i === 1 && small > 0) smallTopicId = topicId;
      audit(authorId, 'topic.create', 'topic', topicId, created);
      let from: string | null = 'draft';
      const steps = PHASE_PATH[phase]!;
      steps.forEach((to, k) => {
        const at = to === 'information' ? created + DAY : to === 'open' ? opens : to === 'deliberation' ? closes : closes + (k + 5) * DAY;
        ins.phase.run(topicId, to === 'deliberation' ? null : authorId, from, to, iso(Math.min(at, now - 1000)));
        from = to;
      });
      topicRows.push({ id: topicId, communeId: commune.id, opens, closes, phase });
      add('topics');
      const visible = commentsHere > 0
        ? writeThread(
            { topicId, projectId: null, communeId: commune.id, slug: commune.slug, commune: commune.name, sector: text.sector, officialIds: officials.get(commune.id)!, from: opens, to: Math.min(closes, now - 60_000) },
            commentsHere,
          )
        : 0;
      if (visible > 0) sqlite.prepare('UPDATE topics SET comment_count = ? WHERE id = ?').run(visible, topicId);
      // Votes: distinct citizens, a per-topic leaning between the choices.
      const choices = text.pollOptions ? text.pollOptions.map((_, k) => `option:${k}`) : ['for', 'against', 'abstain'];
      const leaning = choices.map(() => 0.2 + random.next());
      const voters = distinctIndexes(random, userCount, votesHere);
      for (const u of voters) {
        const at = opens + random.next() * Math.max(1, Math.min(closes, now - 60_000) - opens);
        const changed = random.chance(0.05);
        ins.vote.run(topicId, citizens[u]!.id, choices[random.weighted(leaning)]!, iso(at), changed ? iso(Math.min(now - 1000, at + DAY)) : null);
        audit(citizens[u]!.id, 'vote.cast', 'topic', topicId, at);
      }
      add('votes', voters.length);
    })();
    tick('topics');
    tick('votes', votesHere);
  }

  // ------------------------------------------------------------------ citizen projects
  const projectCommentSplit = apportion(projectComments, projectWeights);
  for (let i = 0; i < projectCount; i++) {
    const commune = communes[random.weighted(communeWeights)]!;
    const author = citizens[random.int(0, userCount - 1)]!;
    const text = projectText(random, commune.name, commune.slug);
    const status = projectStatuses[i]!;
    const steps = PROJECT_PATH[status]!;
    const submitted = now - random.int(10, 200) * DAY;
    const created = submitted - random.int(1, 10) * DAY;
    const collecting = steps.includes('collecting');
    const endsAt = collecting ? (status === 'collecting' ? now + random.int(5, 80) * DAY : status === 'expired' ? now - random.int(1, 60) * DAY : submitted + 90 * DAY) : null;
    const supports = !collecting
      ? 0
      : steps.includes('threshold_reached')
        ? random.int(THRESHOLD, THRESHOLD * 3)
        : random.int(0, THRESHOLD - 1);
    const milestone = collecting && supports > 0 ? Math.min(4, Math.floor((4 * supports) / THRESHOLD)) : 0;
    const answered = ['accepted', 'rejected', 'in_progress', 'completed', 'under_review'].includes(status);
    const official = random.pick(officials.get(commune.id)!);
    const answer = answered
      ? status === 'rejected'
        ? 'Le projet ne peut pas être financé cette année : le budget d’investissement est déjà engagé. Nous vous proposons de le présenter au prochain PDESC.'
        : status === 'under_review'
          ? 'Le service technique étudie le coût et l’emplacement. Réponse attendue sous deux mois.'
          : 'La mairie retient le projet et le finance avec ses partenaires. Le comité de gestion sera désigné en assemblée de quartier.'
      : null;
    const progressPercent = status === 'completed' ? 100 : status === 'in_progress' ? random.int(10, 90) : 0;
    const commentsHere = projectCommentSplit[i] ?? 0;
    sqlite.transaction(() => {
      const projectId = Number(
        ins.project.run(
          commune.id, author.id, text.onBehalfOf, text.title, text.problem, text.solution, text.sector, text.location, text.estimatedCost,
          JSON.stringify(text.beneficiaries), status, collecting ? THRESHOLD : null, endsAt ? iso(endsAt) : null, supports, milestone, 0,
          answer, answered ? iso(now - random.int(1, 9) * DAY) : null, answered ? official : null, progressPercent,
          status === 'draft' ? null : iso(submitted), iso(created), null,
        ).lastInsertRowid,
      );
      let from: string | null = 'draft';
      steps.forEach((to, k) => {
        const actor = ['accepted', 'rejected', 'under_review', 'in_progress', 'completed'].includes(to) ? official : to === 'submitted' || to === 'withdrawn' ? author.id : null;
        ins.projectStatus.run(projectId, actor, from, to, to === status ? answer : null, iso(Math.min(now - 1000, submitted + k * 7 * DAY)));
        from = to;
      });
      if (status !== 'draft') audit(author.id, 'project.submit', 'project', projectId, submitted);
      const supporters = distinctIndexes(random, userCount, supports + 1).filter((u) => citizens[u]!.id !== author.id).slice(0, supports);
      for (const u of supporters) ins.projectSupport.run(projectId, citizens[u]!.id, iso(Math.min(now - 1000, submitted + random.int(1, 60) * DAY)));
      if (supporters.length !== supports) sqlite.prepare('UPDATE projects SET support_count = ? WHERE id = ?').run(supporters.length, projectId);
      add('project_supports', supporters.length);
      if (progressPercent > 0) {
        ins.projectUpdate.run(projectId, official, 'Les travaux ont commencé : le matériel est livré et le comité de gestion est en place.', progressPercent, iso(now - 5 * DAY).slice(0, 10), Math.round((text.estimatedCost * progressPercent) / 100), iso(now - 5 * DAY));
        add('project_updates');
      }
      const visible = commentsHere > 0
        ? writeThread(
            { topicId: null, projectId, communeId: commune.id, slug: commune.slug, commune: commune.name, sector: text.sector, officialIds: officials.get(commune.id)!, from: submitted, to: now - 60_000 },
            commentsHere,
          )
        : 0;
      if (visible > 0) sqlite.prepare('UPDATE projects SET comment_count = ? WHERE id = ?').run(visible, projectId);
      add('projects');
    })();
    tick('projects');
  }

  // ------------------------------------------------------------------ search index and page counters, then the triggers again
  progress('search index', done, work);
  sqlite.transaction(() => {
    sqlite.exec(`
      INSERT INTO search_index (kind, ref_id, topic_id, title, body)
      SELECT 'topic', t.id, t.id, t.title, t.summary || ' ' || t.body || ' ' || coalesce(t.location, '') || ' ' || coalesce(t.decision, '')
      FROM topics t WHERE t.phase <> 'draft' AND t.visibility = 'visible';
      INSERT INTO search_index (kind, ref_id, topic_id, project_id, title, body)
      SELECT 'comment', c.id, c.topic_id, c.project_id, '', c.body FROM comments c
      LEFT JOIN topics t ON t.id = c.topic_id LEFT JOIN projects p ON p.id = c.project_id
      WHERE c.visibility = 'visible' AND c.deleted_at IS NULL
        AND ((t.id IS NOT NULL AND t.phase <> 'draft' AND t.visibility = 'visible') OR (p.id IS NOT NULL AND p.status <> 'draft' AND p.visibility = 'visible'))
      ORDER BY c.id;
      INSERT INTO search_index (kind, ref_id, project_id, title, body)
      SELECT 'project', p.id, p.id, p.title, p.problem || ' ' || p.solution || ' ' || p.location || ' ' || coalesce(p.on_behalf_of, '') || ' ' || coalesce(p.answer, '')
      FROM projects p WHERE p.status <> 'draft' AND p.visibility = 'visible';
    `);
    // What the comments_counters_* triggers (0009) would have written.
    for (const [table, column] of [['topics', 'topic_id'], ['projects', 'project_id']]) {
      sqlite.exec(`
        UPDATE ${table} SET (stance_for_count, stance_against_count, stance_neutral_count, stance_question_count, top_comment_count) = (SELECT
          coalesce(sum(c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = 'for'), 0),
          coalesce(sum(c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = 'against'), 0),
          coalesce(sum(c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = 'neutral'), 0),
          coalesce(sum(c.visibility = 'visible' AND c.deleted_at IS NULL AND c.stance = 'question'), 0),
          coalesce(sum(c.parent_id IS NULL AND c.visibility <> 'held'), 0)
        FROM comments c WHERE c.${column} = ${table}.id);
      `);
    }
    for (const t of triggers) sqlite.exec(t.sql);
  })();

  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();

  const summary: SeedLargeSummary = {
    file: path.resolve(o.file),
    seed,
    now: iso(now),
    bigTopicId,
    smallTopicId,
    counts,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
  };
  fs.writeFileSync(`${o.file}.seed.json`, JSON.stringify({ options: { ...o, onProgress: undefined, now: iso(now) }, ...summary }, null, 2) + '\n');
  return summary;
}
