'use client';

import { useEffect, useState } from 'react';
import { itemsOf, onOutboxChange, outboxSupported, removeItem, type OutboxItem, type OutboxKind } from '@/lib/offline/outbox-client';
import { useOffline } from './offline-context';

/**
 * What this person wrote on this page and is not sent yet (lib/offline/outbox.ts), above its form:
 * "waiting to be sent", or refused by the server with its reason and the text kept (to take back into the
 * form, or to erase). Renders nothing without JavaScript, when nobody is signed in, and when empty.
 */
export function OutboxList({ kind, path, formId, textField }: { kind: OutboxKind; path: string; formId?: string; textField?: string }) {
  const { userId, texts } = useOffline();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [now, setNow] = useState(0);

  useEffect(() => {
    if (userId === null || !outboxSupported()) return;
    const load = () =>
      void itemsOf(userId).then(
        (all) => {
          setNow(Date.now());
          setItems(all.filter((i) => i.kind === kind && i.path === path && (!formId || i.formId === formId)));
        },
        () => setItems([]),
      );
    load();
    const off = onOutboxChange(load);
    // A copy held while the form's own post is on its way shows once its time is up.
    const timer = window.setInterval(() => setNow(Date.now()), 5_000);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [userId, kind, path, formId]);

  const shown = items.filter((i) => i.state === 'refused' || i.heldUntil <= now);
  if (!texts || shown.length === 0) return null;

  const restore = (item: OutboxItem) => {
    const form = formId ? document.getElementById(formId) : null;
    const field = form instanceof HTMLFormElement && textField ? form.elements.namedItem(textField) : null;
    if (field instanceof HTMLTextAreaElement) {
      field.value = item.fields[textField!] ?? '';
      field.focus();
    }
    void removeItem(item.key);
  };

  return (
    <ul id={`outbox-${kind}`} aria-label={texts.kinds[kind]} className="mb-3 space-y-2">
      {shown.map((item) => (
        <li key={item.key} className={`rounded border p-2 text-sm ${item.state === 'refused' ? 'border-red-800 bg-red-50' : 'border-amber-700 bg-amber-50'}`} data-state={item.state}>
          <p className="font-semibold">
            {texts.kinds[item.kind]} · {item.state === 'refused' ? texts.refused : texts.waiting}
          </p>
          {item.state === 'refused' && item.error ? <p className="text-red-900">{item.error}</p> : null}
          {item.summary ? <p className="mt-1 whitespace-pre-wrap break-words">« {item.summary} »</p> : null}
          <p className="mt-1 flex flex-wrap gap-2">
            {item.state === 'refused' && textField && formId ? (
              <button type="button" className="min-h-11 rounded border-2 border-stone-700 px-3 font-semibold" onClick={() => restore(item)}>
                {texts.restore}
              </button>
            ) : null}
            <button type="button" className="min-h-11 rounded border-2 border-stone-700 px-3" onClick={() => void removeItem(item.key)}>
              {item.state === 'refused' ? texts.discard : texts.cancel}
            </button>
          </p>
        </li>
      ))}
    </ul>
  );
}
