import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { changePhaseAction } from '@/app/actions/topics';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea } from '@/components/forms/fields';
import { TopicLessonsForm } from '@/components/learn/topic-lessons';
import { TopicForm } from '@/components/topics/topic-form';
import { TopicTranslationForms } from '@/components/translations/topic-translation-forms';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { editTopicPage } from '@/lib/topics/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('TopicForm');
  return { title: t('editTitle'), robots: { index: false } };
}

export default async function EditTopicPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = editTopicPage(await requestContext(), id, locale);
  if (view === 'signIn') redirect(localePath(locale, '/login'));
  if (!view) notFound();
  const { topic, moves } = view;
  const sp = await searchParams;
  const t = await getTranslations('TopicForm');
  const tPhase = await getTranslations('Phases');
  const tCommon = await getTranslations('Common');

  return (
    <div className="max-w-2xl space-y-10">
      <p>
        <a href={localePath(locale, `/topics/${topic.id}`)}>← {topic.title}</a>
      </p>
      {sp.saved ? <Notice tone="success">{t('saved')}</Notice> : null}
      <section aria-labelledby="phase-title">
        <h2 id="phase-title" className="mb-2 text-xl font-bold">{t('phaseTitle')}</h2>
        <p className="mb-3">{t('phaseIntro', { phase: tPhase(view.phase) })}</p>
        {moves.length === 0 ? (
          <p>{t('noMoves')}</p>
        ) : (
          <ActionForm action={changePhaseAction} id="phase-form">
            <Hidden name="locale" value={locale} />
            <Hidden name="topicId" value={String(topic.id)} />
            <SelectField name="phase" label={t('phase')} required requiredMark={tCommon('required')} options={moves.map((p) => ({ value: p, label: tPhase(p) }))} />
            {moves.includes('decided') ? (
              <TextArea name="decision" label={t('decision')} hint={t('decisionHint')} rows={8} maxLength={20000} defaultValue={view.decision} />
            ) : null}
            <SubmitButton pendingLabel={tCommon('saving')}>{t('phaseSubmit')}</SubmitButton>
          </ActionForm>
        )}
      </section>
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="mb-2 text-xl font-bold">{t('lessonsTitle')}</h2>
        {sp.lessons ? <Notice tone="success">{t('lessonsSaved')}</Notice> : null}
        <TopicLessonsForm locale={locale} topicId={topic.id} choices={view.lessons.choices} chosen={view.lessons.chosen} />
      </section>
      {!view.archived ? (
        <section aria-labelledby="edit-title">
          <h1 id="edit-title" className="mb-4 text-2xl font-bold">{t('editTitle')}</h1>
          <TopicForm locale={locale} communes={[]} topic={topic} />
        </section>
      ) : null}
      {!view.archived ? (
        <TopicTranslationForms locale={locale} topicId={topic.id} existing={view.translations} saved={typeof sp.translated === 'string' ? sp.translated : undefined} />
      ) : null}
    </div>
  );
}
