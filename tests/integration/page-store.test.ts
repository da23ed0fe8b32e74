import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPageStore } from '@/scripts/server/page-store.cjs';
import { pageStorePath, resetPageStore } from '@/scripts/server/page-store-file.mjs';

/**
 * The page store every server process shares (scripts/server/page-store.cjs): two stores opened on one file
 * stand for two processes (WEB_CONCURRENCY=2), each with its own memory, as in production.
 */

let dir: string;
let file: string;
const KEY = '/route-cache/APP_PAGE/abc/$/cached/fr/topics/2';
const TAGS = '_N_T_/layout,_N_T_/cached/[locale]/topics/[id]/page,_N_T_/cached/fr/topics/2';
const page = (html: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: { 'x-next-cache-tags': TAGS },
  status: 200,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
});
const cacheControl = { revalidate: 60, expire: 31536000 };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baro-pages-'));
  file = path.join(dir, 'baro.pages.db');
  resetPageStore(file);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the page store shared by the server processes', () => {
  it('lives beside the database, and a start deletes it', () => {
    expect(pageStorePath({ DATABASE_PATH: '/srv/baro/data/baro.db' })).toBe('/srv/baro/data/baro.pages.db');
    expect(pageStorePath({ DATABASE_PATH: '/srv/baro/data/baro.db', PAGE_STORE_PATH: '/var/cache/baro/pages.db' })).toBe('/var/cache/baro/pages.db');
    const a = openPageStore(file);
    a.set(KEY, page('<p>v1</p>'), { cacheControl });
    a.close();
    resetPageStore(file);
    const b = openPageStore(file);
    expect(b.get(KEY)).toBeNull();
    b.close();
  });

  it('gives every process the page one of them rendered, buffers and all', () => {
    const a = openPageStore(file);
    const b = openPageStore(file);
    const stored = a.set(KEY, page('<p>v1</p>'), { cacheControl });
    const read = b.get(KEY)!;
    expect(read.lastModified).toBe(stored);
    expect(read.cacheControl).toEqual(cacheControl);
    expect(read.value.html).toBe('<p>v1</p>');
    expect(Buffer.isBuffer(read.value.rscData)).toBe(true);
    expect(read.value.rscData.toString()).toBe('rsc:<p>v1</p>');
    expect(Buffer.isBuffer(read.value.segmentData.get('/_tree'))).toBe(true);
    expect(b.keyFor('/cached/fr/topics/2')).toBe(KEY);
    a.close();
    b.close();
  });

  it('drops the page in every process when one of them revalidates a tag of it (a comment posted through the other)', async () => {
    const a = openPageStore(file);
    const b = openPageStore(file);
    const stored = a.set(KEY, page('<p>v1</p>'), { cacheControl })!;
    expect(b.get(KEY)).not.toBeNull(); // now in b's memory too
    expect(a.isCurrent(KEY, stored)).toBe(true);
    await new Promise((r) => setTimeout(r, 2));
    b.expireTags(['_N_T_/cached/fr/topics/2']);
    expect(a.get(KEY)).toBeNull();
    expect(b.get(KEY)).toBeNull();
    expect(a.isCurrent(KEY, stored)).toBe(false);
    // Rendered again (later than the write), another topic's tag leaves it alone.
    await new Promise((r) => setTimeout(r, 2));
    const again = a.set(KEY, page('<p>v2</p>'), { cacheControl })!;
    b.expireTags(['_N_T_/cached/fr/topics/3']);
    expect(b.get(KEY)!.value.html).toBe('<p>v2</p>');
    expect(a.isCurrent(KEY, again)).toBe(true);
    a.close();
    b.close();
  });

  it('a page rendered again in one process replaces the copy another kept in memory', async () => {
    const a = openPageStore(file);
    const b = openPageStore(file);
    const first = a.set(KEY, page('<p>v1</p>'), { cacheControl })!;
    expect(b.get(KEY)!.value.html).toBe('<p>v1</p>');
    await new Promise((r) => setTimeout(r, 2));
    a.set(KEY, page('<p>v2</p>'), { cacheControl });
    expect(b.get(KEY)!.value.html).toBe('<p>v2</p>');
    expect(b.isCurrent(KEY, first)).toBe(false);
    a.close();
    b.close();
  });

  it('is no longer current for the front cache past its revalidate time (Next then serves it stale and renders it again)', () => {
    const a = openPageStore(file);
    const stored = a.set(KEY, page('<p>v1</p>'), { cacheControl })!;
    expect(a.isCurrent(KEY, stored, stored + 59_000)).toBe(true);
    expect(a.isCurrent(KEY, stored, stored + 61_000)).toBe(false);
    expect(a.current(KEY, stored + 61_000)).toBeNull();
    expect(a.get(KEY)).not.toBeNull(); // Next still gets it, to serve stale while it renders
    a.close();
  });

  it('forgets a page set to nothing', () => {
    const a = openPageStore(file);
    a.set(KEY, page('<p>v1</p>'), { cacheControl });
    a.set(KEY, null);
    expect(a.get(KEY)).toBeNull();
    a.close();
  });
});
