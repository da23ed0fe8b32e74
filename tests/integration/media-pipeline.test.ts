import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media, users } from '@/db/schema';
import { attachMedia, discardMedia, loadPendingMedia, setMediaState } from '@/lib/media/attach-media';
import { ingestAudio } from '@/lib/media/ingest-audio';
import { MAX_UPLOAD_BYTES } from '@/lib/media/limits';
import { availabilityMessage, MediaPipeline } from '@/lib/media/pipeline';
import { sniffAudio } from '@/lib/media/sniff';
import { mediaFilePath } from '@/lib/media/store';
import { sweepMedia } from '@/lib/media/sweep-media';
import { actorOf, addUser, makeTestDb, type TestDb } from '../helpers/db';
import { amrNb, FIXTURE_DIR, ffmpeg, ffmpegChildren, ffprobe, filesUnder, mediaFootprint, RECORDER_TAGS, tempDir, tone } from '../helpers/media';

let t: TestDb;
let fixtures: string;
let mediaDir: string;
let pipeline: MediaPipeline;
let citizen: ReturnType<typeof actorOf>;

beforeAll(async () => {
  t = makeTestDb();
  fixtures = tempDir('baro-media-fixtures');
  mediaDir = tempDir('baro-media-store');
  pipeline = new MediaPipeline({ dir: mediaDir });
  citizen = actorOf(t.db, (await addUser(t, { displayName: 'Awa Traoré' })).id);
});

