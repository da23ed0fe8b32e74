import { PlaybackRate } from './playback-rate';

/** m:ss of a duration in milliseconds (a recording lasts at most a few minutes). */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The media route of a recording (app/media/[file]/route.ts). */
export const recordingUrl = (id: number) => `/media/${id}.webm`;

/**
 * A recording to listen to: nothing is downloaded until the person presses play (preload="none": data costs
 * money), and its length is written beside it so they know what it will cost in time and data. A transcript,
 * when a moderator wrote one, is shown under the player (for those who cannot listen, and for search). With
 * `rates` (moderators), buttons play it at 1× or 1.5× when JavaScript runs; without it, a plain player.
 */
export function AudioPlayer({
  src,
  durationMs,
  label,
  id,
  lang,
  transcript,
  rates,
}: {
  src: string;
  durationMs: number;
  label: string;
  id?: string;
  /** the language spoken, when known (spoken summaries) */
  lang?: string;
  transcript?: { label: string; text: string } | null;
  rates?: { label: string; normal: string; faster: string };
}) {
  return (
    <figure className="my-2" id={id} lang={lang}>
      <figcaption className="mb-1 text-sm font-semibold">
        {label} <span className="font-normal text-stone-700">({formatDuration(durationMs)})</span>
      </figcaption>
      <audio controls preload="none" src={src} className="w-full max-w-sm">
        <a href={src}>{label}</a>
      </audio>
      {rates ? <PlaybackRate {...rates} /> : null}
      {transcript ? (
        <div className="mt-1 text-sm">
          <p className="font-semibold">{transcript.label}</p>
          <p className="transcript whitespace-pre-line break-words">{transcript.text}</p>
        </div>
      ) : null}
    </figure>
  );
}
