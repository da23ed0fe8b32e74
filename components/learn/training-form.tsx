import { getTranslations } from 'next-intl/server';
import { recordTrainingAction } from '@/app/actions/learn';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Checkbox, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import type { Locale } from '@/lib/i18n/config';
import { ATTENDANCE_GENDERS } from '@/lib/learn/schemas';
import { ATTENDANCE_CELLS, MAX_ATTENDANCE_CELL } from '@/lib/meetings/schemas';

const AGE_KEYS = { '15-24': 'band15to24', '25-35': 'band25to35', '36+': 'band36plus', unknown: 'unknown' } as const;
const GENDER_KEYS = { woman: 'woman', man: 'man', unspecified: 'unknown' } as const;

/**
 * Record a training session: the course, the day, the people counted by gender and age band (no names), and
 * the space's registered participants who agreed to be named.
 */
export async function TrainingForm({
  locale,
  space,
  courses,
  participants,
  today,
}: {
  locale: Locale;
  space: { id: number; slug: string };
  courses: { id: number; title: string }[];
  participants: { id: number; displayName: string; code: string | null }[];
  today: string;
}) {
  const t = await getTranslations('Training');
  const ts = await getTranslations('Stats');
  const tc = await getTranslations('Common');
  return (
    <ActionForm action={recordTrainingAction} id="training-form">
      <Hidden name="locale" value={locale} />
      <Hidden name="spaceId" value={String(space.id)} />
      <Hidden name="space" value={space.slug} />
      <SelectField name="courseId" label={t('course')} required requiredMark={tc('required')} options={[{ value: '', label: t('chooseCourse') }, ...courses.map((c) => ({ value: String(c.id), label: c.title }))]} />
      <TextField name="heldOn" type="date" label={t('heldOn')} required requiredMark={tc('required')} defaultValue={today} />
      <p className="mb-2 font-semibold">{t('counted')}</p>
      <p className="mb-3 text-sm text-stone-700">{t('countedHint', { max: MAX_ATTENDANCE_CELL })}</p>
      {ATTENDANCE_GENDERS.map((gender) => (
        <fieldset key={gender} className="mb-3 rounded border border-stone-300 p-3">
          <legend className="px-1 font-semibold">{ts(`gender.${GENDER_KEYS[gender]}`)}</legend>
          <div className="grid grid-cols-2 gap-x-3 sm:grid-cols-4">
            {ATTENDANCE_CELLS.filter((c) => c.gender === gender).map((c) => (
              <TextField key={c.field} name={c.field} label={ts(`age.${AGE_KEYS[c.ageBand]}`)} inputMode="numeric" maxLength={6} defaultValue="0" />
            ))}
          </div>
        </fieldset>
      ))}
      {participants.length > 0 ? (
        <>
          <CheckboxGroup name="participants" legend={t('named')} hint={t('namedHint')} options={participants.map((p) => ({ value: String(p.id), label: p.code ? `${p.displayName} (${p.code})` : p.displayName }))} />
          <Checkbox name="consent" label={t('consent')} />
        </>
      ) : null}
      <SubmitButton pendingLabel={tc('saving')}>{t('record')}</SubmitButton>
    </ActionForm>
  );
}
