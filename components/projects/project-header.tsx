import { getFormatter, getTranslations } from 'next-intl/server';
import { submitProjectAction } from '@/app/actions/projects';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { ProjectHeaderView } from '@/lib/projects/project-page';
import { ProjectHiddenFields } from './project-hidden-fields';
import { ProjectStatusBadge } from './status-badge';
import { PostForm } from '@/components/forms/post-form';

/** A project's header: status, sector and commune, title, who proposes it, its facts, and its authors' links. */
export async function ProjectHeader({ header: h, locale }: { header: ProjectHeaderView; locale: Locale }) {
  const t = await getTranslations('Project');
  const tsector = await getTranslations('Sectors');
  const tb = await getTranslations('Beneficiaries');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  return (
    <header className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <ProjectStatusBadge status={h.status} />
        <span>{tsector(h.sector)}</span>
        <span aria-hidden="true">·</span>
        <a href={href(`/projects?commune=${h.communeId}`)}>{h.commune}</a>
      </p>
      <h1 className="text-3xl font-extrabold break-words">{h.title}</h1>
      <p id="proposers">
        {h.onBehalfOf ? t('proposedByFor', { name: h.authorName, group: h.onBehalfOf }) : t('proposedBy', { name: h.authorName })}
        {h.coProposers.length ? ` ${t('withCoProposers', { names: h.coProposers.join(', ') })}` : ''}
      </p>
      {h.assistedAt ? (
        <p id="project-assisted" className="text-sm">
          <AssistedBadge space={h.assistedAt} />
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('location')}</dt>
        <dd>{h.location || '—'}</dd>
        <dt className="font-semibold">{t('estimatedCost')}</dt>
        <dd>{h.estimatedCost != null ? t('fcfa', { amount: format.number(h.estimatedCost) }) : t('notGiven')}</dd>
        <dt className="font-semibold">{t('beneficiaries')}</dt>
        <dd>{h.beneficiaries.length ? h.beneficiaries.map((b) => tb(b)).join(', ') : '—'}</dd>
      </dl>
      {h.invitationsSent.length > 0 ? <p id="invitations-sent" className="text-sm">{t('invitationsSent', { identifiers: h.invitationsSent.join(', ') })}</p> : null}
      <p className="flex flex-wrap gap-4">
        {h.mayEdit ? (
          <a href={href(`/projects/${h.id}/edit`)} className="font-semibold">{t('edit')}</a>
        ) : null}
        {h.revisionCount > 0 ? <a href={href(`/projects/${h.id}/revisions`)}>{t('revisions', { count: h.revisionCount })}</a> : null}
      </p>
      {h.maySubmit ? (
        <PostForm action={submitProjectAction} id="submit-project-form">
          <ProjectHiddenFields locale={locale} projectId={h.id} />
          <button type="submit" className="min-h-11 rounded bg-teal-800 px-5 font-semibold text-white">{t('submit')}</button>
        </PostForm>
      ) : null}
    </header>
  );
}
