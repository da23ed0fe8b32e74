import { getTranslations } from 'next-intl/server';
import { moderateAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import type { QueueActions } from '@/lib/moderation/views';

/** The actions a moderator can take on one item; the server decides again whether each is allowed. */
export async function ModerateForms({
  locale,
  contentType,
  contentId,
  actions,
  next,
}: {
  locale: string;
  contentType: string;
  contentId: number;
  /** which acts make sense in the item's state (lib/moderation/views.ts) */
  actions: QueueActions;
  next: string;
}) {
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const key = `${contentType}-${contentId}`;
  const common = (
    <>
      <Hidden name="locale" value={locale} />
      <Hidden name="contentType" value={contentType} />
      <Hidden name="contentId" value={String(contentId)} />
      <Hidden name="next" value={next} />
    </>
  );
  const simple = (action: 'approve' | 'dismiss' | 'restore', label: string) => (
    <ActionForm action={moderateAction} id={`${action}-${key}`} fieldPrefix={`${action}-${key}`}>
      {common}
      <Hidden name="action" value={action} />
      <SubmitButton pendingLabel={tc('sending')} className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
        {label}
      </SubmitButton>
    </ActionForm>
  );
  return (
    <div className="mt-3 flex flex-wrap items-start gap-3">
      {actions.approve ? simple('approve', t('approve')) : null}
      {actions.dismiss ? simple('dismiss', t('dismiss')) : null}
      {actions.restore ? simple('restore', t('restore')) : null}
      {actions.hide ? (
        <details className="w-full">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-red-900">{t('hide')}</summary>
          <ActionForm action={moderateAction} id={`hide-${key}`} fieldPrefix={`hide-${key}`}>
            {common}
            <Hidden name="action" value="hide" />
            <TextField name="reason" label={t('hideReason')} hint={t('hideReasonHint')} required requiredMark={tc('required')} maxLength={300} />
            <SubmitButton pendingLabel={tc('sending')} className="min-h-11 rounded bg-red-800 px-4 font-semibold text-white">
              {t('hide')}
            </SubmitButton>
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
