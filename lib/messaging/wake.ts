/**
 * "A message was queued": lets the worker of this process send it at once instead of at its next
 * round. Kept on globalThis because Next may load this module twice in one process (the
 * instrumentation bundle and the app's), and both must reach the same worker. Only a hint: a
 * message queued in a transaction that then rolled back is simply not found.
 */
type Waker = { listeners: Set<() => void> };
const KEY = Symbol.for('baro.messaging.wake');
const g = globalThis as unknown as Record<symbol, Waker | undefined>;

function waker(): Waker {
  return (g[KEY] ??= { listeners: new Set() });
}

export function onMessageQueued(listener: () => void): () => void {
  waker().listeners.add(listener);
  return () => waker().listeners.delete(listener);
}

/** Called after the queuing transaction (setImmediate runs once the synchronous transaction is over). */
export function messageQueued(): void {
  setImmediate(() => {
    for (const l of waker().listeners) l();
  });
}
