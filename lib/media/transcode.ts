import { runFfmpeg } from './ffmpeg';
import { DURATION_TOLERANCE_S, HARD_CAP_S, MAX_DURATION_S, MIN_DURATION_MS, OUTPUT_BITRATE } from './limits';

/**
 * Loudness: dynaudnorm (a per-frame gain, evens out a quiet voice and a close shout) after a high-pass that
 * removes handling rumble. loudnorm (EBU R128) was measured at 4.5× the time and 2× the memory of
 * dynaudnorm on a 2-minute recording (2.95 s and 150 MB against 0.65 s and 74 MB here): too dear per core.
 */
export const AUDIO_FILTER = 'highpass=f=80,dynaudnorm=f=150:g=15';

/** The ffmpeg arguments of one transcode: forced demuxer in, mono Opus in WebM out, nothing else kept. */
export function transcodeArgs(input: string, demuxer: string, output: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel', 'error',
    '-progress', 'pipe:1',
    // one transcode = one core: the queue allows one per core
    '-filter_threads', '1',
    // only local files, and only the container recognised by file-type (no probing, no playlists)
    '-protocol_whitelist', 'file',
    '-f', demuxer,
    '-threads', '1',
    '-i', input,
    // the first sound track alone: no video, subtitles, data, cover pictures, chapters or tags
    '-map', '0:a:0',
    '-vn', '-sn', '-dn',
    '-map_metadata', '-1',
    '-map_chapters', '-1',
    // hard cap: nothing longer is ever written, whatever the header said
    '-t', String(HARD_CAP_S),
    '-af', AUDIO_FILTER,
    '-ac', '1',
    '-ar', '48000',
    '-c:a', 'libopus',
    '-b:a', OUTPUT_BITRATE,
    // constrained VBR: the size stays near 24 kbit/s whatever is recorded (prepaid data pays for every byte)
    '-vbr', 'constrained',
    '-application', 'voip',
    '-threads', '1',
    // no encoder versions, a fixed segment id: the same input gives the same bytes (and the same sha-256)
    '-fflags', '+bitexact',
    '-flags:a', '+bitexact',
    '-f', 'webm',
    '-y', output,
  ];
}

export type Transcoded =
  | { ok: true; durationMs: number }
  | { ok: false; reason: 'audioCorrupted' | 'audioNotAudio' | 'audioTooLong' | 'audioEmpty' | 'audioTimeout' | 'voiceUnavailable'; detail: string };

/**
 * Transcodes `input` to `output` and measures the decoded duration (ffmpeg's own output clock, never a
 * header). Killed after `timeoutMs`; resolves once ffmpeg has exited.
 */
export async function transcodeToOpus(
  ffmpegPath: string,
  input: string,
  demuxer: string,
  output: string,
  { timeoutMs }: { timeoutMs: number },
): Promise<Transcoded> {
  const run = await runFfmpeg(ffmpegPath, transcodeArgs(input, demuxer, output), { timeoutMs, progress: true });
  if (run.missing) return { ok: false, reason: 'voiceUnavailable', detail: `cannot start ${ffmpegPath}` };
  if (run.timedOut) return { ok: false, reason: 'audioTimeout', detail: `killed after ${timeoutMs} ms` };
  // a container with no sound track (a video, a picture in an MP4): `-map 0:a:0` finds nothing
  if (run.code !== 0 && /Stream map '0:a:0' matches no streams/.test(run.stderr)) return { ok: false, reason: 'audioNotAudio', detail: 'no audio stream' };
  if (run.code !== 0) return { ok: false, reason: 'audioCorrupted', detail: `ffmpeg exited ${run.code ?? run.signal}: ${run.stderr.trim().slice(-300)}` };
  const durationMs = run.outTimeUs === null ? 0 : Math.round(run.outTimeUs / 1000);
  if (durationMs > (MAX_DURATION_S + DURATION_TOLERANCE_S) * 1000) return { ok: false, reason: 'audioTooLong', detail: `decoded ${durationMs} ms` };
  if (durationMs < MIN_DURATION_MS) return { ok: false, reason: 'audioEmpty', detail: `decoded ${durationMs} ms` };
  return { ok: true, durationMs };
}
