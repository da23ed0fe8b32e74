import { z } from 'zod';

/**
 * The site's public address: an origin only (scheme, host, port), http or https. Absolute links (feeds,
 * share boxes, printed slips, canonical and language links) are built from it, never from the Host or
 * X-Forwarded-* headers, which any client can forge.
 */
const publicUrlSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return undefined;
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://baro.example.ml' });
      return z.NEVER;
    }
    if (!['http:', 'https:'].includes(u.protocol) || u.username || u.password || u.search || u.hash || u.pathname !== '/') {
      ctx.addIssue({ code: 'custom', message: 'must be http(s)://host[:port] with no path, query or credentials' });
      return z.NEVER;
    }
    return u.origin;
  });

/** DEMO=false (or 0, no): a new database gets no demo data. Anything else, or unset: the demo. */
export function demoWanted(value: string | undefined): boolean {
  return !/^(false|0|no)$/i.test((value ?? '').trim());
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters (npm start generates one in data/)'),
  /** "true" | "false": Secure cookies. Default: on in production. Turn off only for plain-http LAN use. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** Session lifetime in days (ordinary devices). */
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /**
   * Minutes without a request after which a session on a shared computer ends (checked on the server).
   * Fractions are allowed (the browser suite uses 0.5 to test the expiry in seconds).
   */
  SHARED_IDLE_MINUTES: z.coerce.number().min(0.25).max(240).default(10),
  /**
   * Required in production. `npm start`, `npm run dev` and the test scripts set http://localhost:PORT
   * when it is unset (scripts/env.mjs); elsewhere outside production it defaults to that too.
   */
  PUBLIC_URL: publicUrlSchema.optional(),
  /** "false": a new database gets the geography only, no demo accounts or content (scripts/setup.ts). */
  DEMO: z.string().optional().transform(demoWanted),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
}).transform((e, ctx) => {
  if (e.PUBLIC_URL) return { ...e, PUBLIC_URL: e.PUBLIC_URL };
  if (e.NODE_ENV === 'production') {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required in production: the public address, e.g. https://baro.kayes.ml' });
    return z.NEVER;
  }
  return { ...e, PUBLIC_URL: `http://localhost:${e.PORT}` };
});

export type Env = z.output<typeof envSchema>;

let cached: Env | undefined;

/** Validated on first use, so a wrong setting fails loudly and early, with its name. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The settings these variables give, or an error naming each wrong one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return r.data;
}

export function secureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : e.NODE_ENV === 'production';
}
