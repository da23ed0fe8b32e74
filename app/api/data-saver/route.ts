import { secureCookies } from '@/lib/env';
import { dataSaverChoice } from '@/lib/light/choice';

/**
 * The data-saver toggle of every page's header (a plain form: it works without JavaScript, which data-saver
 * pages do not have). Remembers the choice in a cookie and goes back to the page (303, a relative address:
 * never built from the request's Host). scripts/server.mjs reads the cookie.
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const fields: Record<string, string> = {};
  for (const [k, v] of form?.entries() ?? []) if (typeof v === 'string') fields[k] = v;
  const choice = dataSaverChoice({ mode: fields.mode ?? '', back: fields.back ?? '/' }, secureCookies());
  if (!choice) return new Response('Bad request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(null, { status: 303, headers: { Location: choice.back, 'Set-Cookie': choice.cookie, 'Cache-Control': 'no-store' } });
}
