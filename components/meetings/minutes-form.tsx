import { getTranslations } from 'next-intl/server';
import { publishMinutesAction } from '@/app/actions/meetings';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { ATTENDANCE_GENDERS } from '@/lib/meetings/attendance-groups';
import { ATTENDANCE_CELLS, MAX_ATTENDANCE_CELL } from '@/lib/meetings/schemas';

const AGE_KEYS = { '15-24': 'band15to24', '25-35': 'band25to35', '36+': 'band36plus', unknown: 'unknown' } as const;
const GENDER_KEYS = { woman: 'woman', man: 'man', unspecified: 'unknown' } as const;

/** Minutes and attendance: a small grid, one whole number per gender and age band (empty = 0). */
export async function MinutesForm({
  locale,
  meetingId,
  minutes,
  attendance,
}: {
  locale: string;
  meetingId: number;
  minutes: string | null;
  attendance: { gender: string; ageBand: string; count: number }[];
}) {
  const t = await getTranslations('Meetings');
  const ts = await getTranslations('Stats');
  const tc = await getTranslations('Common');
  const counted = (gender: string, ageBand: string) => attendance.find((a) => a.gender === gender && a.ageBand === ageBand)?.count;
  return (
    <ActionForm action={publishMinutesAction} id="minutes-form">
      <Hidden name="locale" value={locale} />
      <Hidden name="meetingId" value={String(meetingId)} />
      <TextArea name="minutes" label={t('minutesField')} hint={t('minutesHint')} required requiredMark={tc('required')} rows={8} maxLength={20_000} defaultValue={minutes ?? ''} />
      <p className="mb-2 font-semibold">{t('attendanceField')}</p>
      <p className="mb-3 text-sm text-stone-700">{t('attendanceHint', { max: MAX_ATTENDANCE_CELL })}</p>
      {ATTENDANCE_GENDERS.map((gender) => (
        <fieldset key={gender} className="mb-3 rounded border border-stone-300 p-3">
          <legend className="px-1 font-semibold">{ts(`gender.${GENDER_KEYS[gender]}`)}</legend>
          <div className="grid grid-cols-2 gap-x-3 sm:grid-cols-4">
            {ATTENDANCE_CELLS.filter((c) => c.gender === gender).map((c) => (
              <TextField
                key={c.field}
                name={c.field}
                label={ts(`age.${AGE_KEYS[c.ageBand]}`)}
                inputMode="numeric"
                maxLength={6}
                defaultValue={String(counted(c.gender, c.ageBand) ?? 0)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <SubmitButton pendingLabel={tc('sending')}>{minutes ? t('minutesUpdate') : t('minutesPublish')}</SubmitButton>
    </ActionForm>
  );
}
