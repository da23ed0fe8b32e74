import { z } from 'zod';
import { DATA_SAVER_COOKIE, DATA_SAVER_MAX_AGE } from './data-saver.mjs';

const choiceSchema = z.strictObject({
  mode: z.enum(['on', 'off']),
  /** the page the toggle was on: a path of this site only */
  back: z
    .string()
    .max(2000)
    .regex(/^\/(?![/\\])[^\s]*$/)
    .catch('/'),
});

/**
 * The data-saver toggle's form (app/api/data-saver/route.ts): the cookie to set and where to go back.
 * Anything else than "on" or "off" is refused; a `back` that is not a path of this site becomes "/".
 */
export function dataSaverChoice(fields: Record<string, string>, secure: boolean): { cookie: string; back: string } | null {
  const parsed = choiceSchema.safeParse({ mode: fields.mode, back: fields.back ?? '/' });
  if (!parsed.success) return null;
  const cookie = `${DATA_SAVER_COOKIE}=${parsed.data.mode}; Path=/; Max-Age=${DATA_SAVER_MAX_AGE}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
  return { cookie, back: parsed.data.back };
}
