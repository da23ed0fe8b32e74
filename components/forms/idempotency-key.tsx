'use client';

import { useState } from 'react';
import { IDEMPOTENCY_FIELD, newIdempotencyKey } from '@/lib/idempotency/key';

/**
 * The hidden idempotency key of a form (lib/idempotency, app/actions/helpers.ts `keyed`): posting the form
 * twice with it writes once. Random for each rendering: the server renders one into the HTML (what a
 * browser without JavaScript sends, also when Back or a retry sends the page's form again); with
 * JavaScript the browser picks its own when React takes the page over (hence suppressHydrationWarning),
 * and a new one after every answer of the server (`round` changes), so the next, deliberate post is new.
 */
export function IdempotencyKey({ round }: { round?: unknown }) {
  const [kept, setKept] = useState(() => ({ key: newIdempotencyKey(), round }));
  if (kept.round !== round) {
    // A new answer came back: the next post is another one (React re-renders at once with the new key).
    setKept({ key: newIdempotencyKey(), round });
  }
  return <input type="hidden" name={IDEMPOTENCY_FIELD} value={kept.key} suppressHydrationWarning />;
}
