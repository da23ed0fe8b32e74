import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown from officials, rendered to HTML through an allowlist: no scripts, no styles, no
 * images (they cost data on 2G), links forced to open safely.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
  disallowedTagsMode: 'discard',
};

/**
 * The same text always gives the same HTML, and a topic's text is read far more often than it is written:
 * each process keeps the last few hundred results (sanitize-html is the costly part of a topic page's loader).
 */
const rendered = new Map<string, string>();
const KEEP = 500;

export function renderMarkdown(source: string): string {
  const kept = rendered.get(source);
  if (kept !== undefined) return kept;
  const html = sanitizeHtml(marked.parse(source, { async: false, gfm: true, breaks: true }), ALLOWED);
  if (source.length > 50_000) return html;
  if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
  rendered.set(source, html);
  return html;
}

/**
 * Markdown as plain text, for a piece of it shown as a line (a search snippet): headings, emphasis, code,
 * quote and list marks are removed, a link keeps its words. Works on fragments (a snippet cuts anywhere).
 */
export function markdownToPlain(source: string): string {
  return source
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, '$1')
    .replace(/(^|\n)\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/g, '$1')
    // Emphasis marks at a word's edge (an underscore inside a word is kept).
    .replace(/(?<![\p{L}\p{N}])(\*\*|__|\*|_|~~|`)(?=\S)|(?<=\S)(\*\*|__|\*|_|~~|`)(?![\p{L}\p{N}])/gu, '')
    // A heading mark after a line break the snippet flattened, or right after the snippet's "…".
    .replace(/(^|[\s…])#{1,6}\s+/g, '$1')
    .replace(/\s*\n+\s*/g, ' ');
}
