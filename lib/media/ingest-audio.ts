import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { communes, media, MEDIA_KINDS, PREFERRED_LANGUAGES, type MediaItem } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, ok, rateLimited, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { MAX_UPLOAD_BYTES, OUTPUT_MIME } from './limits';
import { mediaPipeline, QueueFullError, type MediaPipeline } from './pipeline';
import { sniffAudio } from './sniff';
import { expirePendingMediaLazily } from './sweep-media';
import { fsyncFile, hashFile, makeWorkDir, placeFileSync, removeWorkDir } from './store';
import { transcodeToOpus } from './transcode';

export const ingestAudioSchema = z.strictObject({
  /** what the recording is for */
  kind: z.enum(MEDIA_KINDS),
  /** the language spoken (spoken summaries) */
  language: z.enum(PREFERRED_LANGUAGES).optional(),
  /** whose moderators may hear it before it is public; default: the uploader's commune */
  communeId: z.number().int().positive().optional(),
});

export type IngestAudioInput = z.input<typeof ingestAudioSchema> & {
  /** the upload as received (a File from FormData, or bytes): its name and declared type are ignored */
  file: Blob | Uint8Array;
};

/** The message keys (messages/*.json, "Errors") an upload can be refused with, on the field `audio`. */
export type AudioErrorKey =
  | 'audioEmpty'
  | 'audioTooLarge'
  | 'audioTooLong'
  | 'audioNotAudio'
  | 'audioCorrupted'
  | 'audioTimeout'
  | 'voiceUnavailable';

const refuse = (key: AudioErrorKey) => invalid({ audio: key });

/** When the queue is full: try again in a short while. */
const BUSY_RETRY_SECONDS = 30;

/**
 * Takes one uploaded recording through the pipeline: judged by its content, transcoded to mono Opus
 * (WebM, 24 kbit/s, loudness-evened, no tags), its duration measured on the decoded output, stored once
 * under its sha-256, and recorded as a *pending* media row owned by the actor. The feature that asked
 * for it then attaches it in its own transaction (attachMedia), which sets held or published.
 *
 * Bad input gets `invalid` with a translated key on `audio`, and leaves no file and no row. A full
 * queue gets `rate_limited`. Runs outside any transaction (it waits for ffmpeg); its one write is a
 * synchronous transaction with its audit row.
 */
export async function ingestAudio(
  db: Db,
  actor: Actor | null,
  input: IngestAudioInput,
  pipeline: MediaPipeline = mediaPipeline(),
): Promise<Result<MediaItem>> {
  const { file, ...fields } = input;
  const parsed = ingestAudioSchema.safeParse(fields);
  if (!parsed.success) return invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? '_form'), 'invalid'])));
  if (!can(actor, 'media.upload', undefined)) return forbidden();
  const owner = actor!;
  const communeId = parsed.data.communeId ?? owner.communeId;
  if (!db.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).get()) return invalid({ communeId: 'invalid' });

  if (!(await pipeline.availability()).available) return refuse('voiceUnavailable');

  // A form sent without a file gives an empty File (or a string): nothing was recorded.
  if (!(file instanceof Uint8Array) && !(file instanceof Blob)) return refuse('audioEmpty');
  // Sizes first: an oversized upload is not even read.
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  if (size === 0) return refuse('audioEmpty');
  if (size > MAX_UPLOAD_BYTES) return refuse('audioTooLarge');
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0) return refuse('audioEmpty');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return refuse('audioTooLarge');

  const sniffed = await sniffAudio(bytes);
  if (!sniffed.ok) return refuse(sniffed.reason);

  const { dir, ffmpegPath, timeoutMs } = pipeline.options;
  expirePendingMediaLazily(db, dir);
  const work = await makeWorkDir(dir);
  try {
    const input = path.join(work, 'in');
    const output = path.join(work, 'out.webm');
    await fs.promises.writeFile(input, bytes);
    let transcoded;
    try {
      transcoded = await pipeline.run(() => transcodeToOpus(ffmpegPath, input, sniffed.demuxer, output, { timeoutMs }));
    } catch (e) {
      if (e instanceof QueueFullError) return rateLimited(BUSY_RETRY_SECONDS);
      throw e;
    }
    if (!transcoded.ok) return refuse(transcoded.reason);

    await fsyncFile(output);
    const { sha256, sizeBytes } = await hashFile(output);
    const row = placeFileSync(dir, output, sha256, () =>
      db.transaction((tx) => {
        const item = tx
          .insert(media)
          .values({
            ownerId: owner.id,
            communeId,
            kind: parsed.data.kind,
            language: parsed.data.language ?? null,
            state: 'pending',
            sha256,
            mime: OUTPUT_MIME,
            sizeBytes,
            durationMs: transcoded.durationMs,
            sourceFormat: sniffed.format,
          })
          .returning()
          .get();
        recordAudit(tx, {
          actorId: owner.id,
          action: 'media.upload',
          subjectType: 'media',
          subjectId: item.id,
          details: { kind: item.kind, sourceFormat: item.sourceFormat, durationMs: item.durationMs, sizeBytes, sha256 },
        });
        return item;
      }),
    );
    return ok(row);
  } finally {
    await removeWorkDir(work);
  }
}
