import { getTranslations } from 'next-intl/server';

/** "Entered with assistance at <space>": public, on comments and projects a facilitator entered for their author. */
export async function AssistedBadge({ space, facilitator }: { space: string; facilitator?: string | null }) {
  const t = await getTranslations('Assisted');
  return (
    <span className="assisted-badge rounded bg-violet-100 px-2 py-0.5 font-semibold text-violet-900">
      <span aria-hidden="true">🤝 </span>
      {facilitator ? t('badgeBy', { space, name: facilitator }) : t('badge', { space })}
    </span>
  );
}
