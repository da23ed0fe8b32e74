/**
 * Part of the media bench (scripts/bench/media.mjs runs it and samples its memory): uploads the given
 * recordings through lib/media's ingestAudio, all at once, on a fresh database with the real migrations, with
 * the real pipeline (one transcode per core, the others queued). Prints one JSON object on stdout.
 *   node --import tsx scripts/bench/media-ingest.ts --dir MEDIA_DIR --db FILE --inputs a.m4a,b.webm,… [--comments]
 * With --comments, each recording is a voice comment (issue 13 §2) posted by its own citizen on one open topic
 * through lib/comments' postComment (the comment's rules, then the pipeline, then the comment and its
 * recording in one transaction), as the comment form's server action does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '../../db/client';
import { seedGeography } from '../../db/seed';
import { eq, isNotNull } from 'drizzle-orm';
import { comments, communes, media, topics, users } from '../../db/schema';
import { postComment } from '../../lib/comments/create-comment';
import { loadActor } from '../../lib/accounts/load-actor';
import { ingestAudio } from '../../lib/media/ingest-audio';
import { MediaPipeline } from '../../lib/media/pipeline';
import { listStoredFiles, TMP_DIR } from '../../lib/media/store';

const { values } = parseArgs({ options: { dir: { type: 'string' }, db: { type: 'string' }, inputs: { type: 'string' }, comments: { type: 'boolean' } } });
if (!values.dir || !values.db || !values.inputs) throw new Error('--dir, --db and --inputs are required');
const inputs = values.inputs.split(',');
const dir = values.dir;
const dbFile = values.db;

/** CPU time of this process's finished children (cutime + cstime in /proc/self/stat), in clock ticks. */
function childrenCpuTicks(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3 of proc(5)): cutime is field 16, cstime field 17
  return Number(fields[13]) + Number(fields[14]);
}

async function main() {
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  seedGeography(db);
  const commune = db.select({ id: communes.id }).from(communes).get()!;
  const user = db
    .insert(users)
    .values({ displayName: 'Banc d’essai', email: 'bench-media@baro.ml', passwordHash: 'x', communeId: commune.id, verifiedAt: new Date().toISOString(), verifiedVia: 'seed' })
    .returning()
    .get();
  const actor = loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion })!;
  const pipeline = new MediaPipeline({ dir, ffmpegPath: 'ffmpeg' });
  const available = await pipeline.availability();
  if (!available.available) throw new Error(available.reason);

  const files = inputs.map((f) => fs.readFileSync(f));
  // Voice comments: one open topic, one citizen per recording (each account's comment cap stays out of it).
  const now = new Date();
  const topic = values.comments
    ? db
        .insert(topics)
        .values({ communeId: commune.id, authorId: user.id, title: 'Banc d’essai', summary: 'Banc d’essai des commentaires vocaux', body: 'Banc d’essai', sector: 'water', opensAt: new Date(now.getTime() - 86_400_000).toISOString(), closesAt: new Date(now.getTime() + 86_400_000).toISOString(), phase: 'open' })
        .returning()
        .get()
    : null;
  const citizens = topic
    ? files.map((_, i) => {
        // Verified, as the seeded citizens are: an unverified account may read but not comment (issue 12 §2).
        const u = db
          .insert(users)
          .values({ displayName: `Citoyenne ${i}`, email: `bench-voice-${i}@baro.ml`, passwordHash: 'x', communeId: commune.id, verifiedAt: now.toISOString(), verifiedVia: 'seed' })
          .returning()
          .get();
        return loadActor(db, { userId: u.id, sessionVersion: u.sessionVersion })!;
      })
    : [];
  const cpu0 = childrenCpuTicks();
  const t0 = performance.now();
  const results = await Promise.all(
    files.map(async (bytes, i) => {
      const start = performance.now();
      const file = new File([bytes], path.basename(inputs[i]!));
      if (topic) {
        const c = await postComment(db, citizens[i]!, { topicId: String(topic.id), stance: 'for', body: '' }, file, { mediaDir: dir, pipeline });
        const m = c.ok ? db.select().from(media).where(eq(media.subjectId, c.value.commentId)).get() : undefined;
        return { ok: c.ok && !!m, error: c.ok ? (m ? null : 'no recording attached') : JSON.stringify(c), ms: performance.now() - start, durationMs: m?.durationMs ?? 0, sizeBytes: m?.sizeBytes ?? 0 };
      }
      const r = await ingestAudio(db, actor, { file, kind: 'comment' }, pipeline);
      return { ok: r.ok, error: r.ok ? null : JSON.stringify(r), ms: performance.now() - start, durationMs: r.ok ? r.value.durationMs : 0, sizeBytes: r.ok ? r.value.sizeBytes : 0 };
    }),
  );
  const wallMs = performance.now() - t0;
  const childCpuTicks = childrenCpuTicks() - cpu0;

  const rows = db.select({ sha256: media.sha256 }).from(media).all();
  const shas = new Set(rows.map((r) => r.sha256));
  const stored = listStoredFiles(dir);
  const tmp = path.join(dir, TMP_DIR);
  const leftovers = fs.existsSync(tmp) ? fs.readdirSync(tmp).length : 0;
  console.log(
    JSON.stringify({
      files: inputs.length,
      ok: results.filter((r) => r.ok).length,
      errors: results.filter((r) => !r.ok).map((r) => r.error),
      wallMs,
      // CPU time of the ffmpeg processes (user + system, in clock ticks): what a transcode costs, whoever else shares the machine
      childCpuTicks,
      perFileMs: results.map((r) => r.ms),
      audioSeconds: results.reduce((s, r) => s + r.durationMs / 1000, 0),
      outputBytes: results.reduce((s, r) => s + r.sizeBytes, 0),
      rows: rows.length,
      storedFiles: stored.length,
      // a file without a row, a row without a file, or a work folder left behind
      orphanFiles: stored.filter((f) => !shas.has(f.sha256)).length,
      missingFiles: [...shas].filter((s) => !stored.some((f) => f.sha256 === s)).length,
      workLeftovers: leftovers,
      // voice comments: comments written, and recordings attached to them (none may stay pending)
      comments: db.select({ id: comments.id }).from(comments).all().length,
      attached: db.select({ id: media.id }).from(media).where(isNotNull(media.subjectId)).all().length,
      peakRunning: pipeline.queue.stats.peakRunning,
      concurrency: pipeline.options.concurrency,
      ffmpegVersion: available.ffmpegVersion,
    }),
  );
  db.$client.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
