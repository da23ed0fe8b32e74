import { markdownToPlain } from '@/lib/markdown';
import type { ViewContext } from '@/lib/view-context';
import { MARK_END, MARK_START, searchContent, type SearchHit } from './queries';

/** A piece of a result's snippet: marked parts matched the words searched for. */
export type SnippetPart = { text: string; marked: boolean };

export type SearchResult = {
  key: string;
  kind: SearchHit['kind'];
  /** the page that shows it, without the language prefix ("/topics/3#comment-12") */
  path: string;
  /** the topic's or project's title (for a comment: the one it is on) */
  title: string;
  /** where a comment is: on a topic or on a citizen project */
  on: 'topic' | 'project';
  snippet: SnippetPart[];
};

export type SearchView = {
  /** what was searched for, as kept (trimmed, at most 200 characters); '' before any search */
  q: string;
  count: number;
  /** topics, then projects, then lessons, then debates, then comments; empty groups left out */
  groups: { kind: SearchHit['kind']; results: SearchResult[] }[];
};

type Search = Record<string, string | string[] | undefined>;

/**
 * Splits an FTS snippet at the highlight markers; the text itself is escaped by React when shown. The index
 * holds the Markdown as written: its marks ("## ", "**") are taken out first (issue 17 §8).
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of markdownToPlain(snippet).split(new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`, 'u'))) {
    if (!piece) continue;
    const marked = piece.startsWith(MARK_START);
    parts.push({ text: marked ? piece.slice(1, -1) : piece, marked });
  }
  return parts;
}

/** /search?q=…: public content only (lib/search/queries.ts), the same for every reader. */
export function searchPage(ctx: Pick<ViewContext, 'db'>, sp: Search, locale = 'fr'): SearchView {
  const raw = Array.isArray(sp.q) ? sp.q[0] : sp.q;
  const q = (raw ?? '').trim().slice(0, 200);
  const hits = q ? searchContent(ctx.db, q, 30, locale) : [];
  const results = hits.map(
    (h): SearchResult => ({
      key: `${h.kind}-${h.refId}`,
      kind: h.kind,
      path:
        h.kind === 'lesson'
          ? `/learn/${h.courseSlug}/${h.lessonSlug}`
          : h.kind === 'meeting'
            ? `/meetings/${h.refId}`
          : `${h.projectId ? `/projects/${h.projectId}` : `/topics/${h.topicId}`}${h.kind === 'comment' ? `#comment-${h.refId}` : ''}`,
      title: h.title,
      on: h.projectId ? 'project' : 'topic',
      snippet: snippetParts(h.snippet),
    }),
  );
  const kinds: SearchHit['kind'][] = ['topic', 'project', 'lesson', 'meeting', 'comment'];
  return {
    q,
    count: results.length,
    groups: kinds.map((kind) => ({ kind, results: results.filter((r) => r.kind === kind) })).filter((g) => g.results.length > 0),
  };
}
