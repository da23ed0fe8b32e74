'use client';

import { useEffect, useRef, useState } from 'react';
import { useOffline } from '@/components/offline/offline-context';
import { IDEMPOTENCY_FIELD, isIdempotencyKey, newIdempotencyKey } from '@/lib/idempotency/key';
import { outboxSupported, putForm, removeItem, type OutboxSpec } from '@/lib/offline/outbox-client';

/** How long the outbox holds its copy of a form posted online before sending it itself (see below). */
const COPY_HELD_MS = 20_000;

/**
 * The hidden idempotency key of a form (lib/idempotency, app/actions/helpers.ts `keyed`): posting the form
 * twice with it writes once. Random for each rendering: the server renders one into the HTML (what a
 * browser without JavaScript sends, also when Back or a retry sends the page's form again); with
 * JavaScript the browser picks its own when React takes the page over (hence suppressHydrationWarning),
 * and a new one after every answer of the server (`round` changes), so the next, deliberate post is new.
 *
 * `outbox` (comments, votes, supports; signed in, with JavaScript): the form may wait offline
 * (lib/offline/outbox.ts). Offline, the submit goes into the outbox instead of the network. Online, the
 * form posts as usual; with `copyWhileOnline` (a form that shows the server's answer: ActionForm), the
 * outbox keeps a copy under the same key until the answer comes: if the connection drops on the way, the
 * copy is sent later; if the post arrived, sending the copy only gets the same answer (same key).
 */
export function IdempotencyKey({ round, outbox, copyWhileOnline = false }: { round?: unknown; outbox?: Omit<OutboxSpec, 'userId'>; copyWhileOnline?: boolean }) {
  const [kept, setKept] = useState<{ key: string; round: unknown; answered?: string }>(() => ({ key: newIdempotencyKey(), round }));
  const input = useRef<HTMLInputElement>(null);
  const { userId } = useOffline();
  if (kept.round !== round) {
    // The server answered the post made with this key: the next post gets a new one.
    setKept({ key: newIdempotencyKey(), round, answered: kept.key });
  }

  // ...and the outbox's copy of the answered post is no longer needed.
  const withOutbox = !!outbox && userId !== null;
  useEffect(() => {
    if (kept.answered && withOutbox && outboxSupported()) void removeItem(kept.answered).catch(() => undefined);
  }, [kept.answered, withOutbox]);

  const spec = outbox && userId !== null ? JSON.stringify({ ...outbox, userId }) : null;
  useEffect(() => {
    const form = input.current?.form;
    if (!spec || !form || !outboxSupported()) return;
    const outboxSpec = JSON.parse(spec) as OutboxSpec;
    const onSubmit = (e: SubmitEvent) => {
      const data = new FormData(form, e.submitter);
      const key = data.get(IDEMPOTENCY_FIELD);
      if (!isIdempotencyKey(key)) return;
      // A recording (a voice comment) does not wait in the outbox: the form posts as it always did.
      for (const v of data.values()) if (v instanceof File && v.size > 0) return;
      if (navigator.onLine === false) {
        // Before React's own handler (on the document): the post does not start.
        e.preventDefault();
        void putForm(outboxSpec, key, data, IDEMPOTENCY_FIELD).then(() => {
          form.reset();
          setKept((k) => ({ key: newIdempotencyKey(), round: k.round }));
        });
        return;
      }
      if (copyWhileOnline) void putForm(outboxSpec, key, data, IDEMPOTENCY_FIELD, { heldMs: COPY_HELD_MS }).catch(() => undefined);
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, [spec, copyWhileOnline]);

  return <input ref={input} type="hidden" name={IDEMPOTENCY_FIELD} value={kept.key} suppressHydrationWarning />;
}
