import { xml } from './atom';

/**
 * A small RSS 2.0 podcast writer (issue 13 §6), in the Atom writer's way: every text goes through xml(),
 * nothing else is interpolated. The iTunes tags most podcast apps read are added (author, duration,
 * explicit, category); each item's enclosure is a recording at /media/<id>.webm (Opus in WebM).
 */
export type PodcastItem = {
  guid: string;
  title: string;
  description: string;
  link: string;
  /** ISO date */
  published: string;
  enclosure: { url: string; length: number; type: string };
  durationMs: number;
  /** the language spoken (fr, bm, snk, ff) */
  language: string | null;
  author: string;
};

export type Podcast = {
  title: string;
  description: string;
  link: string;
  selfUrl: string;
  /** the channel's language (RFC 5646), French */
  language: string;
  author: string;
  /** ISO date of the latest item */
  updated: string;
  items: PodcastItem[];
};

/** RFC 822 dates, as RSS 2.0 wants them. */
const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** H:MM:SS, as podcast apps read itunes:duration. */
function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function podcastFeed(f: Podcast): string {
  const items = f.items
    .map(
      (i) => `    <item>
      <guid isPermaLink="false">${xml(i.guid)}</guid>
      <title>${xml(i.title)}</title>
      <link>${xml(i.link)}</link>
      <description>${xml(i.description)}</description>
      <pubDate>${xml(rfc822(i.published))}</pubDate>
      <enclosure url="${xml(i.enclosure.url)}" length="${i.enclosure.length}" type="${xml(i.enclosure.type)}"/>${i.language ? `\n      <dc:language>${xml(i.language)}</dc:language>` : ''}
      <itunes:author>${xml(i.author)}</itunes:author>
      <itunes:duration>${duration(i.durationMs)}</itunes:duration>
      <itunes:explicit>false</itunes:explicit>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(f.title)}</title>
    <link>${xml(f.link)}</link>
    <atom:link href="${xml(f.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xml(f.description)}</description>
    <language>${xml(f.language)}</language>
    <lastBuildDate>${xml(rfc822(f.updated))}</lastBuildDate>
    <itunes:author>${xml(f.author)}</itunes:author>
    <itunes:explicit>false</itunes:explicit>
    <itunes:category text="Government"/>
${items}
  </channel>
</rss>
`;
}
