import { DemoBanner } from '@/components/layout/demo-banner';
import { publicContext } from '@/lib/auth/request-context';
import { demoSiteActive } from '@/lib/demo/status';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import './globals.css';

/**
 * Paths that match no route, in both languages. It reads no request data on purpose: Next renders
 * this boundary with every page, and the pages served from the cache (app/cached) must stay static.
 * It is prerendered by the build, demo banner included: `npm start` builds again when demo accounts
 * appear or go (scripts/start.mjs).
 */
export default function GlobalNotFound() {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        {/* React places it in <head>: a page without a title is unnamed for screen readers and tabs. */}
        <title>{`${fr.NotFound.title} · ${en.NotFound.title} · ${fr.Common.appName}`}</title>
        {demoSiteActive(publicContext()) ? (
          <DemoBanner
            texts={[
              { lang: 'fr', label: fr.Demo.label, banner: fr.Demo.banner },
              { lang: 'en', label: en.Demo.label, banner: en.Demo.banner },
            ]}
          />
        ) : null}
        <header className="border-b border-stone-300 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-3">
            <a href="/" className="text-2xl font-extrabold text-teal-900 no-underline">
              {fr.Common.appName}
            </a>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 space-y-8 px-4 py-6">
          <section>
            <h1 className="mb-3 text-2xl font-bold">{fr.NotFound.title}</h1>
            <p className="mb-4">{fr.NotFound.body}</p>
            <a href="/">{fr.NotFound.home}</a>
          </section>
          <section lang="en">
            <h2 className="mb-3 text-2xl font-bold">{en.NotFound.title}</h2>
            <p className="mb-4">{en.NotFound.body}</p>
            <a href="/en">{en.NotFound.home}</a>
          </section>
        </main>
      </body>
    </html>
  );
}
