import { getFormatter, getTranslations } from 'next-intl/server';
import type { ProjectTimelineStep } from '@/lib/projects/project-page';

/** The public life-cycle of a project: each status, when, and who moved it (or the system). */
export async function ProjectTimeline({ steps }: { steps: ProjectTimelineStep[] }) {
  const t = await getTranslations('Project');
  const tst = await getTranslations('ProjectStatuses');
  const format = await getFormatter();
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline" className="mb-2 text-xl font-bold">{t('timeline')}</h2>
      <ol className="space-y-1 border-l-4 border-teal-700 pl-4" id="status-timeline">
        {steps.map((step, i) => (
          <li key={i}>
            <strong>{tst(step.toStatus)}</strong> — {format.dateTime(new Date(step.createdAt), 'long')}
            {step.by === null ? '' : 'system' in step.by ? ` (${t('timelineSystem')})` : ` (${step.by.name})`}
          </li>
        ))}
      </ol>
    </section>
  );
}
