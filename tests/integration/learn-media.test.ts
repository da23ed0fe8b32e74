import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lessonImages, lessons, media, type User } from '@/db/schema';
import { addLessonImage, encodeLessonImage, IMAGE_MAX_BYTES, imageFilePath, removeLessonImage, serveLessonImage } from '@/lib/learn/images';
import { addChoiceAudio, addNarration } from '@/lib/learn/lesson-audio';
import { setCourseState, setLessonState } from '@/lib/learn/publish';
import { createCourse } from '@/lib/learn/save-course';
import { createLesson, updateLesson } from '@/lib/learn/save-lesson';
import { lessonView } from '@/lib/learn/views';
import { MediaPipeline } from '@/lib/media/pipeline';
import { actorOf, addUser, makeTestDb, type TestDb } from '../helpers/db';
import { courseForm, ctxOf, lessonForm } from '../helpers/learn';
import { tone } from '../helpers/media';

let t: TestDb;
let dir: string;
let fixtures: string;
let pipeline: MediaPipeline;
let fanta: User;
let awa: User;
let course: { id: number; slug: string };
let lesson: { id: number; slug: string };

beforeAll(() => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-learn-fixtures-'));
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

beforeEach(async () => {
  t = makeTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-learn-media-'));
  pipeline = new MediaPipeline({ dir });
  fanta = await addUser(t, { displayName: 'Fanta Sissoko', communeId: t.communeId('nioro-du-sahel'), grants: [{ role: 'facilitator', spaceId: t.spaceId('nioro') }] });
  awa = await addUser(t, { displayName: 'Awa Traoré', communeId: t.communeId('nioro-du-sahel') });
  const c = createCourse(ctx(fanta), courseForm());
  if (!c.ok) throw new Error(JSON.stringify(c));
  const l = createLesson(ctx(fanta), lessonForm(c.value.courseId));
  if (!l.ok) throw new Error(JSON.stringify(l));
  course = { id: c.value.courseId, slug: c.value.slug };
  lesson = { id: l.value.lessonId, slug: l.value.slug };
});
afterEach(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ctx = (u: User | null) => ctxOf(t.db, u ? actorOf(t.db, u.id) : null);
function publish() {
  setLessonState(ctx(fanta), { id: String(lesson.id), state: 'published' });
  setCourseState(ctx(fanta), { id: String(course.id), state: 'published' });
}

/** A photo as a phone takes it: big, noisy (hard to compress), with its camera, owner and place in EXIF. */
async function phonePhoto(width = 3000, height = 2000, orientation?: number): Promise<Buffer> {
  let img = sharp({ create: { width, height, channels: 3, background: 'white', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 92 });
  img = img.withExif({ IFD0: { Make: 'Samsung', Model: 'SM-A105F', Artist: 'Awa Traore', Copyright: 'Awa Traore' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '14/1 26/1 49/1' } });
  if (orientation) img = img.withMetadata({ orientation });
  return img.toBuffer();
}

describe('lesson pictures', () => {
  it('re-encodes a phone photo to WebP of 60 KB at most, upright, with no EXIF left', async () => {
    const input = await phonePhoto(3000, 2000, 6);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await encodeLessonImage(input);
    if (!out.ok) throw new Error(out.reason);
    expect(out.image.bytes.byteLength).toBeLessThanOrEqual(IMAGE_MAX_BYTES);
    const meta = await sharp(out.image.bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    // Orientation 6 (turned a quarter): stored upright, so portrait.
    expect([out.image.width, out.image.height]).toEqual([640, 960]);
    expect(out.image.bytes.includes(Buffer.from('Awa Traore'))).toBe(false);
    expect(out.image.bytes.includes(Buffer.from('SM-A105F'))).toBe(false);
    expect(out.image.sourceFormat).toBe('jpeg');
  });

  it('judges the upload by its content, never its name or type', async () => {
    expect(await encodeLessonImage(new Uint8Array())).toEqual({ ok: false, reason: 'imageEmpty' });
    expect(await encodeLessonImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({ ok: false, reason: 'imageNotImage' });
    expect(await encodeLessonImage(Buffer.from('GIF89a this is not really a picture'))).toMatchObject({ ok: false });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'teal' } }).png().toBuffer();
    const asFile = new File([new Uint8Array(png)], 'notes.txt', { type: 'text/plain' });
    const added = await addLessonImage(ctx(fanta), { lessonId: String(lesson.id), alt: 'Le marché de Nioro', file: asFile }, dir);
    expect(added).toMatchObject({ ok: true, value: { sourceFormat: 'png', width: 40, height: 30 } });
    const jpegNamedPng = new File([new Uint8Array((await phonePhoto(600, 400)).subarray(0, 4000))], 'photo.png', { type: 'image/png' });
    const broken = await addLessonImage(ctx(fanta), { lessonId: String(lesson.id), alt: 'Photo abîmée', file: jpegNamedPng }, dir);
    expect(broken.ok).toBe(false);
  });

  it('is stored once by its content, added only by the lesson’s authors, and served as the lesson is', async () => {
    const photo = await phonePhoto(800, 600);
    expect(await addLessonImage(ctx(awa), { lessonId: String(lesson.id), alt: 'Le marché', file: photo }, dir)).toEqual({ ok: false, error: 'forbidden' });
    expect(await addLessonImage(ctx(fanta), { lessonId: String(lesson.id), alt: '', file: photo }, dir)).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { alt: 'required' } });
    const a = await addLessonImage(ctx(fanta), { lessonId: String(lesson.id), alt: 'Le marché', file: photo }, dir);
    const b = await addLessonImage(ctx(fanta), { lessonId: String(lesson.id), alt: 'Le marché encore', file: photo }, dir);
    if (!a.ok || !b.ok) throw new Error('not added');
    expect(a.value.sha256).toBe(b.value.sha256);
    expect(fs.readdirSync(path.dirname(imageFilePath(dir, a.value.sha256)))).toHaveLength(1);

    const get = (who: User | null) => serveLessonImage(t.db, `${a.value.id}.webp`, { dir, getActor: async () => (who ? actorOf(t.db, who.id) : null) });
    // A draft's picture: its authors only, never cached; anyone else learns nothing (404).
    expect((await get(null)).status).toBe(404);
    expect((await get(awa)).status).toBe(404);
    const own = await get(fanta);
    expect([own.status, own.headers.get('cache-control'), own.headers.get('content-type')]).toEqual([200, 'private, no-store', 'image/webp']);
    publish();
    const pub = await get(null);
    expect([pub.status, pub.headers.get('cache-control'), pub.headers.get('x-content-type-options')]).toEqual([200, 'public, max-age=31536000, immutable', 'nosniff']);
    expect(Buffer.from(await pub.arrayBuffer()).byteLength).toBe(a.value.sizeBytes);
    expect((await serveLessonImage(t.db, '../etc/passwd', { dir, getActor: async () => null })).status).toBe(404);

    // Removing one row keeps the file the other still uses; removing both removes it.
    expect(removeLessonImage(ctx(fanta), { imageId: String(a.value.id) }, dir).ok).toBe(true);
    expect(fs.existsSync(imageFilePath(dir, a.value.sha256))).toBe(true);
    expect(removeLessonImage(ctx(fanta), { imageId: String(b.value.id) }, dir).ok).toBe(true);
    expect(fs.existsSync(imageFilePath(dir, a.value.sha256))).toBe(false);
    expect(t.db.select().from(lessonImages).all()).toEqual([]);
  });
});

