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
