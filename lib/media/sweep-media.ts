import fs from 'node:fs';
import path from 'node:path';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { media } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { removeFileIfUnreferencedSync } from './attach-media';
import { PENDING_TTL_MS } from './limits';
import { listStoredFiles, TMP_DIR } from './store';

/** An upload's work folder lives for seconds; one older than this was left by a crash. */
const WORK_DIR_TTL_MS = 60 * 60 * 1000;

/**
 * Recordings uploaded but never attached to anything (the form was abandoned): after a day, their rows
 * go, and their files if nothing else uses them. Cheap (an index range); ingestAudio runs it at most hourly.
 */
export function expirePendingMedia(db: Db, dir: string, now = new Date()): number {
  const before = new Date(now.getTime() - PENDING_TTL_MS).toISOString();
  const stale = db
    .select({ id: media.id, sha256: media.sha256 })
    .from(media)
    .where(and(eq(media.state, 'pending'), lt(media.createdAt, before)))
    .all();
  if (stale.length === 0) return 0;
  db.transaction((tx) => {
    for (const m of stale) {
      tx.delete(media).where(eq(media.id, m.id)).run();
      recordAudit(tx, { actorId: null, action: 'media.expire', subjectType: 'media', subjectId: m.id });
    }
  });
  for (const sha of new Set(stale.map((m) => m.sha256))) removeFileIfUnreferencedSync(db, dir, sha);
  return stale.length;
}

let lastExpiry = 0;
/** expirePendingMedia at most once an hour per process. */
export function expirePendingMediaLazily(db: Db, dir: string, now = new Date()): void {
  if (now.getTime() - lastExpiry < 60 * 60 * 1000) return;
  lastExpiry = now.getTime();
  expirePendingMedia(db, dir, now);
}

/**
 * At start (scripts/setup.ts): what a crash may have left. Work folders older than an hour, stored files
 * that no row refers to (a crash between the file's rename and its row), and expired pending recordings.
 * Synchronous, like every store step, so it never interleaves with an upload in this process.
 */
export function sweepMedia(db: Db, dir: string, now = new Date()): { workDirs: number; orphanFiles: number; expired: number } {
  let workDirs = 0;
  const tmp = path.join(dir, TMP_DIR);
  if (fs.existsSync(tmp)) {
    for (const e of fs.readdirSync(tmp, { withFileTypes: true })) {
      const p = path.join(tmp, e.name);
      if (now.getTime() - fs.statSync(p).mtimeMs > WORK_DIR_TTL_MS) {
        fs.rmSync(p, { recursive: true, force: true });
        workDirs++;
      }
    }
  }
  const expired = expirePendingMedia(db, dir, now);
  const known = new Set(db.selectDistinct({ sha256: media.sha256 }).from(media).all().map((r) => r.sha256));
  let orphanFiles = 0;
  for (const f of listStoredFiles(dir)) {
    if (known.has(f.sha256)) continue;
    fs.rmSync(f.file, { force: true });
    orphanFiles++;
  }
  return { workDirs, orphanFiles, expired };
}
