// Media bench (issue 13): the voice pipeline on this machine, through lib/media's ingestAudio with real ffmpeg.
//   1. 20 voice files uploaded at once: 7 formats (WebM/Opus, Ogg/Opus, M4A/AAC, MP3, AMR, AMR in 3GP, WAV),
//      15 s to 2 min, all distinct: errors, orphan files (a file without a row, a row without a file, a work
//      folder left behind), peak memory;
//   1b. the same 20 files as voice comments posted at once (lib/comments postComment): errors, orphan files;
//   2. throughput: 2-minute recordings (M4A/AAC, what iPhones and most Android recorders send), 6 per core, at once,
//      BENCH_RUNS rounds (3): transcodes per minute, and seconds of sound per second of machine time.
// Memory: the RSS of the node process running the pipeline plus its ffmpeg children, sampled every 10 ms.
// Run it under the lock: `flock /tmp/baro-build.lock node scripts/bench/media.mjs` (npm run bench runs it too,
// with --rows-only: then it prints its rows as JSON and leaves bench/results.md to the bench).
// Writes the media part of bench/results.md (between media:start and media:end).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, round, row } from '../lib/bench-rows.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const rowsOnly = process.argv.includes('--rows-only');
const cores = os.availableParallelism();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-bench-media-'));
const log = (m) => console.error(`[bench:media] ${m}`);

const ff = (args) => execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

/** A voice-like signal: a tone gliding with a syllable rhythm, over room noise. */
const voice = (seconds, i) => [
  '-f', 'lavfi', '-i', `sine=frequency=${180 + 17 * i}:duration=${seconds}:sample_rate=44100`,
  '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.03:duration=${seconds}:sample_rate=44100`,
  '-filter_complex', '[0]tremolo=f=4:d=0.8,vibrato=f=3:d=0.3[v];[v][1]amix=inputs=2:duration=first',
];

function makeInput(dir, i, format, seconds) {
  const base = path.join(dir, `in-${i}`);
  const tags = ['-metadata', 'title=Bench', '-metadata', 'location=+14.4469-011.4445/'];
  switch (format) {
    case 'webm': ff([...voice(seconds, i), '-ac', '1', '-c:a', 'libopus', '-b:a', '32k', ...tags, '-f', 'webm', `${base}.webm`]); return `${base}.webm`;
    case 'ogg': ff([...voice(seconds, i), '-ac', '1', '-c:a', 'libopus', '-b:a', '32k', ...tags, '-f', 'ogg', `${base}.ogg`]); return `${base}.ogg`;
    case 'm4a': ff([...voice(seconds, i), '-ac', '1', '-c:a', 'aac', '-b:a', '64k', ...tags, `${base}.m4a`]); return `${base}.m4a`;
    case 'mp3': ff([...voice(seconds, i), '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '64k', ...tags, `${base}.mp3`]); return `${base}.mp3`;
    case 'wav': ff([...voice(seconds, i), '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', `${base}.wav`]); return `${base}.wav`;
    case 'amr':
    case '3gp': {
      // AMR-NB 12.2 kbit/s frames built from RFC 4867 (Debian's ffmpeg has no AMR encoder; tests/helpers/media.ts)
      const frames = Math.round(seconds * 50);
      const out = Buffer.alloc(6 + frames * 32);
      out.write('#!AMR\n', 0, 'latin1');
      let x = i + 1;
      for (let f = 0; f < frames; f++) {
        out[6 + f * 32] = 0x3c;
        for (let j = 1; j < 32; j++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          out[6 + f * 32 + j] = x & 0xff;
        }
      }
      fs.writeFileSync(`${base}.amr`, out);
      if (format === 'amr') return `${base}.amr`;
      ff(['-i', `${base}.amr`, '-c:a', 'copy', ...tags, '-f', '3gp', `${base}.3gp`]);
      return `${base}.3gp`;
    }
  }
  throw new Error(format);
}

/** RSS in KB of a process and of its ffmpeg children, from /proc. */
function treeRssKb(pid) {
  const rss = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let total = rss(pid);
  let ffmpegs = 0;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) {
        total += rss(name);
        if (stat.includes('(ffmpeg)')) ffmpegs++;
      }
    } catch {
      // gone
    }
  }
  return { total, ffmpegs };
}

