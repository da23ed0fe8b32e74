import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The outbox (issue 17), in the browser: comments, votes and supports written while the connection is
 * down are kept in IndexedDB, each tagged with the person's user id and with the form's idempotency key,
 * shown as "waiting to be sent" (components/offline/outbox-list.tsx) and sent when the connection comes
 * back (POST /api/outbox, app/api/outbox/route.ts). The key makes sending twice harmless: the server writes
 * once (lib/idempotency). Items of another person are never shown nor sent; the outbox is emptied at
 * sign-out (components/offline/offline-support.tsx, and Clear-Site-Data from proxy.ts).
 *
 * Browser only (IndexedDB); no React here.
 */

export const OUTBOX_DB = 'baro-outbox';
export const OUTBOX_KINDS = ['comment', 'vote', 'support'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** What a form that may wait offline tells the outbox (set by the server when it renders the form). */
export type OutboxSpec = {
  kind: OutboxKind;
  userId: number;
  /** the page the form is on, as the browser shows it (/en/topics/3): where the item is listed */
  path: string;
  /** the form's id, when the page has several of a kind (replies): the item is listed above its own form */
  formId?: string;
  /** the field whose text is shown in the list ("body"), or a fixed label ("Support") */
  summaryField?: string;
  summary?: string;
  /** labels of a choice's values (a vote): "for" → "Pour" */
  choiceLabels?: Record<string, string>;
};

export type OutboxItem = {
  /** the form's idempotency key: the item's id here and on the server */
  key: string;
  userId: number;
  kind: OutboxKind;
  /** the form's fields as sent (never the key, never framework fields) */
  fields: Record<string, string>;
  path: string;
  formId?: string;
  summary: string;
  createdAt: string;
  /** not sent before this time (ms): a copy kept while the form's own post is on its way */
  heldUntil: number;
  state: 'waiting' | 'refused';
  /** the server's refusal, in the person's language */
  error?: string;
};

interface OutboxSchema extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { byUser: number } };
}

let dbPromise: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function db(): Promise<IDBPDatabase<OutboxSchema>> {
  dbPromise ??= openDB<OutboxSchema>(OUTBOX_DB, 1, {
    upgrade(d) {
      d.createObjectStore('items', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
    // Another tab deletes the database (sign-out): let it, and open again next time.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

/** Other parts of the page (the lists) and other tabs hear of every change. */
const EVENT = 'baro-outbox';
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(EVENT);
function changed(): void {
  window.dispatchEvent(new Event(EVENT));
  channel?.postMessage('changed');
}
export function onOutboxChange(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  channel?.addEventListener('message', listener);
  return () => {
    window.removeEventListener(EVENT, listener);
    channel?.removeEventListener('message', listener);
  };
}

export function outboxSupported(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** The fields of a form as the outbox keeps them. */
export function formFields(form: FormData, keyField: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (k === keyField || k.startsWith('$ACTION') || typeof v !== 'string') continue;
    out[k] = v;
  }
  return out;
}

export async function putItem(spec: OutboxSpec, key: string, fields: Record<string, string>, options: { heldMs?: number } = {}): Promise<void> {
  const summary = spec.summaryField ? (fields[spec.summaryField] ?? '') : (spec.summary ?? '');
  const item: OutboxItem = {
    key,
    userId: spec.userId,
    kind: spec.kind,
    fields,
    path: spec.path,
    ...(spec.formId ? { formId: spec.formId } : {}),
    summary: spec.choiceLabels?.[summary] ?? summary,
    createdAt: new Date().toISOString(),
    heldUntil: Date.now() + (options.heldMs ?? 0),
    state: 'waiting',
  };
  await (await db()).put('items', item);
  changed();
}

export async function removeItem(key: string): Promise<void> {
  await (await db()).delete('items', key);
  changed();
}

/** This person's items, oldest first (never another person's). */
export async function itemsOf(userId: number): Promise<OutboxItem[]> {
  const items = await (await db()).getAllFromIndex('items', 'byUser', userId);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Empties the outbox (sign-out, a shared computer): every person's items go. */
export async function clearOutbox(): Promise<void> {
  if (!outboxSupported()) return;
  const open = await dbPromise?.catch(() => null);
  open?.close();
  dbPromise = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(OUTBOX_DB);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  changed();
}

export type SendAnswer = { ok: true; redirect: string } | { ok: false; error: 'refused'; message: string } | { ok: false; error: 'signIn' | 'otherPerson' | 'unavailable' };

/** One item to the server; a network failure says "unavailable" (still offline). */
async function send(item: OutboxItem): Promise<SendAnswer> {
  try {
    const res = await fetch('/api/outbox', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: item.key, userId: item.userId, kind: item.kind, fields: item.fields }),
    });
    if (res.status >= 500) return { ok: false, error: 'unavailable' };
    return (await res.json()) as SendAnswer;
  } catch {
    return { ok: false, error: 'unavailable' };
  }
}

let flushing: Promise<string[]> | null = null;

/**
 * Sends this person's waiting items, oldest first, and stops at the first that cannot be sent now (offline,
 * signed out). Refused ones stay, with the server's words, for the person to read and take back. Returns
 * the pages where something was sent (to show it). One flush at a time per tab; across tabs the server's
 * idempotency keeps it to one write.
 */
export function flushOutbox(userId: number): Promise<string[]> {
  flushing ??= (async () => {
    const sentOn = new Set<string>();
    try {
      for (const item of await itemsOf(userId)) {
        if (item.state !== 'waiting' || item.heldUntil > Date.now()) continue;
        const answer = await send(item);
        if (answer.ok) {
          await removeItem(item.key);
          sentOn.add(item.path);
        } else if (answer.error === 'refused') {
          await (await db()).put('items', { ...item, state: 'refused', error: answer.message });
          changed();
        } else {
          break;
        }
      }
    } finally {
      flushing = null;
    }
    return [...sentOn];
  })();
  return flushing;
}
