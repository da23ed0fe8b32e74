import { getFormatter, getTranslations } from 'next-intl/server';
import { castVoteAction } from '@/app/actions/participation';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, RadioGroup } from '@/components/forms/fields';
import { CommentForm } from '@/components/topics/comment-form';
import { MeetingsSection } from '@/components/meetings/meetings-section';
import { CommentThread } from '@/components/topics/comment-thread';
import { PhaseBadge } from '@/components/topics/phase-badge';
import { DemographicTable, TallyTable } from '@/components/topics/tally-table';
import { getDb } from '@/db/client';
import { AGE_BANDS, commentsPage, myVote, type getTopicView, phaseTimeline, stanceCounts, tally, tallyDemographics, topicRevisionList } from '@/db/queries/topics';
import { STANCES } from '@/db/schema';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/permissions';
import { renderMarkdown } from '@/lib/markdown';
import { absoluteUrl } from '@/lib/site-url';
import { can } from '@/lib/permissions';
import { closeExpiredTopics } from '@/lib/topics/change-phase';
import { parseCommentParams } from '@/lib/topics/list-params';
import { effectivePhase } from '@/lib/topics/phases';
import { commentViewerOf } from '@/lib/topics/readers';
import { choicesOf } from '@/lib/votes/cast-vote';

export type TopicViewData = NonNullable<ReturnType<typeof getTopicView>>;

/**
 * The topic page's content, for a signed-in reader (dynamic) or an anonymous one (served from
 * Next's cache: actor null, no query, share link built from a fixed origin).
 */