afterAll(() => {
  t.cleanup();
  fs.rmSync(fixtures, { recursive: true, force: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** The upload as a browser sends it: a File whose name and declared type say nothing true. */
const upload = (file: string, name = 'message.ogg', type = 'audio/ogg') => new File([fs.readFileSync(file)], name, { type });

/** Output tags ffmpeg itself writes into every WebM (encoder name without version, track duration): nothing from the upload. */
const MUXER_STREAM_TAGS = new Set(['ENCODER', 'DURATION']);
const MUXER_FORMAT_TAGS = new Set(['encoder']);

function expectPlayableOpus(file: string, seconds: number) {
  const p = ffprobe(file);
  expect(p.format.format_name).toBe('matroska,webm');
  expect(p.streams).toHaveLength(1);
  const s = p.streams[0]!;
  expect(s.codec_type).toBe('audio');
  expect(s.codec_name).toBe('opus');
  expect(s.channels).toBe(1);
  expect(Number(p.format.duration)).toBeGreaterThan(seconds - 0.2);
  expect(Number(p.format.duration)).toBeLessThan(seconds + 0.3);
  // about 24 kbit/s: a minute is about 180 KB
  expect(Number(p.format.bit_rate)).toBeLessThanOrEqual(32_000);
  // no tag from the recorder survives: only ffmpeg's own, without versions
  expect(Object.keys(s.tags ?? {}).filter((k) => !MUXER_STREAM_TAGS.has(k))).toEqual([]);
  expect(Object.keys(p.format.tags ?? {}).filter((k) => !MUXER_FORMAT_TAGS.has(k))).toEqual([]);
  const bytes = fs.readFileSync(file).toString('latin1');
  for (const v of [...Object.values(RECORDER_TAGS), 'Chrome', 'Lavf5', 'Lavc5']) expect(bytes).not.toContain(v);
}

describe('each accepted format becomes mono Opus in WebM, without tags', () => {
  const cases: { name: string; format: string; make: () => string; seconds: number }[] = [
    { name: 'WebM/Opus', format: 'webm', seconds: 3, make: () => tone(fixtures, 'tone.webm', 3, ['-c:a', 'libopus']) },
    { name: 'Ogg/Opus', format: 'ogg', seconds: 3, make: () => tone(fixtures, 'tone.opus.ogg', 3, ['-c:a', 'libopus', '-f', 'ogg']) },
    { name: 'Ogg/Vorbis', format: 'ogg', seconds: 3, make: () => tone(fixtures, 'tone.vorbis.ogg', 3, ['-c:a', 'libvorbis', '-f', 'ogg']) },
    { name: 'M4A/AAC', format: 'm4a', seconds: 3, make: () => tone(fixtures, 'tone.m4a', 3, ['-c:a', 'aac']) },
    { name: 'MP4 audio (Safari recorder)', format: 'mp4', seconds: 3, make: () => tone(fixtures, 'tone.mp4', 3, ['-c:a', 'aac', '-f', 'mp4']) },
    { name: 'raw AAC (ADTS)', format: 'aac', seconds: 3, make: () => tone(fixtures, 'tone.aac', 3, ['-c:a', 'aac', '-f', 'adts']) },
    { name: 'MP3', format: 'mp3', seconds: 3, make: () => tone(fixtures, 'tone.mp3', 3, ['-c:a', 'libmp3lame']) },
    { name: 'WAV', format: 'wav', seconds: 3, make: () => tone(fixtures, 'tone.wav', 3, ['-c:a', 'pcm_s16le'], { rate: 16000 }) },
    { name: 'AMR-NB', format: 'amr', seconds: 3, make: () => amrNb(fixtures, 'voice.amr', 3) },
    {
      name: 'AMR in 3GP (feature phone)',
      format: '3gp',
      seconds: 3,
      make: () => {
        const amr = amrNb(fixtures, 'for-3gp.amr', 3, 7);
        const out = path.join(fixtures, 'voice.3gp');
        const tags = Object.entries(RECORDER_TAGS).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
        ffmpeg(['-i', amr, '-c:a', 'copy', ...tags, '-f', '3gp', out]);
        return out;
      },
    },
    {
      name: 'WebM from Chromium’s MediaRecorder (committed sample)',
      format: 'webm',
      seconds: 2.5,
      make: () => path.join(FIXTURE_DIR, 'chromium-mediarecorder.webm'),
    },
  ];

  for (const c of cases) {
    it(`${c.name}: stored under its sha-256, pending, owned, duration measured`, async () => {
      const r = await ingestAudio(t.db, citizen, { file: upload(c.make(), 'notes.txt', 'text/plain'), kind: 'comment' }, pipeline);
      if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
      const item = r.value;
      expect(item).toMatchObject({ ownerId: citizen.id, communeId: citizen.communeId, state: 'pending', kind: 'comment', mime: 'audio/webm', sourceFormat: c.format, subjectId: null });
      expect(Math.abs(item.durationMs - c.seconds * 1000)).toBeLessThan(200);
      const file = mediaFilePath(mediaDir, item.sha256);
      const bytes = fs.readFileSync(file);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
      expect(bytes.length).toBe(item.sizeBytes);
      expect(path.basename(file)).toBe(`${item.sha256}.webm`);
      expectPlayableOpus(file, c.seconds);
    });
  }

  it('leaves no work folder behind', () => {
    expect(filesUnder(path.join(mediaDir, '.tmp'))).toEqual([]);
  });
});

describe('identical content is stored once', () => {
  it('two uploads of the same recording: two rows, one file; the file goes with the last row', async () => {
    const src = tone(fixtures, 'same.m4a', 2, ['-c:a', 'aac'], { frequency: 523 });
    const other = actorOf(t.db, (await addUser(t, { displayName: 'Moussa Diarra' })).id);
    const a = await ingestAudio(t.db, citizen, { file: upload(src), kind: 'comment' }, pipeline);
    const b = await ingestAudio(t.db, other, { file: upload(src), kind: 'comment' }, pipeline);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.value.id).not.toBe(b.value.id);
    expect(a.value.sha256).toBe(b.value.sha256);
    expect(filesUnder(mediaDir).filter((f) => f.includes(a.value.sha256))).toHaveLength(1);

    expect(discardMedia(t.db, citizen, b.value.id, mediaDir)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(discardMedia(t.db, citizen, a.value.id, mediaDir).ok).toBe(true);
    expect(fs.existsSync(mediaFilePath(mediaDir, a.value.sha256))).toBe(true);
    expect(discardMedia(t.db, other, b.value.id, mediaDir).ok).toBe(true);
    expect(fs.existsSync(mediaFilePath(mediaDir, a.value.sha256))).toBe(false);
  });
});

describe('bad input gets a clear error and leaves no file and no row', () => {
  async function expectRefused(file: Blob | Uint8Array, key: string, p: MediaPipeline = pipeline) {
    const before = mediaFootprint(t.db, mediaDir);
    const r = await ingestAudio(t.db, citizen, { file, kind: 'comment' }, p);
    expect(r).toEqual({ ok: false, error: 'invalid', fieldErrors: { audio: key } });
    expect(mediaFootprint(t.db, mediaDir)).toEqual(before);
    expect(filesUnder(path.join(mediaDir, '.tmp'))).toEqual([]);
    expect(ffmpegChildren()).toEqual([]);
  }

  it('a text file renamed .ogg', async () => {
    const f = path.join(fixtures, 'note.ogg');
    fs.writeFileSync(f, 'Bonjour, ceci est un texte et pas un son.\n'.repeat(50));
    await expectRefused(upload(f, 'note.ogg', 'audio/ogg'), 'audioNotAudio');
  });

  it('a picture posing as an MP3', async () => {
    const f = path.join(fixtures, 'photo.png');
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-frames:v', '1', f]);
    await expectRefused(upload(f, 'voice.mp3', 'audio/mpeg'), 'audioNotAudio');
  });

  it('a video with no sound track', async () => {
    const f = path.join(fixtures, 'silent-video.mp4');
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-c:v', 'mpeg4', '-f', 'mp4', f]);
    await expectRefused(upload(f, 'voice.m4a', 'audio/mp4'), 'audioNotAudio');
  });

  it('an empty file', async () => {
    await expectRefused(new File([], 'voice.webm', { type: 'audio/webm' }), 'audioEmpty');
    await expectRefused(new Uint8Array(0), 'audioEmpty');
    // what FormData.get() gives for a field sent without a file
    await expectRefused(new File([], '', { type: 'application/octet-stream' }), 'audioEmpty');
    await expectRefused('' as unknown as Blob, 'audioEmpty');
  });

  it('a recording with nothing in it (no samples, or a click of 40 ms)', async () => {
    for (const seconds of [0, 0.04]) {
      const f = path.join(fixtures, `nothing-${seconds}.wav`);
      ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', String(seconds), '-c:a', 'pcm_s16le', f]);
      await expectRefused(upload(f), 'audioEmpty');
    }
  });

  it('a WebM whose structure is broken', async () => {
    const f = path.join(fixtures, 'broken.webm');
    ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '0', '-c:a', 'libopus', '-f', 'webm', f]);
    await expectRefused(upload(f), 'audioCorrupted');
  });

  it('an M4A cut short (its index is missing)', async () => {
    const whole = fs.readFileSync(tone(fixtures, 'cut.m4a', 5, ['-c:a', 'aac']));
    await expectRefused(whole.subarray(0, 4000), 'audioCorrupted');
  });

  it('an Ogg header followed by garbage', async () => {
    const junk = crypto.randomBytes(20_000);
    const head = fs.readFileSync(tone(fixtures, 'head.ogg', 1, ['-c:a', 'libopus', '-f', 'ogg'])).subarray(0, 200);
    await expectRefused(Buffer.concat([head, junk]), 'audioCorrupted');
  });

  it('a file over 5 MB, refused before it is read', async () => {
    const f = tone(fixtures, 'long.wav', 60, ['-c:a', 'pcm_s16le'], { rate: 48000 });
    expect(fs.statSync(f).size).toBeGreaterThan(MAX_UPLOAD_BYTES);
    await expectRefused(upload(f, 'voice.wav', 'audio/wav'), 'audioTooLarge');
  });

  it('a file whose header declares more than 2 minutes, refused before any transcode', async () => {
    const f = tone(fixtures, 'long.mp3', 150, ['-c:a', 'libmp3lame', '-ac', '1', '-ar', '8000', '-b:a', '16k']);
    await expectRefused(upload(f), 'audioTooLong');
  });

  it('a recording over 2 minutes with no duration in its header (AMR), caught on the decoded sound', async () => {
    await expectRefused(upload(amrNb(fixtures, 'long.amr', 150, 3)), 'audioTooLong');
  }, 60_000);

  it('a file whose header lies about its duration (WebM saying 10 s, holding 150 s)', async () => {
    const f = tone(fixtures, 'liar.webm', 150, ['-c:a', 'libopus', '-ac', '1', '-b:a', '16k']);
    const bytes = fs.readFileSync(f);
    // Segment Info's Duration (EBML id 0x4489, an 8-byte float, in milliseconds): rewrite it to 10 s.
    const at = bytes.indexOf(Buffer.from([0x44, 0x89, 0x88]));
    expect(at).toBeGreaterThan(0);
    bytes.writeDoubleBE(10_000, at + 3);
    const sniffed = await sniffAudio(bytes);
    expect(sniffed).toMatchObject({ ok: true, declaredDurationS: 10 });
    await expectRefused(bytes, 'audioTooLong');
  }, 60_000);

  it('a transcode that runs past the time limit is killed', async () => {
    const f = tone(fixtures, 'slow.wav', 100, ['-c:a', 'pcm_s16le', '-ac', '1'], { rate: 16000 });
    const impatient = new MediaPipeline({ dir: mediaDir, timeoutMs: 30 });
    const started = Date.now();
    await expectRefused(upload(f), 'audioTimeout', impatient);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ffmpeg missing: voice is off, said plainly, and uploads get a clear error', async () => {
    const noFfmpeg = new MediaPipeline({ dir: mediaDir, ffmpegPath: path.join(fixtures, 'no-such-ffmpeg') });
    const a = await noFfmpeg.availability();
    expect(a.available).toBe(false);
    expect(availabilityMessage(a, mediaDir)).toMatch(/voice: OFF.*ffmpeg/);
    await expectRefused(upload(tone(fixtures, 'ok.mp3', 1, ['-c:a', 'libmp3lame'])), 'voiceUnavailable', noFfmpeg);
  });
});

describe('who may upload', () => {
  it('an anonymous visitor or a suspended account may not', async () => {
    const f = tone(fixtures, 'who.mp3', 1, ['-c:a', 'libmp3lame']);
    const suspended = await addUser(t, { displayName: 'Suspendu', suspendedUntil: '2999-01-01T00:00:00.000Z' });
    const before = mediaFootprint(t.db, mediaDir);
    expect(await ingestAudio(t.db, null, { file: upload(f), kind: 'comment' }, pipeline)).toEqual({ ok: false, error: 'forbidden' });
    expect(await ingestAudio(t.db, actorOf(t.db, suspended.id), { file: upload(f), kind: 'comment' }, pipeline)).toEqual({ ok: false, error: 'forbidden' });
    expect(mediaFootprint(t.db, mediaDir)).toEqual(before);
  });

  it('unknown fields and kinds are refused', async () => {
    const f = upload(tone(fixtures, 'fields.mp3', 1, ['-c:a', 'libmp3lame']));
    expect(await ingestAudio(t.db, citizen, { file: f, kind: 'song' as 'comment' }, pipeline)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { kind: 'invalid' } });
    expect(await ingestAudio(t.db, citizen, { file: f, kind: 'comment', extra: 1 } as never, pipeline)).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('load: one transcode per core, the others wait their turn', () => {
  it(`N parallel uploads never run more ffmpeg processes than the pipeline's slots`, async () => {
    const inputs = Array.from({ length: 5 }, (_, i) => fs.readFileSync(tone(fixtures, `par-${i}.wav`, 45, ['-c:a', 'pcm_s16le', '-ac', '1'], { rate: 16000, frequency: 300 + 50 * i })));
    for (const slots of [1, 2]) {
      const p = new MediaPipeline({ dir: mediaDir, concurrency: slots });
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, ffmpegChildren().length);
      }, 5);
      const results = await Promise.all(inputs.map((b) => ingestAudio(t.db, citizen, { file: b, kind: 'comment' }, p)));
      clearInterval(sampler);
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
      expect(peak).toBeGreaterThanOrEqual(1);
      expect(peak).toBeLessThanOrEqual(slots);
      expect(p.queue.stats.peakRunning).toBe(slots);
    }
  }, 120_000);

  it('past the queue limit, uploads are refused with rate_limited and leave nothing', async () => {
    const p = new MediaPipeline({ dir: mediaDir, concurrency: 1, maxWaiting: 1 });
    const inputs = Array.from({ length: 4 }, (_, i) => fs.readFileSync(tone(fixtures, `busy-${i}.wav`, 60, ['-c:a', 'pcm_s16le', '-ac', '1'], { rate: 16000, frequency: 700 + 10 * i })));
    const before = mediaFootprint(t.db, mediaDir);
    const results = await Promise.all(inputs.map((b) => ingestAudio(t.db, citizen, { file: b, kind: 'comment' }, p)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, error: 'rate_limited', retryAfterSeconds: 30 },
      { ok: false, error: 'rate_limited', retryAfterSeconds: 30 },
    ]);
    const after = mediaFootprint(t.db, mediaDir);
    expect(after).toEqual({ files: before.files + 2, rows: before.rows + 2, audit: before.audit + 2 });
  }, 60_000);
});

describe('a feature attaches a recording, moderation moves it', () => {
  it('pending → held (attached to a comment) → published → rejected', async () => {
    const r = await ingestAudio(t.db, citizen, { file: upload(tone(fixtures, 'attach.mp3', 1, ['-c:a', 'libmp3lame'], { frequency: 880 })), kind: 'comment' }, pipeline);
    if (!r.ok) throw new Error('refused');
    const other = actorOf(t.db, (await addUser(t)).id);
    expect(loadPendingMedia(t.db, other, r.value.id, 'comment')).toEqual({ ok: false, error: 'forbidden' });
    expect(loadPendingMedia(t.db, citizen, r.value.id, 'topic_summary')).toMatchObject({ ok: false, error: 'invalid' });
    expect(loadPendingMedia(t.db, citizen, 999_999, 'comment')).toEqual({ ok: false, error: 'not_found' });
    expect(loadPendingMedia(t.db, citizen, r.value.id, 'comment').ok).toBe(true);

    const nioro = t.communeId('nioro-du-sahel');
    expect(t.db.transaction((tx) => attachMedia(tx, r.value.id, { subjectId: 42, communeId: nioro, state: 'held' }))).toBe(true);
    // used once: a second attach (a replayed form) changes nothing
    expect(t.db.transaction((tx) => attachMedia(tx, r.value.id, { subjectId: 43, communeId: nioro, state: 'published' }))).toBe(false);
    expect(loadPendingMedia(t.db, citizen, r.value.id, 'comment')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { audio: 'audioAlreadyUsed' } });
    expect(t.db.select().from(media).where(eq(media.id, r.value.id)).get()).toMatchObject({ subjectId: 42, communeId: nioro, state: 'held' });
    t.db.transaction((tx) => setMediaState(tx, r.value.id, 'published'));
    t.db.transaction((tx) => setMediaState(tx, r.value.id, 'rejected'));
    expect(t.db.select().from(media).where(eq(media.id, r.value.id)).get()!.state).toBe('rejected');
  });
});

