import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { ViewContext } from '@/lib/view-context';
import { getActor } from './session';

/**
 * The request's context for view loaders and use cases, once per request (React cache): pages and
 * server actions call this and pass it to `lib/<feature>/` functions; they never import `db/`.
 */
export const requestContext = cache(async (): Promise<ViewContext> => ({ db: getDb(), actor: await getActor(), now: new Date() }));

/**
 * The context of a page rendered once for every anonymous reader and served from Next's cache (app/cached/…):
 * nobody is signed in, and nothing of the request (cookies, headers) is read.
 */
export function publicContext(): ViewContext {
  return { db: getDb(), actor: null, now: new Date() };
}