/** Runs one batch through scripts/bench/media-ingest.ts, sampling memory. */
function ingest(name, inputs, extra = []) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/media-ingest.ts', '--dir', path.join(dir, 'media'), '--db', path.join(dir, 'baro.db'), '--inputs', inputs.join(','), ...extra],
      { cwd: root, env: { ...process.env, AUTH_SECRET: 'bench-secret-not-used-for-anything-000000', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let peakKb = 0;
    let peakFfmpeg = 0;
    const sampler = setInterval(() => {
      const s = treeRssKb(child.pid);
      peakKb = Math.max(peakKb, s.total);
      peakFfmpeg = Math.max(peakFfmpeg, s.ffmpegs);
    }, 10);
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`media-ingest exited ${code}`));
      resolve({ ...JSON.parse(out.trim().split('\n').pop()), peakMB: peakKb / 1024, peakFfmpeg });
    });
  });
}

async function main() {
  const t0 = Date.now();
  const inputs = path.join(tmp, 'inputs');
  fs.mkdirSync(inputs);

  log('making 20 voice files (7 formats, 15 s to 2 min)…');
  const formats = ['webm', 'ogg', 'm4a', 'mp3', 'amr', '3gp', 'wav'];
  const twenty = Array.from({ length: 20 }, (_, i) => makeInput(inputs, i, formats[i % formats.length], 15 + Math.round((105 * i) / 19)));
  log('20 voice files at once…');
  const parallel = await ingest('parallel', twenty);
  log('the same 20 as voice comments posted at once…');
  const voiceComments = await ingest('comments', twenty, ['--comments']);

  const n = 6 * cores;
  log(`making ${n} two-minute M4A recordings…`);
  const long = Array.from({ length: n }, (_, i) => makeInput(inputs, 100 + i, 'm4a', 120));
  const rounds = [];
  for (let r = 0; r < RUNS; r++) {
    log(`throughput round ${r + 1}/${RUNS}…`);
    rounds.push(await ingest(`throughput-${r}`, long));
  }
  const perMinute = rounds.map((x) => (x.ok / x.wallMs) * 60_000);
  const clk = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // CPU seconds per 2-minute transcode, and what the cores could do if nothing else ran on them
  const cpuPer = rounds.map((x) => x.childCpuTicks / clk / x.ok);
  const load = os.loadavg()[0];
  const realtime = rounds.map((x) => x.audioSeconds / (x.wallMs / 1000));
  const perFile = rounds.flatMap((x) => x.perFileMs);
  const peakMB = Math.max(parallel.peakMB, ...rounds.map((x) => x.peakMB));
  const peakFfmpeg = Math.max(parallel.peakFfmpeg, ...rounds.map((x) => x.peakFfmpeg));
  const orphans = parallel.orphanFiles + parallel.missingFiles + parallel.workLeftovers;
  const commentOrphans = voiceComments.orphanFiles + voiceComments.missingFiles + voiceComments.workLeftovers + (voiceComments.rows - voiceComments.attached);

  const rows = [
    row('Media', 'transcodes per minute (2-minute recordings, one ffmpeg per core)', round(median(perMinute)), 'transcodes/min', 60, '>=',
      `${n} two-minute M4A/AAC recordings uploaded at once through ingestAudio (sniff, queue, ffmpeg to mono Opus/WebM 24 kbit/s with dynaudnorm, sha-256, fsync, row); ` +
        `${cores} ffmpeg at most at once (seen: ${peakFfmpeg}); ${round(median(realtime))} s of sound per second; ` +
        `upload to stored, p50 ${round(median(perFile) / 1000, 1)} s with the queue; runs: ${perMinute.map((x) => round(x)).join(', ')}; ffmpeg ${parallel.ffmpegVersion}. ` +
        `CPU time per transcode ${round(median(cpuPer), 2)} s, so ${round((60 / median(cpuPer)) * cores)} transcodes/min if the ${cores} cores were free ` +
        `(this machine is shared: load average ${round(load, 1)} at the end)`),
    row('Media', 'peak memory while transcoding (node + ffmpeg children, RSS)', round(peakMB), 'MB', 400, '<=',
      `highest sum of the RSS of the node process running the pipeline and of its ffmpeg children, sampled every 10 ms over every batch`),
    row('Media', '20 voice files uploaded at once: errors', parallel.errors.length, 'errors', 0, '<=',
      `${parallel.ok}/${parallel.files} stored (WebM/Opus, Ogg/Opus, M4A/AAC, MP3, AMR, AMR in 3GP, WAV; 15 s to 2 min, ${round(parallel.audioSeconds)} s of sound) in ${round(parallel.wallMs / 1000, 1)} s` +
        `${parallel.errors.length ? `; errors: ${parallel.errors.join('; ')}` : ''}`),
    row('Media', '20 voice files uploaded at once: orphan files', orphans, 'files', 0, '<=',
      `${parallel.storedFiles} files for ${parallel.rows} rows; ${parallel.orphanFiles} files without a row, ${parallel.missingFiles} rows without a file, ${parallel.workLeftovers} work folders left; ` +
        `output ${round(parallel.outputBytes / 1024)} KB for ${round(parallel.audioSeconds)} s (${round((parallel.outputBytes * 8) / parallel.audioSeconds / 1000, 1)} kbit/s)`),
    row('Media', '20 voice comments posted at once: errors', voiceComments.errors.length, 'errors', 0, '<=',
      `the same 20 files, each a voice comment by its own new citizen on one open topic, through lib/comments' postComment (comment rules, pipeline, comment + recording in one transaction): ` +
        `${voiceComments.ok}/${voiceComments.files} comments with their recording in ${round(voiceComments.wallMs / 1000, 1)} s, ${voiceComments.comments} comments written` +
        `${voiceComments.errors.length ? `; errors: ${voiceComments.errors.join('; ')}` : ''}`),
    row('Media', '20 voice comments posted at once: orphan files', commentOrphans, 'files', 0, '<=',
      `${voiceComments.storedFiles} files for ${voiceComments.rows} recordings, ${voiceComments.attached} attached to a comment; ${voiceComments.orphanFiles} files without a row, ` +
        `${voiceComments.missingFiles} rows without a file, ${voiceComments.workLeftovers} work folders left, ${voiceComments.rows - voiceComments.attached} recordings left pending`),
  ];
  const seconds = round((Date.now() - t0) / 1000);
  if (rowsOnly) {
    console.log(JSON.stringify(rows));
  } else {
    writeMarkdown(rows, seconds);
    for (const r of rows) console.log(`${r.holds ? 'holds      ' : 'FALLS SHORT'}  ${r.section} | ${r.name}: ${r.value} ${r.unit} (target ${r.comparator} ${r.target})`);
  }
}

