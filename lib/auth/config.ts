import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authenticate } from '@/lib/accounts/authenticate';
import { env, secureCookies } from '@/lib/env';
import { openDeviceSession } from '@/lib/shared-devices/device-sessions';
import { cookieFromHeader, SHARED_DEVICE_COOKIE } from '@/lib/shared-devices/token';
import type { Failure } from '@/lib/errors';

/** Carries the use case's failure (bad credentials, rate limit) back to the sign-in action. */
export class SignInRejected extends CredentialsSignin {
  constructor(public readonly failure: Failure) {
    super();
    this.code = failure.error;
  }
}

/**
 * The client address for per-address limits: the LAST X-Forwarded-For entry, the one added by the
 * nearest proxy (Next sets it from the socket when no proxy did). Earlier entries are whatever the
 * client sent. Without a reverse proxy a forged header can dodge per-address limits; the strict
 * per-account limits do not depend on it.
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || headers.get('x-real-ip') || 'local';
}

export const { auth, signIn, signOut, handlers } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE_DAYS * 24 * 60 * 60 },
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
        const result = await authenticate(
          getDb(),
          { identifier: credentials.identifier, password: credentials.password },
          { ip: clientIp(request.headers) },
        );
        if (!result.ok) throw new SignInRejected(result);
        // On a browser marked as a shared computer, the session is one of that computer's: it ends
        // after SHARED_IDLE_MINUTES without a request (checked in loadActor on every request).
        const dsid = openDeviceSession(getDb(), {
          userId: result.value.userId,
          token: cookieFromHeader(request.headers.get('cookie'), SHARED_DEVICE_COOKIE),
        });
        return { id: String(result.value.userId), sv: result.value.sessionVersion, dsid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv ?? 0;
        const dsid = (user as { dsid?: string | null }).dsid;
        if (dsid) token.dsid = dsid;
        // Nothing personal in the cookie.
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: String(token.uid ?? '') };
      session.sessionVersion = typeof token.sv === 'number' ? token.sv : -1;
      session.deviceSessionId = typeof token.dsid === 'string' ? token.dsid : null;
      return session;
    },
  },
}));
