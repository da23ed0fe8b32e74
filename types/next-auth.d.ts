import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** the random id of the server-side session row (lib/accounts/sessions.ts); only its hash is stored */
    sessionId: string | null;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    /** server-side session id */
    sid?: string;
  }
}
