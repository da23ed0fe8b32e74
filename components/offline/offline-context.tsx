'use client';

import { createContext, useContext } from 'react';

/** The outbox's words, translated on the server (no message file is sent to the browser). */
export type OutboxTexts = {
  waiting: string;
  refused: string;
  cancel: string;
  discard: string;
  restore: string;
  /** "Envois en attente : {count}" */
  pendingCount: string;
  /** "Envois refusés : {count}" */
  refusedCount: string;
  see: string;
  kinds: { comment: string; vote: string; support: string };
};

/**
 * Who writes on this page, for the outbox (set by OfflineSupport in the layout): null when nobody is signed
 * in, on a shared computer, and on pages rendered for everybody (app/cached): no outbox there.
 */
export const OfflineContext = createContext<{ userId: number | null; texts: OutboxTexts | null }>({ userId: null, texts: null });
export const useOffline = () => useContext(OfflineContext);
