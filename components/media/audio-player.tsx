/** m:ss of a duration in milliseconds (a recording lasts at most a few minutes). */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A recording to listen to: nothing is downloaded until the person presses play (preload="none": data costs
 * money), and its length is written beside it so they know what it will cost in time and data.
 */
export function AudioPlayer({ src, durationMs, label, id }: { src: string; durationMs: number; label: string; id?: string }) {
  return (
    <figure className="my-2" id={id}>
      <figcaption className="mb-1 text-sm font-semibold">
        {label} <span className="font-normal text-stone-700">({formatDuration(durationMs)})</span>
      </figcaption>
      <audio controls preload="none" src={src} className="w-full max-w-sm">
        <a href={src}>{label}</a>
      </audio>
    </figure>
  );
}