describe('narrations and choices read aloud', () => {
  it('a narration is private while the lesson is a draft, public once it is published, and one per language', async () => {
    const file = fs.readFileSync(tone(fixtures, 'narration.webm', 2, ['-c:a', 'libopus']));
    expect(await addNarration(ctx(awa), { lessonId: String(lesson.id), language: 'fr', file }, dir, pipeline)).toEqual({ ok: false, error: 'forbidden' });
    const first = await addNarration(ctx(fanta), { lessonId: String(lesson.id), language: 'fr', file }, dir, pipeline);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const row = () => t.db.select().from(media).where(eq(media.id, first.value.mediaId)).get();
    expect(row()).toMatchObject({ kind: 'lesson', subjectId: lesson.id, language: 'fr', state: 'held' });
    publish();
    expect(row()?.state).toBe('published');
    expect(lessonView(ctx(null), course.slug, lesson.slug, 'fr')?.narrations.map((n) => [n.language, n.src])).toEqual([['fr', `/media/${first.value.mediaId}.webm`]]);
    setCourseState(ctx(fanta), { id: String(course.id), state: 'draft' });
    expect(row()?.state).toBe('held');
    publish();
    // A Bambara narration is added; a new French one replaces the old.
    const bm = await addNarration(ctx(fanta), { lessonId: String(lesson.id), language: 'bm', file }, dir, pipeline);
    const fr2 = await addNarration(ctx(fanta), { lessonId: String(lesson.id), language: 'fr', file: fs.readFileSync(tone(fixtures, 'narration2.webm', 2, ['-c:a', 'libopus'], { frequency: 660 })) }, dir, pipeline);
    expect([bm.ok, fr2.ok]).toEqual([true, true]);
    expect(row()).toBeUndefined();
    expect(t.db.select().from(media).all().map((m) => [m.language, m.state]).sort()).toEqual([['bm', 'published'], ['fr', 'published']]);
  });

  it('a choice read aloud is named by the quiz, kept when the lesson is edited, and heard by readers once published', async () => {
    const file = fs.readFileSync(tone(fixtures, 'choice.webm', 1, ['-c:a', 'libopus']));
    expect(await addChoiceAudio(ctx(fanta), { lessonId: String(lesson.id), question: '1', choice: '4', file }, dir, pipeline)).toEqual({ ok: false, error: 'invalid', fieldErrors: { choice: 'invalidChoice' } });
    const added = await addChoiceAudio(ctx(fanta), { lessonId: String(lesson.id), question: '1', choice: '2', file }, dir, pipeline);
    if (!added.ok) throw new Error(JSON.stringify(added));
    const quiz = () => t.db.select().from(lessons).where(eq(lessons.id, lesson.id)).get()!.quiz;
    expect(quiz()[0]!.choices[1]).toMatchObject({ text: 'Deuxième réponse 1', audioId: added.value.mediaId });
    const edit = Object.fromEntries(Object.entries(lessonForm(course.id)).filter(([k]) => k !== 'courseId' && k !== 'slug'));
    expect(updateLesson(ctx(fanta), { ...edit, lessonId: String(lesson.id), q1_c3: 'Une autre réponse' }).ok).toBe(true);
    expect(quiz()[0]!.choices[1]?.audioId).toBe(added.value.mediaId);
    expect(lessonView(ctx(awa), course.slug, lesson.slug, 'fr')).toBeNull();
    publish();
    expect(lessonView(ctx(awa), course.slug, lesson.slug, 'fr')?.quiz[0]?.choices[1]?.audio?.src).toBe(`/media/${added.value.mediaId}.webm`);
  });
});
