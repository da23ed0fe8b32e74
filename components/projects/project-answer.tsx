import { getFormatter, getTranslations } from 'next-intl/server';
import { answerProjectAction } from '@/app/actions/projects';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea } from '@/components/forms/fields';
import type { ProjectAnswerView } from '@/lib/projects/project-page';

/** The officials' public answer (the project's decision), and the form to give it. */
export async function ProjectAnswer({ projectId, answer: a, locale }: { projectId: number; answer: ProjectAnswerView; locale: string }) {
  const t = await getTranslations('Project');
  const tst = await getTranslations('ProjectStatuses');
  const tcommon = await getTranslations('Common');
  const format = await getFormatter();
  return (
    <section aria-labelledby="answer" id="answer-section" className="rounded border-2 border-teal-800 bg-teal-50 p-4">
      <h2 id="answer" className="mb-1 text-xl font-bold">{t('answer')}</h2>
      {a.answer ? (
        <>
          <p className="mb-2 text-sm">{t('answeredBy', { name: a.answeredBy ?? '—', date: a.answeredAt ? format.dateTime(new Date(a.answeredAt), 'long') : '' })}</p>
          <p id="answer-text" className="whitespace-pre-line break-words">{a.answer}</p>
        </>
      ) : null}
      {a.mayAnswer && a.options.length ? (
        <div className="mt-4 rounded bg-white p-3">
          <h3 className="mb-2 font-bold">{t('answerForm')}</h3>
          <ActionForm action={answerProjectAction} id="answer-form" fieldPrefix="answer">
            <Hidden name="locale" value={locale} />
            <Hidden name="projectId" value={String(projectId)} />
            <SelectField name="status" label={t('newStatus')} options={a.options.map((s) => ({ value: s, label: tst(s) }))} required requiredMark={tcommon('required')} />
            <TextArea name="answer" label={t('answerText')} hint={t('answerHint')} rows={5} maxLength={10000} />
            <SubmitButton pendingLabel={tcommon('sending')}>{t('answerSubmit')}</SubmitButton>
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}
