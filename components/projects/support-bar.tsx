import { getTranslations } from 'next-intl/server';
import { supportPercent } from '@/lib/projects/status';

/** Supports toward the threshold, drawn by the server: a <progress>-like bar with no client JavaScript. */
export async function SupportBar({ count, threshold, id }: { count: number; threshold: number | null; id?: string }) {
  const t = await getTranslations('Project');
  const percent = supportPercent(count, threshold);
  const label = threshold ? t('supportsOfThreshold', { count, threshold }) : t('supportsCount', { count });
  return (
    <div id={id}>
      <p className="mb-1 text-sm font-semibold">{label}</p>
      {threshold ? (
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={threshold}
          aria-valuenow={Math.min(count, threshold)}
          aria-label={label}
          className="h-3 w-full overflow-hidden rounded bg-stone-200"
        >
          <div className="h-3 rounded bg-teal-700" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
    </div>
  );
}
