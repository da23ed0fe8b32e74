import { getTranslations } from 'next-intl/server';
import { reportAction } from '@/app/actions/moderation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea } from '@/components/forms/fields';
import { REPORT_REASONS } from '@/lib/moderation/values';

/** "Report" under a piece of content: a <details> so it costs nothing until opened, and works without JS. */
export async function ReportForm({
  locale,
  contentType,
  contentId,
  next,
  open = false,
}: {
  locale: string;
  contentType: string;
  contentId: number;
  next: string;
  /** shown open: the reader asked for this form (a comment's "Report" link) */
  open?: boolean;
}) {
  const t = await getTranslations('Report');
  const tc = await getTranslations('Common');
  const id = `report-${contentType}-${contentId}`;
  return (
    <details className="mt-1" open={open}>
      <summary className="min-h-11 cursor-pointer py-2 text-sm text-stone-800">{t('summary')}</summary>
      <ActionForm action={reportAction} id={id} fieldPrefix={id} aria-label={t('title')}>
        <Hidden name="locale" value={locale} />
        <Hidden name="contentType" value={contentType} />
        <Hidden name="contentId" value={String(contentId)} />
        <Hidden name="next" value={next} />
        <SelectField name="reason" label={t('reason')} required requiredMark={tc('required')} options={[{ value: '', label: '—' }, ...REPORT_REASONS.map((r) => ({ value: r, label: t(r) }))]} />
        <TextArea name="details" label={t('details')} rows={2} maxLength={500} />
        <SubmitButton pendingLabel={tc('sending')}>{t('submit')}</SubmitButton>
      </ActionForm>
    </details>
  );
}
