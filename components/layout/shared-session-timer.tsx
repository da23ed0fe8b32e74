'use client';

import { useEffect, useState } from 'react';

/**
 * On a shared computer, with JavaScript: warns a minute before the session ends for lack of
 * activity, offers to keep it, and when it ends leaves the page for the sign-in page so the screen
 * no longer shows the person's pages. The server enforces the limit either way. Rendered with a
 * `key` that changes with each server answer, so each page starts the count afresh.
 */
export function SharedSessionTimer({
  remainingMs,
  warnMs,
  endedHref,
  message,
  keepLabel,
}: {
  remainingMs: number;
  warnMs: number;
  endedHref: string;
  message: string;
  keepLabel: string;
}) {
  const [deadline, setDeadline] = useState(() => Date.now() + remainingMs);
  const [warning, setWarning] = useState(false);

  useEffect(() => {
    const left = deadline - Date.now();
    const warn = setTimeout(() => setWarning(true), Math.max(0, left - warnMs));
    const end = setTimeout(() => window.location.replace(endedHref), Math.max(0, left));
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [deadline, warnMs, endedHref]);

  async function keepAlive() {
    const res = await fetch('/api/shared-session', { method: 'POST', cache: 'no-store', credentials: 'same-origin' }).catch(() => null);
    const body = res?.ok ? ((await res.json()) as { remainingSeconds: number | null }) : null;
    if (!body || body.remainingSeconds === null) return window.location.replace(endedHref);
    setDeadline(Date.now() + body.remainingSeconds * 1000);
    setWarning(false);
  }

  if (!warning) return null;
  return (
    <div id="shared-session-warning" role="alert" className="fixed inset-x-0 bottom-0 z-50 border-t-4 border-amber-700 bg-amber-50 p-4 text-stone-950">
      <p className="mb-2 font-semibold">{message}</p>
      <button type="button" onClick={keepAlive} className="min-h-11 rounded bg-stone-900 px-4 font-semibold text-white">
        {keepLabel}
      </button>
    </div>
  );
}
