import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { addTermAction, removeTermAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { termsPage, type TermsPage } from '@/lib/moderation/views';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Moderation');
  return { title: t('termsTitle'), robots: { index: false } };
}

export default async function TermsPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  // Terms of the region and of the communes this moderator moderates; added and removed in that scope.
  const view = termsPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const sp = await searchParams;
  const t = await getTranslations('Moderation');
  const tl = await getTranslations('Languages');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const error = sp.error === 'forbidden' ? te('forbidden') : sp.error ? te('notFound') : null;
  const scopes = view.scopes.map((s) => ({ value: s.communeId === null ? '' : String(s.communeId), label: s.name ?? t('termRegion') }));
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t('termsTitle')}</h1>
      <ModerationNav locale={locale} mayConfigure={view.mayConfigure} />
      {sp.added ? <Notice tone="success">{t('termAdded')}</Notice> : null}
      {sp.removed ? <Notice tone="success">{t('termRemoved')}</Notice> : null}
      {error ? (
        <Notice tone="error" id="terms-error">
          {error}
        </Notice>
      ) : null}
      <p>{t('termsIntro')}</p>
      <p className="text-sm">{t('termsRules')}</p>
      <ActionForm action={addTermAction} id="term-form">
        <Hidden name="locale" value={locale} />
        <Hidden name="next" value={localePath(locale, '/moderation/terms')} />
        <TextField name="term" label={t('term')} required requiredMark={tc('required')} maxLength={80} />
        <SelectField name="language" label={t('language')} defaultValue="bm" options={view.languages.map((l) => ({ value: l, label: tl(l) }))} />
        <SelectField name="communeId" label={t('termScope')} defaultValue={scopes[0]?.value} options={scopes} />
        <SubmitButton pendingLabel={tc('saving')}>{t('addTerm')}</SubmitButton>
      </ActionForm>
      {view.terms.length === 0 ? <p>{t('termsEmpty')}</p> : null}
      <ul id="terms-list" className="space-y-2">
        {view.terms.map((term) => (
          <li key={term.id} className="flex flex-wrap items-center gap-3">
            <span>
              {term.term}{' '}
              <span className="text-sm text-stone-700">
                ({tl(term.language)} · {term.commune ?? t('termRegion')})
              </span>
            </span>
            {term.mayRemove ? (
              <PostForm action={removeTermAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="termId" value={term.id} />
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 text-sm font-semibold text-red-900">
                  {t('removeTerm')}
                  <span className="sr-only"> {term.term}</span>
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
      {view.toReview.length ? <TermsToReview toReview={view.toReview} /> : null}
    </div>
  );
}

/** Built-in terms a speaker of the language has still to check. */
async function TermsToReview({ toReview }: { toReview: TermsPage['toReview'] }) {
  const t = await getTranslations('Moderation');
  const tl = await getTranslations('Languages');
  return (
    <section aria-labelledby="terms-to-review" className="space-y-2">
      <h2 id="terms-to-review" className="text-lg font-semibold">
        {t('termsToReviewTitle')}
      </h2>
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
  );
}
