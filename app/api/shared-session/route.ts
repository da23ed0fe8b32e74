import { requestContext } from '@/lib/auth/request-context';

/**
 * Keep-alive for a session on a shared computer (the warning's "stay signed in" button). Being a
 * request, it counts as activity; it answers how many seconds are left, or null when the session
 * is already over. Never cached.
 */
export async function POST() {
  const { actor } = await requestContext();
  const remaining = actor?.sharedSession ? Math.max(0, Math.floor(actor.sharedSession.remainingMs / 1000)) : null;
  return Response.json({ remainingSeconds: remaining }, { status: remaining === null ? 401 : 200, headers: { 'Cache-Control': 'no-store' } });
}
