'use client';

import { useRef, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * 1× / 1.5× for the player just before it (moderators go through a queue of recordings). Rendered only
 * when JavaScript runs: without it the browser's own player is all there is, which is fine.
 */
export function PlaybackRate({ label, normal, faster }: { label: string; normal: string; faster: string }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [rate, setRate] = useState(1);
  const group = useRef<HTMLDivElement>(null);
  if (!hydrated) return null;
  const choose = (r: number) => {
    const audio = group.current?.parentElement?.querySelector('audio');
    if (audio) {
      audio.playbackRate = r;
      // Keep the rate when the browser loads the file on first play.
      audio.defaultPlaybackRate = r;
    }
    setRate(r);
  };
  const button = (r: number, text: string) => (
    <button
      type="button"
      aria-pressed={rate === r}
      onClick={() => choose(r)}
      className={`min-h-11 min-w-11 rounded border-2 border-teal-800 px-3 font-semibold ${rate === r ? 'bg-teal-800 text-white' : 'text-teal-900'}`}
    >
      {text}
    </button>
  );
  return (
    <div ref={group} role="group" aria-label={label} className="mt-1 flex gap-2" data-playback-rate>
      {button(1, normal)}
      {button(1.5, faster)}
    </div>
  );
}
