import type { SnippetPart } from '@/lib/search/views';

/** A search snippet with <mark> around the words that matched; the text itself stays escaped by React. */
export function Highlight({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
