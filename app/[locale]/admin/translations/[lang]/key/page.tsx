import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { proposeTranslationAction, revertTranslationAction } from '@/app/actions/translations';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { TranslationText } from '@/components/translations/fields';
import { OutcomeNotice } from '@/components/translations/outcome-notice';
import { ProposalCard } from '@/components/translations/proposal-card';
import { requestContext } from '@/lib/auth/request-context';
import { isTranslatableLocale, languageAutonyms, localePath, type Locale } from '@/lib/i18n/config';
import { loadTranslationKey } from '@/lib/translations/load';
import { PostForm } from '@/components/forms/post-form';

type Props = { params: Promise<{ locale: Locale; lang: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { k } = await searchParams;
  const t = await getTranslations('Translations');
  return { title: typeof k === 'string' ? k.slice(0, 200) : t('title'), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function TranslationKeyPage({ params, searchParams }: Props) {
  const { locale, lang } = await params;
  setRequestLocale(locale);
  if (!isTranslatableLocale(lang)) notFound();
  const ctx = await requestContext();
  if (!ctx.actor) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  const key = one(sp.k).slice(0, 200);
  const view = loadTranslationKey(ctx, lang, key);
  if (view === null) forbidden();
  if (view === 'not_found') notFound();
  const t = await getTranslations('Translations');
  const tn = await getTranslations('TranslationNotes');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), 'short') : '');
  const list = localePath(locale, `/admin/translations/${lang}`);
  const here = `${list}/key?k=${encodeURIComponent(key)}`;

  return (
    <div className="space-y-5">
      <p>
        <a href={`${list}?filter=all&q=${encodeURIComponent(key)}`}>← {t('listTitle', { language: languageAutonyms[lang] })}</a>
      </p>
      <h1 className="font-mono text-xl font-bold break-all">{view.key}</h1>
      <OutcomeNotice done={one(sp.done)} error={one(sp.error)} />
      <dl className="space-y-3 rounded border border-stone-300 bg-white p-3">
        <div>
          <dt className="font-semibold">{t('french')}</dt>
          <dd lang="fr" id="source-text" className="text-lg">{view.source}</dd>
        </div>
        {view.english ? (
          <div>
            <dt className="font-semibold">{t('english')}</dt>
            <dd lang="en">{view.english}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">{t('context')}</dt>
          <dd>
            {tn.has(view.namespace) ? tn(view.namespace) : t('noContext')}
            {view.core ? <span className="block text-sm">{t('corePath')}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t('where')}</dt>
          <dd>
            {view.places.length ? (
              <ul className="list-disc pl-5 font-mono text-sm break-all">
                {view.places.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              t('whereUnknown')
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t('live')}</dt>
          <dd id="live-text">
            {view.live ? <span lang={lang}>{view.live}</span> : <span className="text-stone-700">{t('noneYet')}</span>}
            {view.liveFrom === 'file' ? <span className="text-sm text-stone-700"> ({t('fromFile')})</span> : null}
          </dd>
        </div>
      </dl>
      {view.liveProposalId && view.canRevert ? (
        <PostForm action={revertTranslationAction} id="revert-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="proposalId" value={view.liveProposalId} />
          <input type="hidden" name="back" value={here} />
          <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">{t('revert')}</button>
          <p className="mt-1 text-sm">{t('revertHint')}</p>
        </PostForm>
      ) : null}

      <section aria-labelledby="proposals-title" id="proposals">
        <h2 id="proposals-title" className="mb-2 text-xl font-bold">{t('pendingTitle', { count: view.pending.length })}</h2>
        {view.pending.length ? (
          <ul className="space-y-2">
            {view.pending.map((p) => (
              <ProposalCard key={p.id} p={p} lang={lang} locale={locale} back={here} anchor="proposals" />
            ))}
          </ul>
        ) : (
          <p>{t('noPending')}</p>
        )}
      </section>

      {view.canPropose ? (
        <section aria-labelledby="propose-title" className="max-w-xl">
          <h2 id="propose-title" className="mb-2 text-xl font-bold">{t('proposeTitle', { language: languageAutonyms[lang] })}</h2>
          <ActionForm action={proposeTranslationAction} id="propose-form" fieldPrefix="propose">
            <Hidden name="locale" value={locale} />
            <Hidden name="lang" value={lang} />
            <Hidden name="key" value={view.key} />
            <Hidden name="back" value={here} />
            <TranslationText name="text" label={t('yourTranslation', { language: languageAutonyms[lang] })} hint={t('placeholdersHint')} lang={lang} />
            <SubmitButton pendingLabel={tc('sending')}>{t('propose')}</SubmitButton>
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-xl font-bold">{t('historyTitle')}</h2>
        {view.history.length ? (
          <ol className="space-y-2" id="history">
            {view.history.map((h) => (
              <li key={h.id} className="rounded border border-stone-300 bg-white p-3">
                <p lang={lang}>{h.text}</p>
                <p className="text-sm">
                  {t(`state_${h.state as 'approved' | 'superseded' | 'reverted' | 'rejected'}`)} — {h.deciderName ? t('decidedBy', { name: h.deciderName, date: when(h.decidedAt) }) : when(h.decidedAt)}
                </p>
                <p className="text-sm text-stone-700">
                  {h.proposerName ? t('proposedBy', { name: h.proposerName, date: when(h.proposedAt) }) : t('proposedByNobody', { date: when(h.proposedAt) })} · {t('provenance', { provenance: h.provenance })}
                </p>
                {h.approvals.length ? <p className="text-sm">{t('approvedBy', { names: h.approvals.map((a) => a.name).join(', ') })}</p> : null}
                {h.rejections.map((r) => (
                  <p key={r.at} className="text-sm">{t('rejectedBy', { name: r.name, note: r.note ?? '' })}</p>
                ))}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('noHistory')}</p>
        )}
      </section>
    </div>
  );
}
