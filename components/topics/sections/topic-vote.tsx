import { getTranslations } from 'next-intl/server';
import { castVoteAction } from '@/app/actions/votes';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup } from '@/components/forms/fields';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { TopicVoteView, VoteChoice } from '@/lib/topics/topic-page-view';
import { DemographicTable, TallyTable } from '../tally-table';

const STANDARD_CHOICE = { for: 'voteFor', against: 'voteAgainst', abstain: 'voteAbstain' } as const;

/** The tally, the officials' split, and the reader's vote (or why they cannot vote). */
export async function TopicVote({ vote, topicId, commune, locale }: { vote: TopicVoteView; topicId: number; commune: string; locale: Locale }) {
  const t = await getTranslations('Topic');
  const tGender = await getTranslations('Genders');
  const tCommon = await getTranslations('Common');
  const tv = await getTranslations('Verify');
  const label = (c: VoteChoice) => c.pollLabel ?? (c.key in STANDARD_CHOICE ? t(STANDARD_CHOICE[c.key as keyof typeof STANDARD_CHOICE]) : c.key);
  const choices = vote.choices.map((c) => ({ key: c.key, label: label(c) }));
  const mine = vote.mine ? (choices.find((c) => c.key === vote.mine)?.label ?? vote.mine) : null;
  return (
    <section aria-labelledby="vote" id="vote-section">
      <h2 id="vote" className="mb-2 text-xl font-bold">{t('tally')}</h2>
      <TallyTable rows={vote.tally.map((r) => ({ key: r.key, label: label(r), residents: r.residents, others: r.others }))} commune={commune} assisted={vote.assisted} />
      {vote.splits ? (
        <div className="mt-4 rounded border border-stone-300 p-3">
          <h3 className="mb-1 font-bold">{t('demographics')}</h3>
          <p className="mb-2 text-sm">{t('demographicsNote')}</p>
          <DemographicTable
            id="votes-by-gender"
            title={t('byGender')}
            choices={choices}
            split={vote.splits.byGender}
            groupLabel={(g) => (g === 'unknown' ? t('genderUnknown') : tGender(g as 'woman'))}
            withheld={t('splitWithheld')}
          />
          <DemographicTable
            id="votes-by-age"
            title={t('byAge')}
            choices={choices}
            split={vote.splits.byAge}
            groupLabel={(g) => (g === 'unknown' ? t('ageUnknown') : g)}
            withheld={t('splitWithheld')}
          />
        </div>
      ) : null}
      <div className="mt-4">
        {mine ? <p className="mb-2">{t('yourVote', { choice: mine })}</p> : null}
        {vote.mayVote ? (
          <ActionForm
            action={castVoteAction}
            id="vote-form"
            fieldPrefix="vote"
            outbox={{ kind: 'vote', path: localePath(locale, `/topics/${topicId}`), summaryField: 'choice', choiceLabels: Object.fromEntries(choices.map((c) => [c.key, c.label])) }}
          >
            <Hidden name="locale" value={locale} />
            <Hidden name="topicId" value={String(topicId)} />
            <RadioGroup name="choice" legend={t('vote')} defaultValue={vote.mine ?? ''} options={choices.map((c) => ({ value: c.key, label: c.label }))} />
            <SubmitButton pendingLabel={tCommon('sending')}>{vote.mine ? t('voteChange') : t('voteSubmit')}</SubmitButton>
          </ActionForm>
        ) : vote.instead === 'signIn' ? (
          <p>
            <a href={localePath(locale, '/login')}>{t('signInToTakePart')}</a>
          </p>
        ) : vote.instead === 'verify' ? (
          <p id="verify-to-vote">
            <a href={localePath(locale, '/verify')}>{tv('toVote')}</a>
          </p>
        ) : vote.instead === 'notYetOpen' ? (
          <p>{t('notYetOpen')}</p>
        ) : vote.instead === 'closed' ? (
          <p className="font-semibold">{t('closedToInput')}</p>
        ) : null}
      </div>
    </section>
  );
}
