import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { changePhaseAction } from '@/app/actions/topics';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea } from '@/components/forms/fields';
import { TopicLessonsForm } from '@/components/learn/topic-lessons';
import { TopicForm } from '@/components/topics/topic-form';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { linkableLessons, topicLessonSlugs } from '@/lib/learn/topic-links';
import { can } from '@/lib/permissions';
import { findTopic } from '@/lib/topics/load';
import { effectivePhase, PHASE_TRANSITIONS } from '@/lib/topics/phases';
import { idParam } from '@/lib/validation';

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
  const topicId = idParam.safeParse(id);
  if (!topicId.success) notFound();
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const topic = findTopic(getDb(), topicId.data);
  if (!topic || !can(actor, 'topic.update', { communeId: topic.communeId })) notFound();
  const sp = await searchParams;
  const t = await getTranslations('TopicForm');
  const tp = await getTranslations('Phases');
  const tc = await getTranslations('Common');
  const phase = effectivePhase(topic);
  const moves = PHASE_TRANSITIONS[phase];

  return (
    <div className="max-w-2xl space-y-10">
      <p>
        <a href={localePath(locale, `/topics/${topic.id}`)}>← {topic.title}</a>
      </p>
      {sp.saved ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {t('saved')}
        </p>
      ) : null}
      <section aria-labelledby="phase-title">
        <h2 id="phase-title" className="mb-2 text-xl font-bold">{t('phaseTitle')}</h2>
        <p className="mb-3">{t('phaseIntro', { phase: tp(phase) })}</p>
        {moves.length === 0 ? (
          <p>{t('noMoves')}</p>
        ) : (
          <ActionForm action={changePhaseAction} id="phase-form">
            <Hidden name="locale" value={locale} />
            <Hidden name="topicId" value={String(topic.id)} />
            <SelectField name="phase" label={t('phase')} required requiredMark={tc('required')} options={moves.map((p) => ({ value: p, label: tp(p) }))} />
            {moves.includes('decided') ? (
              <TextArea name="decision" label={t('decision')} hint={t('decisionHint')} rows={8} maxLength={20000} defaultValue={topic.decision ?? ''} />
            ) : null}
            <SubmitButton pendingLabel={tc('saving')}>{t('phaseSubmit')}</SubmitButton>
          </ActionForm>
        )}
      </section>
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="mb-2 text-xl font-bold">{t('lessonsTitle')}</h2>
        {sp.lessons ? (
          <p role="status" className="mb-3 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t('lessonsSaved')}
          </p>
        ) : null}
        <TopicLessonsForm locale={locale} topicId={topic.id} choices={linkableLessons(getDb(), locale)} chosen={topicLessonSlugs(getDb(), topic.id)} />
      </section>
      {topic.phase !== 'archived' ? (
        <section aria-labelledby="edit-title">
          <h1 id="edit-title" className="mb-4 text-2xl font-bold">{t('editTitle')}</h1>
          <TopicForm locale={locale} communes={[]} topic={topic} />
        </section>
      ) : null}
    </div>
  );
}
