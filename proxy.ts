import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// Language routing only. Never an access check: those live in lib/permissions, called by every action and page.
export default createMiddleware(routing);

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
