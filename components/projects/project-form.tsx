import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { saveProjectAction } from '@/app/actions/projects';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { BENEFICIARIES } from '@/lib/projects/statuses';
import type { ProjectFormValues } from '@/lib/projects/views';
import { SECTORS } from '@/lib/topics/sectors';

const buttonClass = 'min-h-11 rounded px-5 py-2 font-semibold';

/** Propose a project, or edit one. A draft may be saved unfinished; "submit" sends it to collection. */
export async function ProjectForm({
  locale,
  communes,
  defaultCommuneId,
  project,
  mayInvite = true,
  action = saveProjectAction,
  formId = 'project-form',
  header,
  footer,
  submitLabel,
}: {
  locale: string;
  communes: { id: number; name: string }[];
  defaultCommuneId?: number | null;
  project?: ProjectFormValues;
  /** only the proposer invites co-proposers; others do not see the field */
  mayInvite?: boolean;
  /** another action taking the same fields (a facilitator submitting a project for a participant) */
  action?: typeof saveProjectAction;
  formId?: string;
  /** fields before and after the project's own (that action's extra fields) */
  header?: ReactNode;
  footer?: ReactNode;
  /** one button that submits the project at once, instead of "submit" and "save the draft" */
  submitLabel?: string;
}) {
  const t = await getTranslations('ProjectForm');
  const ts = await getTranslations('Sectors');
  const tb = await getTranslations('Beneficiaries');
  const tc = await getTranslations('Common');
  const req = { required: true, requiredMark: tc('required') };
  const isDraft = !project || project.status === 'draft';
  return (
    <ActionForm action={action} id={formId}>
      <Hidden name="locale" value={locale} />
      {header}
      {project ? (
        <>
          <Hidden name="projectId" value={String(project.id)} />
          <Hidden name="communeId" value={String(project.communeId)} />
        </>
      ) : (
        <SelectField
          name="communeId"
          label={t('commune')}
          {...req}
          defaultValue={defaultCommuneId ? String(defaultCommuneId) : undefined}
          options={communes.map((c) => ({ value: String(c.id), label: c.name }))}
        />
      )}
      <TextField name="title" label={t('title')} hint={t('titleHint')} {...req} maxLength={140} defaultValue={project?.title} />
      <TextArea name="problem" label={t('problem')} hint={t('problemHint')} {...req} rows={5} maxLength={5000} defaultValue={project?.problem} />
      <TextArea name="solution" label={t('solution')} hint={t('solutionHint')} {...req} rows={5} maxLength={5000} defaultValue={project?.solution} />
      <SelectField name="sector" label={t('sector')} {...req} defaultValue={project?.sector} options={SECTORS.map((s) => ({ value: s, label: ts(s) }))} />
      <TextField name="location" label={t('location')} hint={t('locationHint')} {...req} maxLength={140} defaultValue={project?.location} />
      <TextField
        name="estimatedCost"
        label={t('estimatedCost')}
        hint={t('estimatedCostHint')}
        inputMode="numeric"
        maxLength={20}
        defaultValue={project?.estimatedCost != null ? String(project.estimatedCost) : ''}
      />
      <CheckboxGroup
        name="beneficiaries"
        legend={t('beneficiaries')}
        hint={t('beneficiariesHint')}
        options={BENEFICIARIES.map((b) => ({ value: b, label: tb(b) }))}
        defaultValues={project?.beneficiaries ?? []}
      />
      <TextField name="onBehalfOf" label={t('onBehalfOf')} hint={t('onBehalfOfHint')} maxLength={140} defaultValue={project?.onBehalfOf ?? ''} />
      {mayInvite ? <TextArea name="coProposers" label={t('coProposers')} hint={t('coProposersHint')} rows={2} maxLength={2000} /> : null}
      {footer}
      {submitLabel ? null : <p className="mb-3 text-sm">{isDraft ? t('draftExplained') : t('editExplained')}</p>}
      <div className="flex flex-wrap gap-3">
        {submitLabel ? (
          <button type="submit" name="intent" value="submit" className={`${buttonClass} bg-teal-800 text-white hover:bg-teal-900`}>
            {submitLabel}
          </button>
        ) : isDraft ? (
          <>
            <button type="submit" name="intent" value="submit" className={`${buttonClass} bg-teal-800 text-white hover:bg-teal-900`}>
              {t('submit')}
            </button>
            <button type="submit" name="intent" value="draft" className={`${buttonClass} border-2 border-teal-800 text-teal-900`}>
              {t('saveDraft')}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="draft" className={`${buttonClass} bg-teal-800 text-white hover:bg-teal-900`}>
            {t('save')}
          </button>
        )}
      </div>
    </ActionForm>
  );
}
