import type { OutboxSpec } from './outbox';

export type { OutboxItem, OutboxKind, OutboxSpec } from './outbox';

/**
 * The outbox for the page's components, loaded only when it is used (an offline post, a signed-in person's
 * list): lib/offline/outbox.ts and its IndexedDB library stay out of every page's first download, which
 * must fit in 150 KB (issue 17 §2). Same functions, same module instance once loaded.
 */
const load = () => import('./outbox');

export function outboxSupported(): boolean {
  return typeof indexedDB !== 'undefined';
}

export const itemsOf = async (userId: number) => (await load()).itemsOf(userId);
export const removeItem = async (key: string) => (await load()).removeItem(key);
export const clearOutbox = async () => (await load()).clearOutbox();
export const flushOutbox = async (userId: number) => (await load()).flushOutbox(userId);

/** Keeps a form's fields (all but the key field) under its idempotency key. */
export async function putForm(spec: OutboxSpec, key: string, data: FormData, keyField: string, options: { heldMs?: number } = {}): Promise<void> {
  const outbox = await load();
  return outbox.putItem(spec, key, outbox.formFields(data, keyField), options);
}

/** Calls `listener` whenever the outbox changes (once it is loaded); returns the way to stop. */
export function onOutboxChange(listener: () => void): () => void {
  let off: (() => void) | null = null;
  let stopped = false;
  void load().then((outbox) => {
    if (!stopped) off = outbox.onOutboxChange(listener);
  });
  return () => {
    stopped = true;
    off?.();
  };
}
