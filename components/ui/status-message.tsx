import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';

/** The list page a missing page belongs to (/topics/9 → the topics), for a way back that fits. */
const SECTIONS = ['topics', 'projects', 'meetings', 'spaces'] as const;

/**
 * What a person sees instead of a page that does not exist (404) or that is not for them (403): what
 * happened, why, and where to go from here. One component for every way these pages are reached: the
 * not-found and forbidden boundaries (with JavaScript) and the status pages scripts/server.mjs serves
 * (app/[locale]/status, without it). Rendered on the server.
 */
export async function StatusMessage({ code, locale, path, signedIn }: { code: 403 | 404; locale: Locale; path?: string; signedIn: boolean }) {
  const t = await getTranslations(code === 404 ? 'NotFound' : 'Forbidden');
  const ts = await getTranslations('StatusPage');
  const section = SECTIONS.find((s) => path?.startsWith(`/${s}/`));
  const links: [string, string][] = [];
  if (code === 403 && !signedIn) links.push([localePath(locale, '/login'), ts('signIn')]);
  if (section) links.push([localePath(locale, `/${section}`), ts(section)]);
  if (code === 404) links.push([localePath(locale, '/search'), ts('search')]);
  links.push([localePath(locale, '/'), t('home')]);
  return (
    <div className="max-w-xl" id={code === 404 ? 'not-found' : 'forbidden'}>
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-2">{t('body')}</p>
      {code === 403 ? <p className="mb-2">{signedIn ? t('whatToDoSignedIn') : t('whatToDoSignedOut')}</p> : null}
      <nav aria-label={ts('wayBack')}>
        <ul className="mt-4 space-y-3">
          {links.map(([href, label]) => (
            <li key={href}>
              <a href={href} className="font-semibold">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
