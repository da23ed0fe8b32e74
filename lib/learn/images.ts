import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { lessonImages, type LessonImage } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { forbidden, invalid, notFound, ok, type Result } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { idParam, parse, requiredText } from '@/lib/validation';
import { z } from 'zod';
import { courseScope, findCourse, findLesson, readSubject, type LearnContext } from './load';

/** A lesson's picture as stored: WebP, at most 60 KB, at most 960 px on its longer side. */
export const IMAGE_MAX_BYTES = 60 * 1024;
export const IMAGE_MAX_SIDE = 960;
/** What may be uploaded (before re-encoding): 8 MiB, and no more than 40 megapixels once decoded. */
export const IMAGE_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;
const MAX_INPUT_PIXELS = 40_000_000;
/** Formats recognised by their content (sharp's own reading of the bytes), never by name or declared type. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

const SHA = /^[0-9a-f]{64}$/;

/** MEDIA_DIR/images/ab/<sha256>.webp: named by the sha-256 of the re-encoded file. */
export function imageFilePath(mediaDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new Error('not a sha-256');
  return path.join(/*turbopackIgnore: true*/ mediaDir, 'images', sha256.slice(0, 2), `${sha256}.webp`);
}

export type EncodedImage = { bytes: Buffer; width: number; height: number; sourceFormat: string };
export type ImageErrorKey = 'imageEmpty' | 'imageTooLarge' | 'imageNotImage' | 'imageCorrupted';

/**
 * Re-encodes an upload to WebP of at most 60 KB: judged by its content (sharp reads the bytes; the name and
 * declared type are never looked at), turned upright from its EXIF orientation, resized to 960 px at most, and
 * written without any metadata (EXIF, GPS, ICC, XMP: sharp keeps none unless asked). Quality, then size, step
 * down until it fits.
 */
export async function encodeLessonImage(input: Uint8Array): Promise<{ ok: true; image: EncodedImage } | { ok: false; reason: ImageErrorKey }> {
  if (input.byteLength === 0) return { ok: false, reason: 'imageEmpty' };
  if (input.byteLength > IMAGE_UPLOAD_MAX_BYTES) return { ok: false, reason: 'imageTooLarge' };
  const { default: sharp } = await import('sharp');
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const, animated: false };
  let meta;
  try {
    meta = await sharp(input, options).metadata();
  } catch {
    return { ok: false, reason: 'imageNotImage' };
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) return { ok: false, reason: 'imageNotImage' };
  try {
    for (const side of [IMAGE_MAX_SIDE, 720, 540, 400]) {
      for (const quality of [75, 60, 45, 30]) {
        const { data, info } = await sharp(input, options)
          .rotate()
          .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
          .webp({ quality, effort: 4 })
          .toBuffer({ resolveWithObject: true });
        if (data.byteLength <= IMAGE_MAX_BYTES) return { ok: true, image: { bytes: data, width: info.width, height: info.height, sourceFormat: meta.format } };
      }
    }
  } catch {
    return { ok: false, reason: 'imageCorrupted' };
  }
  return { ok: false, reason: 'imageTooLarge' };
}

const addImageSchema = z.strictObject({ lessonId: idParam, alt: requiredText(3, 200) });

/**
 * Adds a picture to a lesson a facilitator (or admin) writes. The upload is re-encoded (encodeLessonImage),
 * stored once under its sha-256 (an identical picture is kept once), and recorded with its description.
 */
