/**
 * "This is a demo site: the demo accounts are public", at the top of every page while any demo account
 * exists (the page asks lib/demo/status.ts: headerView's `demo`, or demoSiteActive). Words passed in, so
 * the pages without next-intl (the global 404) use it too.
 */
export function DemoBanner({ texts }: { texts: { lang?: string; label: string; banner: string }[] }) {
  return (
    <section id="demo-banner" aria-label={texts[0]!.label} className="border-b-2 border-amber-800 bg-amber-100 px-4 py-2 text-center font-semibold text-stone-950">
      {texts.map((t) => (
        <p key={t.lang ?? 'page'} lang={t.lang}>
          {t.banner}
        </p>
      ))}
    </section>
  );
}
