import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';

/** "Entered with assistance at <space>": public, on comments and projects a facilitator entered for their author. */
export async function AssistedBadge({ space, facilitator }: { space: string; facilitator?: string | null }) {
  const t = await getTranslations('Assisted');
  return (
    <span className="assisted-badge inline-flex items-center gap-1 rounded bg-violet-100 px-2 py-0.5 font-semibold text-violet-900">
      {/* An SVG, not the 🤝 emoji: an empty box on a phone without colour emoji. */}
      <Icon name="helped" className="h-4 w-4" />
      {facilitator ? t('badgeBy', { space, name: facilitator }) : t('badge', { space })}
    </span>
  );
}
