import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditLog, media } from '@/db/schema';
import type { Db } from '@/db/client';
import { eq } from 'drizzle-orm';

/** The tags every generated fixture carries, as a phone recorder would: none may survive the pipeline. */
export const RECORDER_TAGS = {
  title: 'Reunion du comite',
  artist: 'Awa Traore',
  comment: 'Samsung SM-A105F',
  location: '+14.4469-011.4445/',
  creation_time: '2026-03-01T10:00:00Z',
};

export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export type Probe = {
  streams: { codec_type: string; codec_name: string; channels?: number; sample_rate?: string; tags?: Record<string, string> }[];
  format: { format_name: string; duration?: string; bit_rate?: string; size: string; tags?: Record<string, string> };
};

export function ffprobe(file: string): Probe {
  return JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' }),
  ) as Probe;
}

/** A sine tone, `seconds` long, in one container, tagged like a phone recording (stereo 44.1 kHz unless said). */
export function tone(dir: string, name: string, seconds: number, codecArgs: string[], { frequency = 440, rate = 44100 } = {}): string {
  const file = path.join(dir, name);
  const tags = Object.entries(RECORDER_TAGS).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}:sample_rate=${rate}`, '-ac', '2', ...tags, ...codecArgs, file]);
  return file;
}

/**
 * AMR-NB as a feature phone writes it (RFC 4867 §5, the storage format): the magic "#!AMR\n", then one
 * frame every 20 ms. Each frame here is a 12.2 kbit/s frame (frame type 7, quality bit set: table-of-
 * contents byte 0x3C) followed by its 31 bytes of speech parameters, filled from a seeded generator. Debian's
 * ffmpeg has no AMR encoder, so this is how the tests get AMR without a committed binary; any bit pattern is
 * a valid set of parameters, and ffmpeg's decoder turns it into sound (noise).
 */
export function amrNb(dir: string, name: string, seconds: number, seed = 1): string {
  const frames = Math.round(seconds * 50);
  const out = Buffer.alloc(6 + frames * 32);
  out.write('#!AMR\n', 0, 'latin1');
  let x = seed >>> 0 || 1;
  for (let i = 0; i < frames; i++) {
    const at = 6 + i * 32;
    out[at] = 0x3c;
    for (let j = 1; j < 32; j++) {
      // xorshift32
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[at + j] = x & 0xff;
    }
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, out);
  return file;
}

/** Every file under `dir`, recursively (work folders included). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** What an upload may leave behind: files under MEDIA_DIR, media rows, their audit rows. */
export function mediaFootprint(db: Db, dir: string) {
  return {
    files: filesUnder(dir).length,
    rows: db.select({ id: media.id }).from(media).all().length,
    audit: db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'media.upload')).all().length,
  };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-${crypto.randomUUID().slice(0, 8)}-`));
}

/** The ffmpeg processes whose parent is this process, right now (read from /proc). */
export function ffmpegChildren(): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'ffmpeg' && ppid === process.pid) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export const FIXTURE_DIR = path.join(process.cwd(), 'tests', 'fixtures', 'media');
