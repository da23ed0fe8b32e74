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
  /**
   * Required in production. `npm start`, `npm run dev` and the test scripts set http://localhost:PORT
   * when it is unset (scripts/env.mjs); elsewhere outside production it defaults to that too.
   */
  PUBLIC_URL: publicUrlSchema.optional(),
  /** "false": a new database gets the geography only, no demo accounts or content (scripts/setup.ts). */
  DEMO: z.string().optional().transform(demoWanted),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

/** Messages to phones and mailboxes (lib/messaging; docs/operations.md, "SMS gateway"). */
const messagingSchema = z.object({
  /** SMS: "file" appends them to OUTBOX_PATH (demo, tests); "http" posts them to an SMS gateway. */
  SMS_TRANSPORT: z.enum(['file', 'http']).default('file'),
  /** E-mail: "file" appends them to OUTBOX_PATH; "smtp" sends them through SMTP_URL. */
  EMAIL_TRANSPORT: z.enum(['file', 'smtp']).default('file'),
  /** Where the file transport writes, one JSON object a line (default data/outbox.jsonl in the project). */
  OUTBOX_PATH: z.string().min(1).optional(),
  /** The gateway's send endpoint, e.g. http://192.168.1.20:8080/message (an Android phone on the LAN). */
  SMS_HTTP_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .refine((u) => !new URL(u).username && !new URL(u).password, 'put the credentials in SMS_HTTP_USERNAME and SMS_HTTP_PASSWORD, not in the address')
    .optional(),
  SMS_HTTP_USERNAME: z.string().min(1).optional(),
  SMS_HTTP_PASSWORD: z.string().min(1).optional(),
  /** How long to wait for the gateway's answer before trying again later. */
  SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  /** smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must look like smtp://user:password@host:587 or smtps://user:password@host:465')
    .optional(),
  /** Sender of Baro's e-mails, e.g. "Baro <no-reply@baro.kayes.ml>". */
  EMAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<\s*[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/, 'must be an address, e.g. Baro <no-reply@example.ml>')
    .optional(),
});

const fullSchema = envSchema.extend(messagingSchema.shape).superRefine((e, ctx) => {
  const required = (name: keyof typeof e, when: string) => {
    if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when ${when}` });
  };
  if (e.SMS_TRANSPORT === 'http') {
    for (const name of ['SMS_HTTP_URL', 'SMS_HTTP_USERNAME', 'SMS_HTTP_PASSWORD'] as const) required(name, 'SMS_TRANSPORT=http');
  }
  if (e.EMAIL_TRANSPORT === 'smtp') {
    for (const name of ['SMTP_URL', 'EMAIL_FROM'] as const) required(name, 'EMAIL_TRANSPORT=smtp');
  }
}).transform((e, ctx) => {
  if (e.PUBLIC_URL) return { ...e, PUBLIC_URL: e.PUBLIC_URL };
  if (e.NODE_ENV === 'production') {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required in production: the public address, e.g. https://baro.kayes.ml' });
    return z.NEVER;
  }
  return { ...e, PUBLIC_URL: `http://localhost:${e.PORT}` };
});

export type Env = z.output<typeof fullSchema>;

/** Validates a set of variables; throws one error that names every wrong setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = fullSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return r.data;
}

let cached: Env | undefined;

/** Validated on first use, so a wrong setting fails loudly and early, with its name. */
export function env(): Env {
  cached ??= parseEnv(process.env);
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
