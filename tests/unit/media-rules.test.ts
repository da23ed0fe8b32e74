import { describe, expect, it } from 'vitest';
import { can, type Actor, type Grant } from '@/lib/permissions';
import { QueueFullError, TranscodeQueue } from '@/lib/media/queue';
import { parseRange } from '@/lib/media/range';

const actor = (id: number, grants: Grant[] = [], suspended = false): Actor => ({ id, communeId: 1, suspended, verified: true, grants });
const moderatorOf = (communeId: number | null) => actor(7, [{ role: 'moderator', communeId, spaceId: null }]);
const admin = actor(9, [{ role: 'admin', communeId: null, spaceId: null }]);
const official = actor(8, [{ role: 'official', communeId: 1, spaceId: null }]);

describe('who may hear a recording', () => {
  const recording = (state: 'pending' | 'held' | 'published' | 'rejected') => ({ ownerId: 5, communeId: 1, state });

  it('a published recording: anyone, signed in or not', () => {
    expect(can(null, 'media.read', recording('published'))).toBe(true);
    expect(can(actor(6), 'media.read', recording('published'))).toBe(true);
  });

  for (const state of ['pending', 'held', 'rejected'] as const) {
    it(`a ${state} recording: its owner (even suspended), the commune's moderators and admins; nobody else`, () => {
      const s = recording(state);
      expect(can(actor(5), 'media.read', s)).toBe(true);
      expect(can(actor(5, [], true), 'media.read', s)).toBe(true);
      expect(can(moderatorOf(1), 'media.read', s)).toBe(true);
      expect(can(moderatorOf(null), 'media.read', s)).toBe(true);
      expect(can(admin, 'media.read', s)).toBe(true);
      expect(can(null, 'media.read', s)).toBe(false);
      expect(can(actor(6), 'media.read', s)).toBe(false);
      expect(can(moderatorOf(2), 'media.read', s)).toBe(false);
      expect(can(official, 'media.read', s)).toBe(false);
      expect(can({ ...moderatorOf(1), suspended: true }, 'media.read', s)).toBe(false);
    });
  }

  it('uploading: a signed-in account that is not suspended', () => {
    expect(can(actor(5), 'media.upload', undefined)).toBe(true);
    expect(can(actor(5, [], true), 'media.upload', undefined)).toBe(false);
    expect(can(null, 'media.upload', undefined)).toBe(false);
  });
});

describe('byte ranges', () => {
  const size = 1000;
  it('one range: start-end, start-, and the last n bytes', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=0-1', size)).toEqual({ start: 0, end: 1 });
    expect(parseRange('bytes=900-', size)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', size)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', size)).toEqual({ start: 990, end: 999 });
  });
  it('no range, another unit, or several ranges: the whole file', () => {
    expect(parseRange(null, size)).toBeNull();
    expect(parseRange('items=0-1', size)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', size)).toBeNull();
  });
  it('malformed or past the end: 416', () => {
    for (const h of ['bytes=1000-', 'bytes=5000-6000', 'bytes=abc', 'bytes=5-1', 'bytes=-0', 'bytes=', 'bytes=0-1,x', 'bytes=1-2-3']) {
      expect(parseRange(h, size), h).toBe('unsatisfiable');
    }
  });
});

describe('the transcode queue', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('runs at most `concurrency` tasks at once, the others in arrival order', async () => {
    const q = new TranscodeQueue(2, 10);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const all = gates.map((g, i) =>
      q.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await g.promise;
        running--;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.resolve();
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(q.stats).toEqual({ running: 0, waiting: 0, peakRunning: 2 });
  });

  it('refuses at once past the waiting limit, and a failed task frees its slot', async () => {
    const q = new TranscodeQueue(1, 1);
    const gate = deferred();
    const first = q.run(() => gate.promise);
    const second = q.run(async () => {
      throw new Error('ffmpeg failed');
    });
    await expect(q.run(async () => 1)).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await first;
    await expect(second).rejects.toThrow('ffmpeg failed');
    await expect(q.run(async () => 3)).resolves.toBe(3);
  });
});
