import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    sessionVersion: number;
    /** a session opened on a shared computer (lib/shared-devices) */
    deviceSessionId: string | null;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    sv?: number;
    /** device session id, on a shared computer */
    dsid?: string;
  }
}
