import { MARK_END, MARK_START } from '@/db/queries/search';

/** Renders an FTS snippet with <mark> around matches; the text itself stays escaped by React. */
export function Highlight({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`, 'u'));
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith(MARK_START) ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>,
      )}
    </>
  );
}