export async function TopicView({
  locale,
  view,
  actor,
  sp,
}: {
  locale: Locale;
  view: TopicViewData;
  actor: (Actor & { displayName: string }) | null;
  sp: Record<string, string | string[] | undefined>;
}) {
  const db = getDb();
  const now = new Date();
  // Writes the automatic close to the timeline; the phase shown is already right (effectivePhase).
  closeExpiredTopics(db, now);
  const { topic } = view;
  const phase = effectivePhase(topic, now);
  const cp = parseCommentParams(sp);
  const t = await getTranslations('Topic');
  const tc = await getTranslations('Comments');
  const ts = await getTranslations('Sectors');
  const tp = await getTranslations('Phases');
  const tst = await getTranslations('Stances');
  const tg = await getTranslations('Genders');
  const te = await getTranslations('Errors');
  const tr = await getTranslations('Report');
  const th = await getTranslations('Hidden');
  const tcommon = await getTranslations('Common');
  const format = await getFormatter();
  const fmt = (iso: string) => format.dateTime(new Date(iso), 'long');
  const href = (p: string) => localePath(locale, p);

  const choiceLabels = topic.pollOptions
    ? topic.pollOptions.map((label, i) => ({ key: `option:${i}`, label }))
    : [
        { key: 'for', label: t('voteFor') },
        { key: 'against', label: t('voteAgainst') },
        { key: 'abstain', label: t('voteAbstain') },
      ];
  const counts = tally(db, topic.id, topic.communeId);
  const tallyRows = choicesOf(topic).map((key) => ({
    key,
    label: choiceLabels.find((c) => c.key === key)?.label ?? key,
    residents: counts.get(key)?.residents ?? 0,
    others: counts.get(key)?.others ?? 0,
  }));
  const internal = can(actor, 'topic.viewInternal', { communeId: topic.communeId });
  const demo = internal ? tallyDemographics(db, topic.id, now.getUTCFullYear()) : null;
  const mine = actor ? myVote(db, topic.id, actor.id) : null;
  const mayVote = can(actor, 'vote.cast', { phase });
  const mayComment = can(actor, 'comment.create', { phase });
  const comments = commentsPage(db, topic.id, topic.communeId, cp.sort, cp.page, commentViewerOf(actor));
  const stances = stanceCounts(db, topic.id);
  const timeline = phaseTimeline(db, topic.id);
  const revisions = topicRevisionList(db, topic.id);
  const shareUrl = absoluteUrl(href(`/topics/${topic.id}`));

  const notices: string[] = [];
  if (sp.voted) notices.push(t('voteSaved'));
  if (sp.posted) notices.push(tc('published'));
  if (sp.held) notices.push(tc('held'));
  if (sp.edited) notices.push(tc('updated'));
  if (sp.deleted) notices.push(tc('removed'));
  if (sp.reported) notices.push(tr('sent'));
  if (sp.appealed) notices.push(th('appealSent'));
  const error = sp.error === 'forbidden' ? te('forbidden') : sp.error === 'not_found' ? te('notFound') : sp.error ? te('invalid') : null;

  return (
    <div className="space-y-8">
      <p>
        <a href={href('/topics')}>← {t('backToList')}</a>
      </p>
      {notices.map((n) => (
        <p key={n} role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{n}</p>
      ))}
      {error ? <p id="topic-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{error}</p> : null}
      {topic.visibility === 'held' ? <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">{t('heldNotice')}</p> : null}

      <header className="space-y-2">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <PhaseBadge phase={phase} />
          <span>{ts(topic.sector)}</span>
          <span aria-hidden="true">·</span>
          <a href={href(`/topics?commune=${topic.communeId}`)}>{view.commune}</a>
        </p>
        <h1 className="text-3xl font-extrabold break-words">{topic.title}</h1>
        <p className="text-lg">{topic.summary}</p>
        <p className="text-sm text-stone-700">
          {view.authorTitle ? t('publishedByTitle', { name: view.authorName, title: view.authorTitle }) : t('publishedBy', { name: view.authorName })}
        </p>
        <p className="text-sm text-stone-700">{t('dates', { opens: fmt(topic.opensAt), closes: fmt(topic.closesAt) })}</p>
        {topic.location ? <p className="text-sm text-stone-700">{t('location', { location: topic.location })}</p> : null}
        {can(actor, 'topic.update', { communeId: topic.communeId }) ? (
          <p>
            <a href={href(`/topics/${topic.id}/edit`)} className="font-semibold">{t('manage')}</a>
          </p>
        ) : null}
      </header>

      {topic.decision && (phase === 'decided' || phase === 'archived') ? (
        <section aria-labelledby="decision" className="rounded border-2 border-teal-800 bg-teal-50 p-4">
          <h2 id="decision" className="mb-1 text-xl font-bold">{t('decision')}</h2>
          {topic.decidedAt ? <p className="mb-2 text-sm">{t('decidedOn', { date: fmt(topic.decidedAt) })}</p> : null}
          <div className="prose-baro" dangerouslySetInnerHTML={{ __html: renderMarkdown(topic.decision) }} />
        </section>
      ) : null}

      <section className="prose-baro max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(topic.body) }} />

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-2 text-xl font-bold">{t('timeline')}</h2>
        <ol className="space-y-1 border-l-4 border-teal-700 pl-4">
          {timeline.map((step, i) => (
            <li key={i}>
              <strong>{tp(step.toPhase)}</strong> — {fmt(step.createdAt)}
              {step.actorId === null && step.toPhase === 'deliberation' ? ` (${t('timelineSystem')})` : ''}
            </li>
          ))}
        </ol>
        {revisions.length > 0 ? (
          <p className="mt-2">
            <a href={href(`/topics/${topic.id}/revisions`)}>{t('revisions', { count: revisions.length })}</a>
          </p>
        ) : null}
      </section>

      <MeetingsSection subject={{ topicId: topic.id }} locale={locale} now={now} />

      <section aria-labelledby="vote" id="vote-section">
        <h2 id="vote" className="mb-2 text-xl font-bold">{t('tally')}</h2>
        <TallyTable rows={tallyRows} commune={view.commune} />
        {demo ? (
          <div className="mt-4 rounded border border-stone-300 p-3">
            <h3 className="mb-1 font-bold">{t('demographics')}</h3>
            <p className="mb-2 text-sm">{t('demographicsNote')}</p>
            <DemographicTable
              id="votes-by-gender"
              title={t('byGender')}
              choices={choiceLabels}
              groups={demo.byGender.map((g) => ({ ...g, label: g.group === 'unknown' ? t('genderUnknown') : tg(g.group as 'woman') }))}
            />
            <DemographicTable
              id="votes-by-age"
              title={t('byAge')}
              choices={choiceLabels}
              groups={[...demo.byAge]
                .sort((a, b) => AGE_BANDS.indexOf(a.group as never) - AGE_BANDS.indexOf(b.group as never))
                .map((g) => ({ ...g, label: g.group === 'unknown' ? t('ageUnknown') : g.group }))}
            />
          </div>
        ) : null}
        <div className="mt-4">
          {mine ? <p className="mb-2">{t('yourVote', { choice: choiceLabels.find((c) => c.key === mine)?.label ?? mine })}</p> : null}
          {mayVote ? (
            <ActionForm action={castVoteAction} id="vote-form" fieldPrefix="vote">
              <Hidden name="locale" value={locale} />
              <Hidden name="topicId" value={String(topic.id)} />
              <RadioGroup name="choice" legend={t('vote')} defaultValue={mine ?? ''} options={choiceLabels.map((c) => ({ value: c.key, label: c.label }))} />
              <SubmitButton pendingLabel={tcommon('sending')}>{mine ? t('voteChange') : t('voteSubmit')}</SubmitButton>
            </ActionForm>
          ) : !actor ? (
            <p>
              <a href={href('/login')}>{t('signInToTakePart')}</a>
            </p>
          ) : phase === 'draft' || phase === 'information' ? (
            <p>{t('notYetOpen')}</p>
          ) : phase !== 'open' ? (
            <p className="font-semibold">{t('closedToInput')}</p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="comments-title" id="comments">
        <h2 id="comments-title" className="mb-2 text-xl font-bold">{tc('title', { count: comments.total })}</h2>
        <p className="mb-3 text-sm">
          {t('stances')} :{' '}
          {STANCES.map((s) => `${tst(s)} ${stances.get(s) ?? 0}`).join(' · ')}
        </p>
        {mayComment ? (
          <div className="mb-6 rounded border border-stone-300 bg-white p-3">
            <h3 className="mb-2 font-bold">{tc('write')}</h3>
            <CommentForm subject={{ kind: 'topic', id: topic.id }} locale={locale} legend={tc('write')} submit={tc('submit')} formId="comment-form" />
          </div>
        ) : null}
        <CommentThread
          comments={comments}
          actor={actor}
          phase={phase}
          subject={{ kind: 'topic', id: topic.id }}
          locale={locale}
          now={now}
          sort={cp.sort}
          page={cp.page}
          basePath={href(`/topics/${topic.id}`)}
          open={cp.open}
        />
      </section>

      <section aria-labelledby="share" className="space-y-2 text-sm">
        <h2 id="share" className="text-lg font-bold">{t('share')}</h2>
        <p>{t('shareHint')}</p>
        <p className="break-all rounded bg-white p-2 font-mono">{shareUrl}</p>
        <h2 className="pt-2 text-lg font-bold">{t('exports')}</h2>
        <p className="flex flex-wrap gap-4">
          <span>{t('exportComments')} :</span>
          <a href={`/exports/topics/${topic.id}-comments.csv`}>CSV</a>
          <a href={`/exports/topics/${topic.id}-comments.json`}>JSON</a>
          <span>{t('exportTally')} :</span>
          <a href={`/exports/topics/${topic.id}-tally.csv`}>CSV</a>
          <a href={`/exports/topics/${topic.id}-tally.json`}>JSON</a>
          <a href={`/feeds/${view.communeSlug}.atom`}>{t('feed', { commune: view.commune })}</a>
        </p>
      </section>
    </div>
  );
}
