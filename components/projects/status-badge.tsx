import { getTranslations } from 'next-intl/server';
import type { ProjectStatus } from '@/lib/projects/statuses';

const COLORS: Record<ProjectStatus, string> = {
  draft: 'bg-stone-200 text-stone-900',
  submitted: 'bg-sky-100 text-sky-900',
  collecting: 'bg-green-100 text-green-900',
  threshold_reached: 'bg-teal-100 text-teal-900',
  under_review: 'bg-amber-100 text-amber-900',
  accepted: 'bg-teal-800 text-white',
  rejected: 'bg-red-100 text-red-900',
  in_progress: 'bg-indigo-100 text-indigo-900',
  completed: 'bg-green-800 text-white',
  withdrawn: 'bg-stone-200 text-stone-800',
  expired: 'bg-stone-200 text-stone-800',
};

export async function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const t = await getTranslations('ProjectStatuses');
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${COLORS[status]}`}>{t(status)}</span>;
}
