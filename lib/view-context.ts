import type { Db } from '@/db/client';
import type { LoadedActor } from '@/lib/accounts/load-actor';

/**
 * What every view loader and use case is given: the database, the person acting (null when nobody is
 * signed in) and the time of the request. Pages and server actions get it from `requestContext()`
 * (lib/auth/request-context.ts) and never touch `db/` themselves; tests build one around a test database.
 */
export type ViewContext = { db: Db; actor: LoadedActor | null; now: Date };

/**
 * A view loader's answer when the page is not for this reader: sign in first (the page redirects to
 * /login), or "access refused" (the page renders <Forbidden />). A loader returns null for "not found".
 */
export type Refusal = { refused: 'signIn' | 'forbidden' };
/** What a view loader returns when the reader may not see the page at all: the page says "access refused". */
export type Forbidden = { forbidden: true };
export const FORBIDDEN: Forbidden = { forbidden: true };
