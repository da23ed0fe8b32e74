import { getFormatter, getTranslations } from 'next-intl/server';
import { supportProjectAction, withdrawProjectAction } from '@/app/actions/projects';
import { DemographicTable } from '@/components/topics/tally-table';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { ProjectSupportsView } from '@/lib/projects/project-page';
import { ProjectHiddenFields } from './project-hidden-fields';
import { SupportBar } from './support-bar';
import { PostForm } from '@/components/forms/post-form';

/** Supports toward the threshold, the support button, the authors' withdrawal, and the officials' split of supporters. */
export async function ProjectSupports({ projectId, supports: s, locale }: { projectId: number; supports: ProjectSupportsView; locale: Locale }) {
  const t = await getTranslations('Project');
  const tt = await getTranslations('Topic');
  const tg = await getTranslations('Genders');
  const tv = await getTranslations('Verify');
  const format = await getFormatter();
  const column = [{ key: 'support', label: t('supportsColumn') }];
  return (
    <section aria-labelledby="supports-title" id="supports">
      <h2 id="supports-title" className="mb-2 text-xl font-bold">{t('supports')}</h2>
      <SupportBar id="support-bar" count={s.supportCount} threshold={s.threshold} />
      {s.status === 'collecting' && s.collectionEndsAt ? (
        <p className="mt-1 text-sm">{t('collectingUntil', { date: format.dateTime(new Date(s.collectionEndsAt), 'long') })}</p>
      ) : null}
      {s.status === 'expired' ? <p className="mt-1 text-sm font-semibold">{t('expiredNote')}</p> : null}
      {s.supported ? <p className="mt-2 font-semibold">{t('youSupport')}</p> : null}
      {s.mayToggle ? (
        <PostForm
          action={supportProjectAction}
          id="support-form"
          className="mt-2"
          outbox={{ kind: 'support', path: localePath(locale, `/projects/${projectId}`), summary: s.supported ? t('unsupport') : t('support') }}
        >
          <ProjectHiddenFields locale={locale} projectId={projectId} />
          <input type="hidden" name="intent" value={s.supported ? 'remove' : 'add'} />
          <button
            type="submit"
            className={s.supported ? 'min-h-11 rounded border-2 border-stone-700 px-4 font-semibold' : 'min-h-11 rounded bg-teal-800 px-5 font-semibold text-white'}
          >
            {s.supported ? t('unsupport') : t('support')}
          </button>
        </PostForm>
      ) : s.signInToSupport ? (
        <p className="mt-2">
          <a href={localePath(locale, '/login')}>{t('signInToSupport')}</a>
        </p>
      ) : s.verifyToSupport ? (
        <p className="mt-2" id="verify-to-support">
          <a href={localePath(locale, '/verify')}>{tv('toSupport')}</a>
        </p>
      ) : null}
      {s.mayWithdraw ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 text-red-900">{t('withdraw')}</summary>
          <PostForm action={withdrawProjectAction} id="withdraw-form">
            <ProjectHiddenFields locale={locale} projectId={projectId} />
            <p className="mb-2 text-sm">{t('withdrawExplained')}</p>
            <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">{t('withdrawConfirm')}</button>
          </PostForm>
        </details>
      ) : null}
      {s.splits ? (
        <div className="mt-4 rounded border border-stone-300 p-3" id="supporters-demographics">
          <h3 className="mb-1 font-bold">{t('demographics')}</h3>
          <p className="mb-2 text-sm">{tt('demographicsNote')}</p>
          <DemographicTable
            id="supporters-by-gender"
            title={tt('byGender')}
            choices={column}
            split={s.splits.byGender}
            groupLabel={(g) => (g === 'unknown' ? tt('genderUnknown') : tg(g as 'woman'))}
            withheld={tt('supportsWithheld')}
          />
          <DemographicTable
            id="supporters-by-age"
            title={tt('byAge')}
            choices={column}
            split={s.splits.byAge}
            groupLabel={(g) => (g === 'unknown' ? tt('ageUnknown') : g)}
            withheld={tt('supportsWithheld')}
          />
        </div>
      ) : null}
    </section>
  );
}
