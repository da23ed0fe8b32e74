import { getTranslations } from 'next-intl/server';
import { createCourseAction, updateCourseAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { locales, type Locale } from '@/lib/i18n/config';

/** Start a course, or edit one: title, summary, and where it belongs (the whole region or one commune). */
export async function CourseForm({
  locale,
  communes,
  course,
}: {
  locale: Locale;
  /** the communes this person writes courses for */
  communes: { id: number; name: string }[];
  course?: { id: number; title: string; summary: string; communeId: number | null };
}) {
  const t = await getTranslations('LearnAuthor');
  const tc = await getTranslations('Common');
  const tl = await getTranslations('Languages');
  const places = [{ value: '', label: t('wholeRegion') }, ...communes.map((c) => ({ value: String(c.id), label: c.name }))];
  return (
    <ActionForm action={course ? updateCourseAction : createCourseAction} id="course-form">
      <Hidden name="locale" value={locale} />
      {course ? <Hidden name="courseId" value={String(course.id)} /> : null}
      <TextField name="title" label={t('courseTitle')} required requiredMark={tc('required')} maxLength={120} defaultValue={course?.title} />
      <TextArea name="summary" label={t('courseSummary')} hint={t('courseSummaryHint')} required requiredMark={tc('required')} rows={4} maxLength={600} defaultValue={course?.summary} />
      <SelectField name="communeId" label={t('coursePlace')} hint={t('coursePlaceHint')} options={places} defaultValue={course?.communeId ? String(course.communeId) : ''} />
      {course ? null : (
        <>
          <SelectField name="language" label={t('courseLanguage')} options={locales.map((l) => ({ value: l, label: tl(l) }))} defaultValue={locale} />
          <TextField name="slug" label={t('slug')} hint={t('courseSlugHint')} maxLength={60} />
        </>
      )}
      <SubmitButton pendingLabel={tc('saving')}>{course ? tc('save') : t('createCourse')}</SubmitButton>
    </ActionForm>
  );
}
