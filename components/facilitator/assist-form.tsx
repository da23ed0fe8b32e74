import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { assistAction } from '@/app/actions/facilitator';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Checkbox, Hidden, SelectField, TextField } from '@/components/forms/fields';
import type { AssistedKind } from '@/lib/assisted/kinds';
import type { AssistSpace, AssistTarget } from '@/lib/assisted/views';

/** Which space the facilitator works at: chosen when they facilitate several. */
export async function AssistSpaceField({ spaces }: { spaces: AssistSpace[] }) {
  const t = await getTranslations('Facilitator');
  const tc = await getTranslations('Common');
  if (spaces.length === 1) return <Hidden name="spaceId" value={String(spaces[0]!.id)} />;
  return <SelectField name="spaceId" label={t('spaceHere')} required requiredMark={tc('required')} options={spaces.map((s) => ({ value: String(s.id), label: s.name }))} />;
}

/** Who the contribution is for: their participant code, phone number or e-mail. */
export async function ParticipantField() {
  const t = await getTranslations('Facilitator');
  const tc = await getTranslations('Common');
  return <TextField name="participant" label={t('participant')} hint={t('participantHint')} required requiredMark={tc('required')} autoComplete="off" maxLength={254} />;
}

/**
 * The person's own PIN or password, typed by them: needed for someone the facilitator's spaces did not
 * register. Never sent back to the page; checked for this submission only.
 */
export async function PresenceField() {
  const t = await getTranslations('Facilitator');
  return <TextField name="participantPassword" type="password" label={t('participantPassword')} hint={t('participantPasswordHint')} autoComplete="off" maxLength={128} />;
}

/** The participant, present, agrees to this contribution: without the tick, nothing is written. */
export async function ConsentField() {
  const t = await getTranslations('Facilitator');
  const tc = await getTranslations('Common');
  return <Checkbox name="consent" label={t('consentContribution')} required requiredMark={tc('required')} />;
}

/** One kind of assisted contribution: the participant, the contribution's own fields, the consent. */
export async function AssistForm({
  id,
  kind,
  locale,
  spaces,
  target,
  title,
  submit,
  children,
}: {
  id: string;
  kind: AssistedKind;
  locale: string;
  spaces: AssistSpace[];
  /** the topic or project it is about, sent as topicId / projectId */
  target: AssistTarget | null;
  title: string;
  submit: string;
  children?: ReactNode;
}) {
  const tc = await getTranslations('Common');
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-stone-300 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-3 text-xl font-bold">{title}</h2>
      <ActionForm action={assistAction} id={id} fieldPrefix={id}>
        <Hidden name="locale" value={locale} />
        <Hidden name="kind" value={kind} />
        {target ? <Hidden name={`${target.kind}Id`} value={String(target.id)} /> : null}
        <AssistSpaceField spaces={spaces} />
        <ParticipantField />
        <PresenceField />
        {children}
        <ConsentField />
        <SubmitButton pendingLabel={tc('sending')}>{submit}</SubmitButton>
      </ActionForm>
    </section>
  );
}
