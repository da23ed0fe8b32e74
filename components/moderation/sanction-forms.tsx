import { getTranslations } from 'next-intl/server';
import { suspendAction, warnAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import type { Locale } from '@/lib/i18n/config';
import type { ModerationUserPage } from '@/lib/moderation/views';
import { contentTypeLabel } from './queue-item';

/** Warn or suspend a person, about one of their contributions (its commune is the sanction's scope). */
export async function SanctionForms({ locale, view, about, next }: { locale: Locale; view: ModerationUserPage; about: string | undefined; next: string }) {
  const t = await getTranslations('Moderation');
  const tc = await getTranslations('Common');
  const aboutOptions = [
    ...(view.withoutContent ? [{ value: '', label: t('aboutNothing') }] : []),
    ...view.about.map((a) => ({ value: a.value, label: t('aboutOption', { type: contentTypeLabel(t, a.type), id: a.id, commune: a.commune, excerpt: a.excerpt }) })),
  ];
  // The queue links here with ?about=type:id: that contribution is chosen, when it may be.
  const asked = about !== undefined && aboutOptions.some((o) => o.value === about) ? about : aboutOptions[0]?.value;
  const aboutField = <SelectField name="about" label={t('aboutLabel')} hint={t('aboutHint')} defaultValue={asked} options={aboutOptions} />;
  const common = (
    <>
      <Hidden name="locale" value={locale} />
      <Hidden name="userId" value={String(view.user.id)} />
      <Hidden name="next" value={next} />
      {aboutField}
    </>
  );
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <section aria-labelledby="warn" className="rounded border border-stone-300 bg-white p-3">
        <h2 id="warn" className="mb-2 font-bold">
          {t('warnTitle')}
        </h2>
        <ActionForm action={warnAction} id="warn-form" fieldPrefix="warn">
          {common}
          <TextField name="reason" label={t('reasonLabel')} required requiredMark={tc('required')} maxLength={300} />
          <SubmitButton pendingLabel={tc('sending')}>{t('warn')}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="suspend" className="rounded border border-red-300 bg-white p-3">
        <h2 id="suspend" className="mb-2 font-bold">
          {t('suspendTitle')}
        </h2>
        {view.lastActiveAdmin ? <p className="mb-2 text-sm font-semibold">{t('lastActiveAdminNotice')}</p> : null}
        <ActionForm action={suspendAction} id="suspend-form" fieldPrefix="suspend">
          {common}
          <TextField name="reason" label={t('reasonLabel')} required requiredMark={tc('required')} maxLength={300} />
          <TextField name="days" label={t('days')} hint={t('daysHint')} inputMode="numeric" maxLength={4} />
          <label className="mb-4 flex min-h-11 items-center gap-3">
            <input type="checkbox" name="hideContent" className="h-5 w-5" />
            {t('hideAll')}
          </label>
          <SubmitButton pendingLabel={tc('sending')} className="min-h-11 rounded bg-red-800 px-4 font-semibold text-white">
            {t('suspend')}
          </SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
