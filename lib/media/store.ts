import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT_EXT } from './limits';

/**
 * The layout of MEDIA_DIR: `ab/<sha256>.webm` (the first two hex digits spread files over 256 folders), and
 * `.tmp/` for work in progress (one folder per upload, removed when the upload ends, whatever happened).
 * Files are named by the sha-256 of their content, never by anything the uploader chose.
 */
export const TMP_DIR = '.tmp';

const SHA = /^[0-9a-f]{64}$/;

export function mediaFilePath(dir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new Error('not a sha-256');
  return path.join(/*turbopackIgnore: true*/ dir, sha256.slice(0, 2), `${sha256}.${OUTPUT_EXT}`);
}

/** A fresh work folder for one upload, inside MEDIA_DIR (same file system: the final rename is atomic). */
export async function makeWorkDir(dir: string): Promise<string> {
  const tmp = path.join(dir, TMP_DIR);
  await fs.promises.mkdir(tmp, { recursive: true });
  return fs.promises.mkdtemp(path.join(tmp, 'up-'));
}

export async function removeWorkDir(work: string): Promise<void> {
  await fs.promises.rm(work, { recursive: true, force: true });
}

/** sha-256 (hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = crypto.createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/** Flushes a file's bytes to disk (commune servers run through power cuts). */
export async function fsyncFile(file: string): Promise<void> {
  const fh = await fs.promises.open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function fsyncDirSync(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Moves a finished (fsynced) file to its content-addressed place, then runs `record` (the database
 * write). Synchronous from start to end, so nothing else in this process runs in between: two uploads of
 * the same content, or a sweep, cannot interleave with it. If the file was already there (identical
 * content), the new copy is dropped. If `record` throws, a file this call put in place is removed again,
 * so a failure leaves no file behind.
 */
export function placeFileSync<T>(dir: string, finished: string, sha256: string, record: () => T): T {
  const target = mediaFilePath(dir, sha256);
  const existed = fs.existsSync(target);
  if (!existed) {
    const shard = path.dirname(target);
    fs.mkdirSync(shard, { recursive: true });
    fs.renameSync(finished, target);
    fsyncDirSync(shard);
  }
  try {
    return record();
  } catch (e) {
    if (!existed) fs.rmSync(target, { force: true });
    throw e;
  }
}

/** Every stored recording file (not the work folder): `{ sha256, file, mtimeMs }`. */
export function listStoredFiles(dir: string): { sha256: string; file: string; mtimeMs: number }[] {
  const out: { sha256: string; file: string; mtimeMs: number }[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const shard of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    for (const f of fs.readdirSync(path.join(dir, shard.name), { withFileTypes: true })) {
      const m = /^([0-9a-f]{64})\.webm$/.exec(f.name);
      if (!f.isFile() || !m) continue;
      const file = path.join(dir, shard.name, f.name);
      out.push({ sha256: m[1]!, file, mtimeMs: fs.statSync(file).mtimeMs });
    }
  }
  return out;
}
