import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui/notice';

const DONE = ['proposed', 'approved', 'live', 'rejected', 'reverted'] as const;

/** What the last approve / refuse / revert / proposal did (?done=…), or why it was refused (?error=…). */
export async function OutcomeNotice({ done, error }: { done?: string; error?: string }) {
  const t = await getTranslations('Translations');
  const te = await getTranslations('Errors');
  if (done && (DONE as readonly string[]).includes(done)) {
    return (
      <Notice tone="success" id="translation-outcome">
        {t(`done_${done as (typeof DONE)[number]}`)}
      </Notice>
    );
  }
  if (error) {
    return (
      <Notice tone="error" id="translation-outcome">
        {/^[a-zA-Z_]+$/.test(error) && te.has(error) ? te(error) : te('invalid')}
      </Notice>
    );
  }
  return null;
}