describe('the start-up sweep removes what a crash left', () => {
  it('old work folders, files without a row, pending recordings never attached after a day', async () => {
    const kept = await ingestAudio(t.db, citizen, { file: upload(tone(fixtures, 'kept.mp3', 1, ['-c:a', 'libmp3lame'], { frequency: 990 })), kind: 'comment' }, pipeline);
    const stale = await ingestAudio(t.db, citizen, { file: upload(tone(fixtures, 'stale.mp3', 1, ['-c:a', 'libmp3lame'], { frequency: 1100 })), kind: 'comment' }, pipeline);
    if (!kept.ok || !stale.ok) throw new Error('refused');
    t.db.transaction((tx) => attachMedia(tx, kept.value.id, { subjectId: 1, communeId: citizen.communeId, state: 'published' }));
    t.db.update(media).set({ createdAt: '2020-01-01T00:00:00.000Z' }).where(eq(media.id, stale.value.id)).run();
    t.db.update(media).set({ createdAt: '2020-01-01T00:00:00.000Z' }).where(eq(media.id, kept.value.id)).run();
    const orphan = mediaFilePath(mediaDir, 'f'.repeat(64));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'left by a crash');
    const work = path.join(mediaDir, '.tmp', 'up-crashed');
    fs.mkdirSync(work, { recursive: true });
    fs.writeFileSync(path.join(work, 'in'), 'half an upload');
    const old = new Date('2020-01-01');
    fs.utimesSync(work, old, old);

    const swept = sweepMedia(t.db, mediaDir);
    expect(swept).toEqual({ workDirs: 1, orphanFiles: 1, expired: 1 });
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(work)).toBe(false);
    expect(fs.existsSync(mediaFilePath(mediaDir, stale.value.sha256))).toBe(false);
    expect(fs.existsSync(mediaFilePath(mediaDir, kept.value.sha256))).toBe(true);
    // every stored file has a row, every row its file
    const shas = new Set(t.db.select({ sha: media.sha256 }).from(media).all().map((m) => m.sha));
    const stored = filesUnder(mediaDir).filter((f) => !f.includes(`${path.sep}.tmp${path.sep}`));
    expect(new Set(stored.map((f) => path.basename(f, '.webm')))).toEqual(shas);
  });
});

it('the users table is untouched by all this (no account is created by an upload)', () => {
  expect(t.db.select({ id: users.id }).from(users).all().length).toBeGreaterThan(0);
});
