import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authenticate } from '@/lib/accounts/authenticate';
import { env, secureCookies } from '@/lib/env';
import { openSession } from '@/lib/accounts/sessions';
import { cookieFromHeader } from '@/lib/shared-devices/token';
import { clientIp } from './client-ip';
import { cookieNames } from './cookie-names';
import { decodeSessionToken, encodeSessionToken } from './session-token';
import type { Failure } from '@/lib/errors';

/** Carries the use case's failure (bad credentials, rate limit) back to the sign-in action. */
export class SignInRejected extends CredentialsSignin {
  constructor(public readonly failure: Failure) {
    super();
    this.code = failure.error;
  }
}

/** The client address for per-address limits (lib/auth/client-ip.ts; TRUST_PROXY). */
export function requestClientIp(headers: Headers): string {
  return clientIp(headers, env().TRUST_PROXY);
}

export const { auth, signIn, signOut, handlers } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secureCookies(),
  cookies: {
    sessionToken: {
      name: cookieNames(secureCookies()).session,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies() },
    },
  },
  // The server-side session row decides (lib/accounts/sessions.ts); the cookie only outlives it.
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE_DAYS * 24 * 60 * 60 },
  // The cookie's encryption, remembered per process (lib/auth/session-token.ts); the session check stays per request.
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an ordinary event, not a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
    warn() {},
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const ip = requestClientIp(request.headers);
        const result = await authenticate(getDb(), { identifier: credentials.identifier, password: credentials.password }, { ip });
        if (!result.ok) throw new SignInRejected(result);
        // A session row on the server; the cookie carries its random id. On a browser marked as a
        // shared computer, it is one of that computer's: it ends after SHARED_IDLE_MINUTES without a request.
        const session = openSession(getDb(), {
          userId: result.value.userId,
          sessionVersion: result.value.sessionVersion,
          userAgent: request.headers.get('user-agent'),
          ip,
          deviceToken: cookieFromHeader(request.headers.get('cookie'), cookieNames(secureCookies()).sharedDevice),
        });
        return { id: String(result.value.userId), sid: session.id };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sid = (user as { sid?: string }).sid;
        // Nothing personal in the cookie.
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: String(token.uid ?? '') };
      session.sessionId = typeof token.sid === 'string' ? token.sid : null;
      return session;
    },
  },
}));
