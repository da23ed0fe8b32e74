import { getFormatter, getTranslations } from 'next-intl/server';
import { reviewTranslationAction } from '@/app/actions/translations';
import type { Locale } from '@/lib/i18n/config';
import type { ProposalView } from '@/lib/translations/load';
import { PostForm } from '@/components/forms/post-form';

/**
 * A proposal waiting for review: its text (in its language), where it came from — a machine draft says so
 * and is marked "à relire" —, who approved it so far, and the Approve / Refuse buttons (plain forms) for a
 * reviewer who may.
 */
export async function ProposalCard({ p, lang, locale, back, anchor }: { p: ProposalView; lang: string; locale: Locale; back: string; anchor: string }) {
  const t = await getTranslations('Translations');
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), 'short');
  return (
    <li id={`proposal-${p.id}`} className="rounded border border-stone-300 bg-white p-3">
      <p lang={lang} className="mb-2 text-lg whitespace-pre-wrap">
        {p.text}
      </p>
      <p className="text-sm">
        {p.origin === 'machine' ? (
          <span className="mr-2 rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">{t('toReview')}</span>
        ) : null}
        {p.proposerName ? t('proposedBy', { name: p.proposerName, date: when(p.proposedAt) }) : t('proposedByNobody', { date: when(p.proposedAt) })}
      </p>
      <p className="text-sm text-stone-700">{t('provenance', { provenance: p.provenance })}</p>
      {p.sourceChanged ? <p className="text-sm font-semibold text-amber-900">{t('sourceChanged', { source: p.source })}</p> : null}
      <p className="text-sm" id={`approvals-${p.id}`}>
        {t('approvals', { count: p.approvals.length, needed: p.needed })}
        {p.approvals.length ? ` — ${p.approvals.map((a) => a.name).join(', ')}` : ''}
      </p>
      {p.canReview ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <PostForm action={reviewTranslationAction} id={`approve-${p.id}`}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="proposalId" value={p.id} />
            <input type="hidden" name="verdict" value="approve" />
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="anchor" value={anchor} />
            <button type="submit" className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white hover:bg-teal-900">
              {t('approve')}
            </button>
          </PostForm>
          <PostForm action={reviewTranslationAction} id={`reject-${p.id}`}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="proposalId" value={p.id} />
            <input type="hidden" name="verdict" value="reject" />
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="anchor" value={anchor} />
            <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
              {t('reject')}
            </button>
          </PostForm>
        </div>
      ) : (
        <p className="mt-1 text-sm text-stone-700">{p.reviewedByMe ? t('youReviewed') : t('notYours')}</p>
      )}
    </li>
  );
}
