import { describe, expect, it } from 'vitest';
import { isReadablePage, localeOfPath, offlinePath, OFFLINE_PATHS } from '@/lib/offline/pages';

/** What the service worker keeps for reading offline (sw/sw.ts): topics, projects, courses and lessons only. */
describe('pages kept for reading offline', () => {
  it('keeps topics, projects, courses and lessons, in every language', () => {
    for (const p of ['/topics/12', '/en/topics/3', '/bm/projects/7', '/projects/1', '/learn/budget-communal', '/ff/learn/budget-communal/lecon-1', '/snk/learn/x/y'])
      expect(isReadablePage(p), p).toBe(true);
  });

  it('never keeps personal pages, form pages or lists', () => {
    for (const p of [
      '/account',
      '/en/account/pin',
      '/notifications',
      '/admin',
      '/moderation',
      '/facilitator',
      '/topics',
      '/topics/new',
      '/topics/12/edit',
      '/topics/12/revisions',
      '/projects/new',
      '/projects/3/edit',
      '/learn',
      '/learn/manage',
      '/learn/manage/new',
      '/learn/progress',
      '/learn/budget/certificate',
      '/learn/budget/lecon-1/answers',
      '/login',
      '/offline',
      '/de/topics/1',
      '/topics/12?x=1',
    ])
      expect(isReadablePage(p), p).toBe(false);
  });

  it('finds the offline page of a path’s language', () => {
    expect(offlinePath(localeOfPath('/topics/1'))).toBe('/offline');
    expect(offlinePath(localeOfPath('/en/topics/1'))).toBe('/en/offline');
    expect(offlinePath(localeOfPath('/snk/projects/2'))).toBe('/snk/offline');
    expect(OFFLINE_PATHS).toEqual(['/offline', '/en/offline', '/bm/offline', '/snk/offline', '/ff/offline']);
  });
});
