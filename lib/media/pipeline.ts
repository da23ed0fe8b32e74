import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { defaultMediaDir } from './config';
import { runFfmpeg } from './ffmpeg';
import { TRANSCODE_TIMEOUT_MS } from './limits';
import { QueueFullError, TranscodeQueue } from './queue';
import { sniffAudio } from './sniff';
import { makeWorkDir, removeWorkDir } from './store';
import { transcodeToOpus } from './transcode';

export type MediaPipelineOptions = {
  /** MEDIA_DIR */
  dir: string;
  /** FFMPEG_PATH */
  ffmpegPath: string;
  /** a transcode still running after this is killed */
  timeoutMs: number;
  /** transcodes at once (default: one per core) */
  concurrency: number;
  /** transcodes allowed to wait for a slot; past that, uploads are refused with rate_limited */
  maxWaiting: number;
};

export type MediaAvailability = { available: true; ffmpegVersion: string } | { available: false; reason: string };

/**
 * The transcoding machinery one process shares: where files go, which ffmpeg, the queue. Tests and the
 * bench make their own (a tiny timeout, a missing ffmpeg, one slot); the app uses mediaPipeline().
 */
export class MediaPipeline {
  readonly options: MediaPipelineOptions;
  readonly queue: TranscodeQueue;
  private checked: Promise<MediaAvailability> | undefined;

  constructor(options: Partial<MediaPipelineOptions> = {}) {
    const cores = os.availableParallelism();
    this.options = {
      dir: options.dir ?? defaultMediaDir(),
      ffmpegPath: options.ffmpegPath ?? env().FFMPEG_PATH,
      timeoutMs: options.timeoutMs ?? TRANSCODE_TIMEOUT_MS,
      concurrency: options.concurrency ?? cores,
      maxWaiting: options.maxWaiting ?? 16 * cores,
    };
    this.queue = new TranscodeQueue(this.options.concurrency, this.options.maxWaiting);
  }

  /**
   * Can this server take recordings? Checked once (then remembered): ffmpeg starts, and a real
   * half-second recording goes through the whole chain (file-type, music-metadata, ffmpeg to Opus/WebM)
   * in MEDIA_DIR, so a missing encoder, an unwritable folder or a library that does not load shows at start.
   */
  availability(): Promise<MediaAvailability> {
    this.checked ??= selfTest(this.options).catch((e: unknown) => ({ available: false as const, reason: e instanceof Error ? e.message : String(e) }));
    return this.checked;
  }

  /** Runs one transcode in its turn; throws QueueFullError when too many already wait. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }
}

export { QueueFullError };

async function selfTest(o: MediaPipelineOptions): Promise<MediaAvailability> {
  const version = await runFfmpeg(o.ffmpegPath, ['-hide_banner', '-version'], { timeoutMs: 10_000 });
  if (version.missing || version.code !== 0) return { available: false, reason: `ffmpeg not found or not working (FFMPEG_PATH=${o.ffmpegPath})` };
  const ffmpegVersion = /ffmpeg version (\S+)/.exec(version.stdout.toString('utf8'))?.[1] ?? 'unknown';
  try {
    fs.mkdirSync(o.dir, { recursive: true });
  } catch {
    return { available: false, reason: `MEDIA_DIR ${o.dir} cannot be created` };
  }
  let work: string;
  try {
    work = await makeWorkDir(o.dir);
  } catch {
    return { available: false, reason: `MEDIA_DIR ${o.dir} is not writable` };
  }
  try {
    const wav = path.join(work, 'tone.wav');
    const tone = await runFfmpeg(
      o.ffmpegPath,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', '-y', wav],
      { timeoutMs: 10_000 },
    );
    if (tone.code !== 0) return { available: false, reason: `ffmpeg ${ffmpegVersion} cannot make a test tone: ${tone.stderr.trim().slice(-200)}` };
    const sniffed = await sniffAudio(await fs.promises.readFile(wav));
    if (!sniffed.ok) return { available: false, reason: 'a test tone was not recognised as audio (file-type, music-metadata)' };
    const out = await transcodeToOpus(o.ffmpegPath, wav, sniffed.demuxer, path.join(work, 'out.webm'), { timeoutMs: 10_000 });
    if (!out.ok) return { available: false, reason: `ffmpeg ${ffmpegVersion} cannot encode Opus/WebM: ${out.detail}` };
    return { available: true, ffmpegVersion };
  } finally {
    await removeWorkDir(work);
  }
}

const globalForMedia = globalThis as unknown as { __baroMedia?: MediaPipeline };

/** The process-wide pipeline (MEDIA_DIR, FFMPEG_PATH, one transcode per core). */
export function mediaPipeline(): MediaPipeline {
  globalForMedia.__baroMedia ??= new MediaPipeline();
  return globalForMedia.__baroMedia;
}

/** What the server prints at start: says plainly whether voice is on. */
export function availabilityMessage(a: MediaAvailability, dir: string): string {
  return a.available
    ? `[baro] voice: on (ffmpeg ${a.ffmpegVersion}, recordings in ${dir})`
    : `[baro] voice: OFF — ${a.reason}. Recordings cannot be uploaded until ffmpeg works (Debian: apt-get install -y ffmpeg), then restart.`;
}

/** Voice is on (ffmpeg passed its start-up self-test): forms offer the recorder only then. */
export async function voiceIsOn(): Promise<boolean> {
  return (await mediaPipeline().availability()).available;
}
