'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isReadablePage, PAGES_CACHE } from '@/lib/offline/pages';
import { clearOutbox, flushOutbox, itemsOf, onOutboxChange, outboxSupported, type OutboxItem } from '@/lib/offline/outbox-client';
import { OfflineContext, type OutboxTexts } from './offline-context';

/** Whose pages and outbox this browser holds (cleared when that changes); never set on a shared computer. */
const HOLDER_KEY = 'baro.offline.user';

/**
 * The page's part of reading and writing offline (issue 17), in the layout of every page:
 * - registers the service worker (sw/sw.ts), except on a shared computer of a connected space, where it
 *   removes any worker, cached page and outbox instead;
 * - when the person changes (sign-out, another person signs in), drops the pages kept and the outbox:
 *   nothing of one person is left for the next (proxy.ts also sends Clear-Site-Data at sign-out);
 * - sends the outbox when the page opens, when the connection comes back, and every 30 s while items wait,
 *   and refreshes the page when something written on it was sent;
 * - says at the bottom of the screen when items wait or were refused elsewhere.
 */
export function OfflineSupport({ userId, shared, texts, children }: { userId: number | null; shared: boolean; texts: OutboxTexts; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const firstPath = useRef(true);
  const writer = shared ? null : userId;

  useEffect(() => {
    if (shared) {
      void forgetEverything();
      return;
    }
    void holdFor(userId).then(registerWorker);
  }, [userId, shared]);

  useEffect(() => {
    if (writer === null || !outboxSupported()) return;
    const flush = () =>
      void flushOutbox(writer).then((pages) => {
        if (pages.some((p) => p === window.location.pathname)) router.refresh();
      });
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, 30_000);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [writer, pathname, router]);

  // A page reached by a client-side navigation (after a form's redirect) was not seen by the worker: ask it to keep it.
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    keepPage(pathname);
  }, [pathname]);

  return (
    <OfflineContext.Provider value={{ userId: writer, texts }}>
      {children}
      {writer !== null ? <OutboxStatus userId={writer} texts={texts} /> : null}
    </OfflineContext.Provider>
  );
}

/** Elsewhere than their own page: how many items wait or were refused, with a link to the first refused. */
function OutboxStatus({ userId, texts }: { userId: number; texts: OutboxTexts }) {
  const pathname = usePathname();
  const [seen, setSeen] = useState<{ items: OutboxItem[]; at: number }>({ items: [], at: 0 });
  useEffect(() => {
    if (!outboxSupported()) return;
    const load = () => void itemsOf(userId).then((items) => setSeen({ items, at: Date.now() }), () => setSeen({ items: [], at: 0 }));
    load();
    const timer = window.setInterval(load, 10_000);
    const off = onOutboxChange(load);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [userId]);
  const elsewhere = seen.items.filter((i) => i.path !== pathname && (i.state === 'refused' || i.heldUntil <= seen.at));
  if (elsewhere.length === 0) return null;
  const waiting = elsewhere.filter((i) => i.state === 'waiting').length;
  const refused = elsewhere.filter((i) => i.state === 'refused');
  return (
    <p id="outbox-status" role="status" className="mt-6 rounded border border-amber-700 bg-amber-50 p-3 text-sm">
      {waiting > 0 ? <span className="mr-3">{texts.pendingCount.replace('{count}', String(waiting))}</span> : null}
      {refused.length > 0 ? (
        <span>
          {texts.refusedCount.replace('{count}', String(refused.length))} <a href={refused[0]!.path}>{texts.see}</a>
        </span>
      ) : null}
    </p>
  );
}

/** The holder changed (sign-out, another person): the pages kept and the outbox are theirs, and go. */
async function holdFor(userId: number | null): Promise<void> {
  try {
    const was = localStorage.getItem(HOLDER_KEY);
    const now = userId === null ? null : String(userId);
    if (was !== null && was !== now) {
      await Promise.all([typeof caches === 'undefined' ? null : caches.delete(PAGES_CACHE), clearOutbox()]);
    }
    if (now === null) localStorage.removeItem(HOLDER_KEY);
    else localStorage.setItem(HOLDER_KEY, now);
  } catch {
    // storage refused (private mode): nothing was kept either
  }
}

async function forgetEverything(): Promise<void> {
  try {
    localStorage.removeItem(HOLDER_KEY);
    if ('serviceWorker' in navigator) for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    if (typeof caches !== 'undefined') for (const name of await caches.keys()) await caches.delete(name);
    await clearOutbox();
  } catch {
    // best effort: the sign-out's Clear-Site-Data removes it all too
  }
}

function registerWorker(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  const controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => {
      // The page shown before the worker took over: keep it too, once the worker is ready.
      if (!controlled) keepPage(window.location.pathname);
    })
    .catch(() => undefined);
}

function keepPage(pathname: string): void {
  if (!('serviceWorker' in navigator) || !isReadablePage(pathname)) return;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: 'baro:keep-page', url: pathname }));
}
