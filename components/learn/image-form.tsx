import { getTranslations } from 'next-intl/server';
import { addImageAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { ImageInput } from '@/components/learn/image-input';
import type { Locale } from '@/lib/i18n/config';

/** Add a picture to a lesson: the file (re-encoded on the server to a small WebP) and what it shows. */
export async function ImageForm({ locale, lessonId }: { locale: Locale; lessonId: number }) {
  const t = await getTranslations('LearnAuthor');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={addImageAction} id="image-form" fieldPrefix="img">
      <Hidden name="locale" value={locale} />
      <Hidden name="lessonId" value={String(lessonId)} />
      <ImageInput name="image" label={t('image')} hint={t('imageHint')} />
      <TextField name="alt" label={t('imageAlt')} hint={t('imageAltHint')} required requiredMark={tc('required')} maxLength={200} />
      <SubmitButton pendingLabel={tc('sending')}>{t('addImage')}</SubmitButton>
    </ActionForm>
  );
}
