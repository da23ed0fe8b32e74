import { getTranslations } from 'next-intl/server';
import { appealAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextArea } from '@/components/forms/fields';

/** The one appeal a person may make against a decision about their content or their suspension. */
export async function AppealForm({ locale, moderationId, sanctionId, next }: { locale: string; moderationId?: number; sanctionId?: number; next: string }) {
  const t = await getTranslations('Hidden');
  const tc = await getTranslations('Common');
  const id = moderationId ? `appeal-m${moderationId}` : `appeal-s${sanctionId}`;
  return (
    <details className="mt-2">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-teal-900">{t('appealTitle')}</summary>
      <ActionForm action={appealAction} id={id} fieldPrefix={id}>
        <Hidden name="locale" value={locale} />
        <Hidden name="moderationId" value={moderationId ? String(moderationId) : ''} />
        <Hidden name="sanctionId" value={sanctionId ? String(sanctionId) : ''} />
        <Hidden name="next" value={next} />
        <TextArea name="text" label={t('appealTitle')} hint={t('appealHint')} rows={4} maxLength={2000} required requiredMark={tc('required')} />
        <SubmitButton pendingLabel={tc('sending')}>{t('appealSubmit')}</SubmitButton>
      </ActionForm>
    </details>
  );
}
