import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { addTermAction, removeTermAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { requireModerator } from '@/components/moderation/guard';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { listTerms } from '@/db/queries/moderation';
import { TERM_LANGUAGES } from '@/db/schema';
import { localePath, type Locale } from '@/lib/i18n/config';
import { termsAwaitingReview } from '@/lib/moderation/wordlists';
import { can, isAdmin, moderationScope } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('termsTitle'), robots: { index: false } };
}

export default async function TermsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireModerator(locale);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const db = getDb();
  // Terms of the region and of the communes this moderator moderates; added and removed in that scope.
  const terms = listTerms(db, moderationScope(actor));
  const scopes = [
    ...(can(actor, 'moderation.manageTerm', { communeId: null }) ? [{ value: '', label: t('termRegion') }] : []),
    ...listCommunes(db)
      .filter((c) => can(actor, 'moderation.manageTerm', { communeId: c.id }))
      .map((c) => ({ value: String(c.id), label: c.name })),
  ];
  const here = localePath(locale, '/moderation/terms');
  const error = sp.error === 'forbidden' ? te('forbidden') : sp.error ? te('notFound') : null;
  const toReview = termsAwaitingReview();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('termsTitle')}</h1>
      <ModerationNav locale={locale} isAdmin={isAdmin(actor)} />
      {sp.added ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('termAdded')}</p> : null}
      {sp.removed ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('termRemoved')}</p> : null}
      {error ? <p id="terms-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3">{error}</p> : null}
      <p>{t('termsIntro')}</p>
      <p className="text-sm">{t('termsRules')}</p>
      <ActionForm action={addTermAction} id="term-form">
        <Hidden name="locale" value={locale} />
        <Hidden name="next" value={here} />
        <TextField name="term" label={t('term')} required requiredMark={tc('required')} maxLength={80} />
        <SelectField name="language" label={t('language')} defaultValue="bm" options={TERM_LANGUAGES.map((l) => ({ value: l, label: tl(l) }))} />
        <SelectField name="communeId" label={t('termScope')} defaultValue={scopes[0]?.value} options={scopes} />
        <SubmitButton pendingLabel={tc('saving')}>{t('addTerm')}</SubmitButton>
      </ActionForm>
      {terms.length === 0 ? <p>{t('termsEmpty')}</p> : null}
      <ul id="terms-list" className="space-y-2">
        {terms.map((term) => (
          <li key={term.id} className="flex flex-wrap items-center gap-3">
            <span>
              {term.term} <span className="text-sm text-stone-700">({tl(term.language)} · {term.commune ?? t('termRegion')})</span>
            </span>
            {can(actor, 'moderation.manageTerm', { communeId: term.communeId }) ? (
              <form action={removeTermAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="termId" value={term.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 text-sm font-semibold text-red-900">
                  {t('removeTerm')}
                  <span className="sr-only"> {term.term}</span>
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {toReview.length ? (
        <section aria-labelledby="terms-to-review" className="space-y-2">
          <h2 id="terms-to-review" className="text-lg font-semibold">{t('termsToReviewTitle')}</h2>
          <p>{t('termsToReviewIntro')}</p>
          <ul className="list-disc pl-6">
            {toReview.map((term) => (
              <li key={`${term.language}:${term.term}`}>
                <span lang={term.language}>{term.term}</span>{' '}
                <span className="text-sm text-stone-700">
                  ({tl(term.language)}, {t(`termCategory_${term.category}`)})
                </span>{' '}
                <strong className="rounded bg-amber-100 px-1 text-sm font-semibold text-amber-900">{t('toReview')}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
