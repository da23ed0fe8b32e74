import { getFormatter, getTranslations } from 'next-intl/server';
import { postProgressAction } from '@/app/actions/projects';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { ReportForm } from '@/components/moderation/report-form';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { ProjectProgressView } from '@/lib/projects/project-page';

/** The implementation timeline of an accepted project, and the officials' form to report progress. */
export async function ProjectProgress({ projectId, progress: p, locale }: { projectId: number; progress: ProjectProgressView; locale: Locale }) {
  const t = await getTranslations('Project');
  const thidden = await getTranslations('Hidden');
  const treport = await getTranslations('Report');
  const tcommon = await getTranslations('Common');
  const format = await getFormatter();
  const fmtDay = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const fcfa = (n: number) => t('fcfa', { amount: format.number(n) });
  return (
    <section aria-labelledby="progress-title" id="progress">
      <h2 id="progress-title" className="mb-2 text-xl font-bold">{t('implementation')}</h2>
      <p className="mb-2 font-semibold">{t('progressNow', { percent: p.percent })}</p>
      <div aria-hidden="true" className="mb-3 h-3 w-full overflow-hidden rounded bg-stone-200">
        <div className="h-3 rounded bg-indigo-700" style={{ width: `${p.percent}%` }} />
      </div>
      {p.updates.length === 0 ? <p>{t('noUpdates')}</p> : null}
      <ol className="space-y-3 border-l-4 border-indigo-700 pl-4" id="progress-timeline">
        {p.updates.map((u) => (
          <li key={u.id} id={`update-${u.id}`}>
            <p className="text-sm font-semibold">
              {fmtDay(u.happenedOn)} — {t('percentDone', { percent: u.percent })}
              {u.amountSpent != null ? ` — ${t('spent', { amount: fcfa(u.amountSpent) })}` : ''}
            </p>
            {u.hidden ? (
              <p className="rounded bg-stone-100 p-2 text-sm font-semibold text-stone-800">
                {'byReports' in u.hidden
                  ? thidden('byReports', { reason: treport(u.hidden.byReports as 'spam') })
                  : thidden('byModeration', { reason: u.hidden.byModeration })}
              </p>
            ) : (
              <p className="whitespace-pre-line break-words">{u.body}</p>
            )}
            <p className="text-sm text-stone-700">{t('postedBy', { name: u.author })}</p>
            {u.mayReport ? (
              <ReportForm locale={locale} contentType="update" contentId={u.id} next={`${localePath(locale, `/projects/${projectId}`)}#update-${u.id}`} />
            ) : null}
          </li>
        ))}
      </ol>
      {p.mayPost ? (
        <div className="mt-4 rounded border border-stone-300 bg-white p-3">
          <h3 className="mb-2 font-bold">{t('progressForm')}</h3>
          <ActionForm action={postProgressAction} id="progress-form" fieldPrefix="progress">
            <Hidden name="locale" value={locale} />
            <Hidden name="projectId" value={String(projectId)} />
            <TextArea name="body" label={t('progressText')} rows={4} maxLength={5000} required requiredMark={tcommon('required')} />
            <div className="grid gap-x-4 sm:grid-cols-3">
              <TextField name="percent" label={t('percent')} hint={t('percentHint')} inputMode="numeric" maxLength={4} required requiredMark={tcommon('required')} />
              <TextField name="happenedOn" type="date" label={t('happenedOn')} defaultValue={p.today} required requiredMark={tcommon('required')} />
              <TextField name="amountSpent" label={t('amountSpent')} hint={t('amountSpentHint')} inputMode="numeric" maxLength={20} />
            </div>
            <SubmitButton pendingLabel={tcommon('sending')}>{t('progressSubmit')}</SubmitButton>
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}
