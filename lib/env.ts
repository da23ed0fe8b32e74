import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters (npm start generates one in data/)'),
  /** "true" | "false": Secure cookies. Default: on in production. Turn off only for plain-http LAN use. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** A session ends this many days after sign-in, whatever happens (absolute lifetime). */
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** A session on a personal device ends after this many days without a request (idle lifetime). */
  SESSION_IDLE_DAYS: z.coerce.number().min(0.01).max(90).default(7),
  /**
   * How many reverse proxies in front of Baro add themselves to X-Forwarded-For (0: none, Baro faces
   * the internet and uses the connection's address; 1: one Caddy or nginx). See docs/operations.md.
   */
  TRUST_PROXY: z.coerce.number().int('TRUST_PROXY is a whole number of proxies (0, 1, 2…)').min(0).max(10).default(0),
  /**
   * Minutes without a request after which a session on a shared computer ends (checked on the server).
   * Fractions are allowed (the browser suite uses 0.5 to test the expiry in seconds).
   */
  SHARED_IDLE_MINUTES: z.coerce.number().min(0.25).max(240).default(10),
  /** Where recordings are stored (lib/media). Default: data/media beside the database's default folder. */
  MEDIA_DIR: z.string().min(1).optional(),
  /** The ffmpeg program that transcodes recordings; voice is off when it is missing. Default: ffmpeg on the PATH (Debian's /usr/bin/ffmpeg). */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated on first use, so a wrong setting fails loudly and early, with its name. */
export function env(): Env {
  if (cached) return cached;
  const r = envSchema.safeParse(process.env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = r.data;
  return cached;
}

export function secureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : e.NODE_ENV === 'production';
}

/** The session rules of lib/accounts/sessions.ts, from the environment. */
export function sessionRules() {
  const e = env();
  return {
    idleMs: e.SESSION_IDLE_DAYS * 24 * 60 * 60_000,
    maxAgeMs: e.SESSION_MAX_AGE_DAYS * 24 * 60 * 60_000,
    sharedIdleMs: e.SHARED_IDLE_MINUTES * 60_000,
  };
}
