import { getTranslations } from 'next-intl/server';
import type { Phase } from '@/lib/topics/phases';

const COLORS: Record<Phase, string> = {
  draft: 'bg-stone-200 text-stone-900',
  information: 'bg-sky-100 text-sky-900',
  open: 'bg-green-100 text-green-900',
  deliberation: 'bg-amber-100 text-amber-900',
  decided: 'bg-teal-100 text-teal-900',
  archived: 'bg-stone-200 text-stone-800',
};

export async function PhaseBadge({ phase }: { phase: Phase }) {
  const t = await getTranslations('Phases');
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${COLORS[phase]}`}>{t(phase)}</span>;
}
