/** A small Atom 1.0 writer: every text goes through xml(), nothing else is interpolated. */
export function xml(s: string): string {
  return s.replace(/[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) =>
    ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? '',
  );
}

export type AtomEntry = { id: string; title: string; summary: string; url: string; updated: string; author: string };

export function atomFeed(f: { id: string; title: string; selfUrl: string; siteUrl: string; updated: string; entries: AtomEntry[] }): string {
  const entries = f.entries
    .map(
      (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" href="${xml(e.url)}"/>
    <updated>${xml(e.updated)}</updated>
    <author><name>${xml(e.author)}</name></author>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${xml(f.id)}</id>
  <title>${xml(f.title)}</title>
  <link rel="self" href="${xml(f.selfUrl)}"/>
  <link rel="alternate" href="${xml(f.siteUrl)}"/>
  <updated>${xml(f.updated)}</updated>
${entries}
</feed>
`;
}
