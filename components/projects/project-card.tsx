import { getTranslations } from 'next-intl/server';
import type { Beneficiary, ProjectStatus } from '@/lib/projects/statuses';
import type { Sector } from '@/lib/topics/sectors';
import { ProjectStatusBadge } from './status-badge';
import { SupportBar } from './support-bar';

export type ProjectCardData = {
  id: number;
  title: string;
  problem: string;
  sector: Sector;
  status: ProjectStatus;
  commune: string;
  supportCount: number;
  threshold: number | null;
  beneficiaries: Beneficiary[];
  onBehalfOf: string | null;
  progressPercent: number;
  commentCount: number;
  visibility?: string;
};

export async function ProjectCard({ project, href }: { project: ProjectCardData; href: string }) {
  const t = await getTranslations('Projects');
  const ts = await getTranslations('Sectors');
  const tb = await getTranslations('Beneficiaries');
  const summary = project.problem.length > 220 ? `${project.problem.slice(0, 217)}…` : project.problem;
  return (
    <article className="rounded border border-stone-300 bg-white p-4">
      <p className="mb-1 flex flex-wrap items-center gap-2 text-sm">
        <ProjectStatusBadge status={project.status} />
        <span>{ts(project.sector)}</span>
        <span aria-hidden="true">·</span>
        <span>{project.commune}</span>
        {project.visibility === 'held' ? <span className="font-semibold text-amber-900">{t('heldBadge')}</span> : null}
      </p>
      <h3 className="text-lg font-bold">
        <a href={href}>{project.title}</a>
      </h3>
      {project.onBehalfOf ? <p className="text-sm">{t('onBehalfOf', { group: project.onBehalfOf })}</p> : null}
      {summary ? <p className="my-1">{summary}</p> : null}
      {project.beneficiaries.length ? (
        <p className="text-sm text-stone-700">{t('beneficiaries', { list: project.beneficiaries.map((b) => tb(b)).join(', ') })}</p>
      ) : null}
      {project.status !== 'draft' ? (
        <div className="mt-2">
          <SupportBar count={project.supportCount} threshold={project.threshold} />
        </div>
      ) : null}
      <p className="mt-1 text-sm text-stone-700">
        {t('comments', { count: project.commentCount })}
        {project.status === 'in_progress' || project.status === 'completed' ? ` · ${t('progress', { percent: project.progressPercent })}` : ''}
      </p>
    </article>
  );
}
