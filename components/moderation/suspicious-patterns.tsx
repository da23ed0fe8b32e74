import { getFormatter, getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/config';
import { SUSPICION_RULES, type SuspiciousPatterns } from '@/lib/moderation/suspicious-patterns';

const VOTE_LABEL = { for: 'voteFor', against: 'voteAgainst', abstain: 'voteAbstain' } as const;

/**
 * On the moderation dashboard: patterns that look like sock puppets, for a person to look into (issue
 * 12 §4). Read-only: Baro hides, removes and blocks nothing because of them.
 */
export async function SuspiciousPatternsPanel({ locale, patterns }: { locale: Locale; patterns: SuspiciousPatterns }) {
  const t = await getTranslations('Moderation');
  const tt = await getTranslations('Topic');
  const format = await getFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const none = patterns.voteClusters.length === 0 && patterns.supportBursts.length === 0;
  const r = SUSPICION_RULES;
  return (
    <section id="suspicious-patterns" aria-labelledby="suspicious-title" className="space-y-2 rounded border border-amber-700 bg-amber-50 p-3">
      <h2 id="suspicious-title" className="text-lg font-bold">
        {t('suspiciousTitle')}
      </h2>
      <p className="text-sm">{t('suspiciousIntro')}</p>
      {none ? (
        <p>{t('suspiciousNone')}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {patterns.voteClusters.map((c) => (
            <li key={`v-${c.topicId}-${c.choice}`}>
              {t('suspiciousVotes', {
                count: c.accounts,
                choice: c.pollOption ? c.choice : c.choice in VOTE_LABEL ? tt(VOTE_LABEL[c.choice as keyof typeof VOTE_LABEL]) : c.choice,
                from: time(c.firstRegisteredAt),
                to: time(c.lastRegisteredAt),
              })}{' '}
              <a href={localePath(locale, `/topics/${c.topicId}`)}>{c.topicTitle}</a>
            </li>
          ))}
          {patterns.supportBursts.map((b) => (
            <li key={`s-${b.projectId}`}>
              {t('suspiciousSupports', { count: b.fromNewAccounts, total: b.lastWeek })}{' '}
              <a href={localePath(locale, `/projects/${b.projectId}`)}>{b.projectTitle}</a>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-stone-800">
        {t('suspiciousRules', {
          accounts: r.voteCluster.minAccounts,
          minutes: r.voteCluster.windowMinutes,
          days: r.voteCluster.lookbackDays,
          supports: r.supportBurst.minSupports,
          age: r.supportBurst.accountAgeDays,
        })}
      </p>
    </section>
  );
}
