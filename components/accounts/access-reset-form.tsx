import { getTranslations } from 'next-intl/server';
import type { SlipTexts } from '@/components/facilitator/participant-slip';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Checkbox, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { IDENTITY_DOCUMENTS } from '@/lib/accounts/reset-in-person';
import type { FormState } from '@/lib/forms/state';
import { localePath, type Locale } from '@/lib/i18n/config';
import { ResetOutcome } from './reset-outcome';

/**
 * The in-person reset form (issue 12 §3): who (their phone, e-mail or participant code — or the account
 * an admin opened), which kind of document was checked (never its number: there is no field for it),
 * and the facilitator's or admin's word that they checked it. Used at a connected space and on
 * /admin/users/[id].
 */
export async function AccessResetForm({
  action,
  locale,
  spaces,
  userId,
  slipTexts,
  anotherHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  locale: Locale;
  /** a facilitator's spaces (one: hidden; several: a choice); none for an admin */
  spaces?: { id: number; name: string }[];
  /** the account, when an admin resets it from its page */
  userId?: number;
  slipTexts: SlipTexts;
  anotherHref: string;
}) {
  const t = await getTranslations('AccessReset');
  const tc = await getTranslations('Common');
  const recover = localePath(locale, '/recover?step=code');
  return (
    <ActionForm action={action} id="access-reset-form" fieldPrefix="a">
      <ResetOutcome
        slipTexts={slipTexts}
        codeTexts={{ codeLabel: t('codeLabel'), steps: [t('step1'), t('step2'), t('step3')], openRecover: t('openRecover'), openRecoverHref: recover, another: t('another'), anotherHref }}
      >
        <Hidden name="locale" value={locale} />
        {userId ? <Hidden name="userId" value={String(userId)} /> : null}
        {spaces && spaces.length === 1 ? <Hidden name="spaceId" value={String(spaces[0]!.id)} /> : null}
        {spaces && spaces.length > 1 ? (
          <SelectField name="spaceId" label={t('space')} options={spaces.map((s) => ({ value: String(s.id), label: s.name }))} required requiredMark={tc('required')} />
        ) : null}
        {userId ? null : (
          <TextField name="identifier" label={t('identifier')} hint={t('identifierHint')} required requiredMark={tc('required')} autoComplete="off" maxLength={254} />
        )}
        <SelectField
          name="document"
          label={t('document')}
          hint={t('documentHint')}
          options={[{ value: '', label: t('chooseDocument') }, ...IDENTITY_DOCUMENTS.map((d) => ({ value: d, label: t(`document_${d}`) }))]}
          required
          requiredMark={tc('required')}
        />
        <Checkbox name="checked" label={t('checked')} required requiredMark={tc('required')} />
        <SubmitButton pendingLabel={tc('sending')}>{t('submit')}</SubmitButton>
      </ResetOutcome>
    </ActionForm>
  );
}