export async function addLessonImage(ctx: LearnContext, input: Record<string, unknown>, mediaDir: string): Promise<Result<LessonImage>> {
  const parsed = parse(addImageSchema, { lessonId: input.lessonId, alt: input.alt });
  if (!parsed.ok) return parsed;
  const lesson = findLesson(ctx.db, parsed.data.lessonId);
  if (!lesson) return notFound();
  const course = findCourse(ctx.db, lesson.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  const file = input.file;
  if (!(file instanceof Blob) && !(file instanceof Uint8Array)) return invalid({ image: 'imageEmpty' });
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  if (size === 0) return invalid({ image: 'imageEmpty' });
  if (size > IMAGE_UPLOAD_MAX_BYTES) return invalid({ image: 'imageTooLarge' });
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  const encoded = await encodeLessonImage(bytes);
  if (!encoded.ok) return invalid({ image: encoded.reason });
  const { image } = encoded;
  const sha256 = crypto.createHash('sha256').update(image.bytes).digest('hex');
  const target = imageFilePath(mediaDir, sha256);
  const existed = fs.existsSync(target);
  if (!existed) {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${crypto.randomUUID()}.tmp`;
    await fs.promises.writeFile(tmp, image.bytes, { flush: true });
    fs.renameSync(tmp, target);
  }
  try {
    const row = ctx.db.transaction((tx) => {
      const r = tx
        .insert(lessonImages)
        .values({ lessonId: lesson.id, uploadedBy: ctx.actor!.id, sha256, width: image.width, height: image.height, sizeBytes: image.bytes.byteLength, alt: parsed.data.alt, sourceFormat: image.sourceFormat, createdAt: ctx.now.toISOString() })
        .returning()
        .get();
      recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.image', subjectType: 'lesson', subjectId: lesson.id, details: { imageId: r.id, sha256, sizeBytes: r.sizeBytes, sourceFormat: r.sourceFormat } });
      return r;
    });
    return ok(row);
  } catch (e) {
    if (!existed) fs.rmSync(target, { force: true });
    throw e;
  }
}

/** Removes a picture from a lesson (the file goes if no other lesson uses it). */
export function removeLessonImage(ctx: LearnContext, input: Record<string, unknown>, mediaDir: string): Result<{ lessonId: number }> {
  const id = idParam.safeParse(input.imageId);
  if (!id.success) return notFound();
  const image = ctx.db.select().from(lessonImages).where(eq(lessonImages.id, id.data)).get();
  if (!image) return notFound();
  const course = findCourse(ctx.db, findLesson(ctx.db, image.lessonId)!.courseId)!;
  if (!can(ctx.actor, 'course.edit', courseScope(ctx.db, course))) return forbidden();
  ctx.db.transaction((tx) => {
    tx.delete(lessonImages).where(eq(lessonImages.id, image.id)).run();
    recordAudit(tx, { actorId: ctx.actor!.id, action: 'lesson.removeImage', subjectType: 'lesson', subjectId: image.lessonId, details: { imageId: image.id } });
  });
  if (!ctx.db.select({ id: lessonImages.id }).from(lessonImages).where(eq(lessonImages.sha256, image.sha256)).get()) fs.rmSync(imageFilePath(mediaDir, image.sha256), { force: true });
  return ok({ lessonId: image.lessonId });
}

/**
 * GET /images/<id>.webp: a lesson's picture. Public (cached a year: the file never changes) when anyone may
 * read its lesson; else only for its authors, never cached. Unknown or not allowed: 404, so nothing tells a
 * draft exists.
 */
export async function serveLessonImage(db: Db, file: string, { dir, getActor }: { dir: string; getActor: () => Promise<Actor | null> }): Promise<Response> {
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" });
  const notFoundResponse = () => {
    headers.set('Cache-Control', 'no-store');
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response('Not found', { status: 404, headers });
  };
  const m = /^(\d{1,12})\.webp$/.exec(file);
  if (!m) return notFoundResponse();
  const image = db.select().from(lessonImages).where(eq(lessonImages.id, Number(m[1]))).get();
  if (!image) return notFoundResponse();
  const lesson = findLesson(db, image.lessonId)!;
  const course = findCourse(db, lesson.courseId)!;
  const subject = readSubject(db, course, lesson);
  const isPublic = subject.published && subject.visible;
  if (!isPublic && !can(await getActor(), 'learn.read', subject)) return notFoundResponse();
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(imageFilePath(dir, image.sha256));
  } catch {
    return notFoundResponse();
  }
  headers.set('Content-Type', 'image/webp');
  headers.set('Content-Length', String(bytes.byteLength));
  headers.set('Cache-Control', isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store');
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
