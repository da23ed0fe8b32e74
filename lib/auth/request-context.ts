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
 * The context of what is rendered once for everyone (the anonymous topic page of app/cached/, open data):
 * read as an anonymous visitor, without reading the request's cookies, so that Next can cache the result.
 */
export function publicContext(): ViewContext {
  return { db: getDb(), actor: null, now: new Date() };
}
