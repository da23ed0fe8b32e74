import { spawn } from 'node:child_process';

export type FfmpegRun = {
  /** the program could not be started (not installed, not executable) */
  missing: boolean;
  /** killed because it ran past the timeout */
  timedOut: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** the last few KB of stderr */
  stderr: string;
  stdout: Buffer;
  /** output time reached, from `-progress pipe:1` (microseconds), when asked for */
  outTimeUs: number | null;
};

const STDERR_KEEP = 4096;
const STDOUT_MAX = 1024 * 1024;

/**
 * Runs ffmpeg with an argument array (never a shell: nothing in the arguments is interpreted), kills it
 * with SIGKILL once `timeoutMs` has passed, and resolves only when the process is gone, so its files can be
 * removed safely afterwards. With `progress: true` the caller must pass `-progress pipe:1`; stdout is then
 * read as progress lines instead of being kept.
 */
export function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  { timeoutMs, progress = false }: { timeoutMs: number; progress?: boolean },
): Promise<FfmpegRun> {
  return new Promise((resolve) => {
    let stderr = '';
    const out: Buffer[] = [];
    let outBytes = 0;
    let outTimeUs: number | null = null;
    let partial = '';
    let timedOut = false;
    let settled = false;
    const finish = (r: Omit<FfmpegRun, 'stderr' | 'stdout' | 'outTimeUs' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, timedOut, stderr, stdout: Buffer.concat(out), outTimeUs });
    };

    const child = spawn(ffmpegPath, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.stdout.on('data', (d: Buffer) => {
      if (progress) {
        const lines = (partial + d.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^out_time_us=(\d+)\s*$/.exec(line);
          if (m) outTimeUs = Number(m[1]);
        }
      } else if (outBytes < STDOUT_MAX) {
        out.push(d);
        outBytes += d.length;
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      // spawn failures (ENOENT, EACCES) arrive here and no 'close' follows
      if (child.pid === undefined) finish({ missing: true, code: null, signal: null });
      else stderr = (stderr + String(e.message)).slice(-STDERR_KEEP);
    });
    child.on('close', (code, signal) => finish({ missing: false, code, signal }));
  });
}
