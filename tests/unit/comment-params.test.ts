import { describe, expect, it } from 'vitest';
import { parseCommentParams } from '@/lib/comments/params';

describe('the query string of a discussion page', () => {
  it('opens the reply or report form of the one comment a reader asked for', () => {
    expect(parseCommentParams({ reply: '42' }).open).toEqual({ reply: 42, report: null, replies: null });
    expect(parseCommentParams({ report: '7', sort: 'newest', page: '3' })).toEqual({ sort: 'newest', page: 3, open: { reply: null, report: 7, replies: null } });
  });

  it('opens all the replies of the one comment a reader asked for', () => {
    expect(parseCommentParams({ replies: '12', reply: '12' }).open).toEqual({ reply: 12, report: null, replies: 12 });
  });

  it('opens no form when there is nothing, or nonsense, in the query', () => {
    for (const value of [undefined, '', 'abc', '-3', '0', '1.5', '9'.repeat(20), ['x', '2']]) {
      expect(parseCommentParams({ reply: value, report: value, replies: value }).open).toEqual({ reply: null, report: null, replies: null });
    }
    expect(parseCommentParams({}).open).toEqual({ reply: null, report: null, replies: null });
  });
});
