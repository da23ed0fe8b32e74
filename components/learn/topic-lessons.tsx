import { getTranslations } from 'next-intl/server';
import { setTopicLessonsAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { Hidden } from '@/components/forms/fields';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { LinkedLesson } from '@/lib/learn/topic-links';

/** On a topic's page: the lessons it points to, to understand it before taking part. */
export async function TopicLessons({ locale, lessons }: { locale: Locale; lessons: LinkedLesson[] }) {
  if (lessons.length === 0) return null;
  const t = await getTranslations('Learn');
  return (
    <section aria-labelledby="topic-lessons" className="rounded border border-teal-800 bg-teal-50 p-3">
      <h2 id="topic-lessons" className="text-lg font-bold">{t('topicLessons')}</h2>
      <ul className="mt-1 list-disc space-y-1 pl-6" id="topic-lesson-links">
        {lessons.map((l) => (
          <li key={l.slug}>
            <a href={localePath(locale, l.path)}>{l.title}</a> <span className="text-sm text-stone-700">({l.courseTitle})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a topic's edit page: choose the lessons it points to (by course). */
export async function TopicLessonsForm({ locale, topicId, choices, chosen }: { locale: Locale; topicId: number; choices: { courseTitle: string; lessons: { slug: string; title: string }[] }[]; chosen: string[] }) {
  const t = await getTranslations('Learn');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={setTopicLessonsAction} id="topic-lessons-form" fieldPrefix="tl">
      <Hidden name="locale" value={locale} />
      <Hidden name="topicId" value={String(topicId)} />
      <p className="mb-3">{t('topicLessonsIntro')}</p>
      <CheckboxGroup
        name="lessons"
        legend={t('topicLessons')}
        options={choices.flatMap((c) => c.lessons.map((l) => ({ value: l.slug, label: `${c.courseTitle} — ${l.title}` })))}
        defaultValues={chosen}
      />
      <SubmitButton pendingLabel={tc('saving')}>{t('topicLessonsSave')}</SubmitButton>
    </ActionForm>
  );
}
