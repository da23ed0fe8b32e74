import { getTranslations } from 'next-intl/server';
import type { SpokenSummary } from '@/lib/topics/spoken-summary';
import { AudioPlayer, recordingUrl } from './audio-player';

/**
 * "Écouter le résumé": one player per language a summary was recorded in (issue 13 §5), the reader's
 * language first. Nothing is downloaded before play (preload="none"), so the cached page stays light.
 */
export async function SpokenSummaries({ items, heading, id }: { items: SpokenSummary[]; heading: string; id: string }) {
  if (items.length === 0) return null;
  const tl = await getTranslations('Languages');
  const tv = await getTranslations('Voice');
  return (
    <section aria-labelledby={id} className="spoken-summary rounded border-2 border-teal-800 bg-white p-3">
      <h2 id={id} className="text-lg font-bold">
        <span aria-hidden="true">🔊 </span>
        {heading}
      </h2>
      {items.map((r) => (
        <AudioPlayer
          key={r.id}
          id={`${id}-${r.language}`}
          src={recordingUrl(r.id)}
          durationMs={r.durationMs}
          label={tl(r.language)}
          lang={r.language}
          transcript={r.transcript ? { label: tv('transcript'), text: r.transcript } : null}
        />
      ))}
    </section>
  );
}