function writeMarkdown(rows, seconds) {
  const file = path.join(root, 'bench', 'results.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Baro measurements\n';
  const fmt = (v) => (typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 3 }) : String(v));
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    '<!-- media:start (written by scripts/bench/media.mjs; edit that script, not this part) -->',
    `## Media — \`flock /tmp/baro-build.lock node scripts/bench/media.mjs\` (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${cores} × ${cpu}, Node ${process.version}. Wall time ${seconds} s. Real ffmpeg, real migrations, lib/media's ingestAudio in one node process ` +
      '(the voice comments go through the comment use case the form\'s server action calls, in process, not over HTTP). Throughput: median of ' + RUNS + ' rounds. ' +
      'Targets (ours: the issue sets none): keep up with one 2-minute recording a second, stay under 400 MB beside the app on a small commune server, ' +
      'and lose nothing: 0 errors, 0 orphan files. On a shared machine the CPU time per transcode is the steadier figure.',
    '',
    '| section | figure | value | target | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.section} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.comparator} ${fmt(r.target)} ${r.unit} | ${r.holds ? 'holds' : 'falls short'} |`),
    '',
    ...rows.map((r) => `- **${r.name}**: ${r.note}`),
    '<!-- media:end -->',
  ].join('\n');
  const start = existing.indexOf('<!-- media:start');
  const end = existing.indexOf('<!-- media:end -->');
  let out;
  if (start >= 0 && end > start) out = existing.slice(0, start) + lines + existing.slice(end + '<!-- media:end -->'.length);
  else {
    // After the bench part.
    const at = existing.indexOf('<!-- bench:end -->');
    out = at >= 0 ? `${existing.slice(0, at + 18)}\n\n${lines}${existing.slice(at + 18)}` : `${existing}\n${lines}\n`;
  }
  fs.writeFileSync(file, out);
}

try {
  await main();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
