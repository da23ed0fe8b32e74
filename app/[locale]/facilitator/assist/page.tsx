import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AssistForm } from '@/components/facilitator/assist-form';
import { RadioGroup, SelectField, TextArea } from '@/components/forms/fields';
import { Forbidden } from '@/components/ui/forbidden';
import { getDb } from '@/db/client';
import { commentsToChooseFrom, openTopics, projectsIn } from '@/db/queries/assisted';
import { STANCES } from '@/db/schema';
import { findCommentSubject } from '@/lib/comments/subject';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { localePath, type Locale } from '@/lib/i18n/config';
import { findProject } from '@/lib/projects/load';
import { DISCUSSION_STATUSES, effectiveStatus } from '@/lib/projects/status';
import { findTopic } from '@/lib/topics/load';
import { idParam } from '@/lib/validation';
import { choicesOf } from '@/lib/votes/cast-vote';
import { requireFacilitator, spacesAssistedBy } from '../guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('assistTitle'), robots: { index: false } };
}

const excerpt = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s).replace(/\s+/g, ' ');

export default async function AssistPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireFacilitator(locale);
  if (!actor) return <Forbidden />;
  const db = getDb();
  const t = await getTranslations('Facilitator');
  const tcm = await getTranslations('Comments');
  const tst = await getTranslations('Stances');
  const ttopic = await getTranslations('Topic');
  const tc = await getTranslations('Common');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  const spaces = spacesAssistedBy(db, actor);
  const sp = await searchParams;
  const now = new Date();

  const heading = (
    <>
      <p>
        <a href={href('/facilitator')}>← {t('title')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('assistTitle')}</h1>
    </>
  );
  if (spaces.length === 0) {
    return (
      <div className="max-w-2xl space-y-4">
        {heading}
        <p id="assist-not-facilitator">{t('assistOnlyFacilitators')}</p>
      </div>
    );
  }

  const topicId = idParam.safeParse(sp.topic);
  const projectId = idParam.safeParse(sp.project);
  const target = topicId.success ? ({ kind: 'topic', id: topicId.data } as const) : projectId.success ? ({ kind: 'project', id: projectId.data } as const) : null;
  const subject = target ? findCommentSubject(db, target, now) : undefined;

  if (!target || !subject || !subject.isPublic) {
    const topics = openTopics(db, now.toISOString());
    const projects = projectsIn(db, DISCUSSION_STATUSES).filter((p) => DISCUSSION_STATUSES.includes(effectiveStatus(p, now)));
    return (
      <div className="max-w-2xl space-y-6">
        {heading}
        <p>{t('assistIntro')}</p>
        <p>
          <a href={href('/facilitator/assist/project')} className="font-semibold">{t('proposeProject')}</a>
        </p>
        <section aria-labelledby="assist-topics">
          <h2 id="assist-topics" className="mb-2 text-xl font-bold">{t('chooseTopic')}</h2>
          {topics.length === 0 ? (
            <p>{t('noTopics')}</p>
          ) : (
            <ul className="space-y-2">
              {topics.map((tp) => (
                <li key={tp.id}>
                  <a href={href(`/facilitator/assist?topic=${tp.id}`)} className="font-semibold">{tp.title}</a>
                  <span className="block text-sm text-stone-700">
                    {tp.commune} · {t('closesOn', { date: format.dateTime(new Date(tp.closesAt), 'long') })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="assist-projects">
          <h2 id="assist-projects" className="mb-2 text-xl font-bold">{t('chooseProject')}</h2>
          {projects.length === 0 ? (
            <p>{t('noProjects')}</p>
          ) : (
            <ul className="space-y-2">
              {projects.map((p) => (
                <li key={p.id}>
                  <a href={href(`/facilitator/assist?project=${p.id}`)} className="font-semibold">{p.title}</a>
                  <span className="block text-sm text-stone-700">{p.commune}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    );
  }

  const title = target.kind === 'topic' ? findTopic(db, target.id)!.title : findProject(db, target.id)!.title;
  const publicPath = href(`/${target.kind === 'topic' ? 'topics' : 'projects'}/${target.id}`);
  const open = subject.phase === 'open';
  const choosable = commentsToChooseFrom(db, target);
  const topLevel = choosable.filter((c) => c.parentId === null);
  const commentOptions = (rows: typeof choosable) => rows.map((c) => ({ value: String(c.id), label: t('commentOption', { author: c.author, excerpt: excerpt(c.body) }) }));
  const project = target.kind === 'project' ? findProject(db, target.id)! : null;
  const topic = target.kind === 'topic' ? findTopic(db, target.id)! : null;
  const choices = topic
    ? topic.pollOptions
      ? topic.pollOptions.map((label, i) => ({ value: `option:${i}`, label }))
      : choicesOf(topic).map((c) => ({ value: c, label: ttopic(c === 'for' ? 'voteFor' : c === 'against' ? 'voteAgainst' : 'voteAbstain') }))
    : [];

  return (
    <div className="max-w-2xl space-y-6">
      {heading}
      <p>
        <a href={href('/facilitator/assist')}>{t('backToChoice')}</a>
      </p>
      <div>
        <p className="text-sm font-semibold text-stone-700">{target.kind === 'topic' ? t('aboutTopic') : t('aboutProject')}</p>
        <p id="assist-subject" className="text-xl font-bold break-words">{title}</p>
        <p>
          <a href={publicPath}>{t('openPage')}</a>
        </p>
      </div>
      <p>{t('assistIntro')}</p>
      {!open ? <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">{t('closedForComments')}</p> : null}
      {open ? (
        <AssistForm id="assist-comment" kind="comment" locale={locale} spaces={spaces} target={target} title={t('commentTitle')} submit={t('commentSubmit')}>
          {topLevel.length > 0 ? (
            <SelectField name="parentId" label={t('replyTo')} defaultValue="" options={[{ value: '', label: t('replyNone') }, ...commentOptions(topLevel)]} />
          ) : null}
          <RadioGroup name="stance" legend={tcm('stance')} options={STANCES.map((s) => ({ value: s, label: tst(s) }))} />
          <TextArea name="body" label={t('commentBody')} hint={tcm('bodyHint')} rows={5} maxLength={COMMENT_MAX} required requiredMark={tc('required')} />
        </AssistForm>
      ) : null}
      {topic && open ? (
        <AssistForm id="assist-vote" kind="vote" locale={locale} spaces={spaces} target={target} title={t('voteTitle')} submit={t('voteSubmit')}>
          <RadioGroup name="choice" legend={t('voteChoice')} options={choices} />
        </AssistForm>
      ) : null}
      {project && effectiveStatus(project, now) === 'collecting' ? (
        <AssistForm id="assist-project-support" kind="project_support" locale={locale} spaces={spaces} target={target} title={t('supportProjectTitle')} submit={t('supportProjectSubmit')} />
      ) : null}
      {open && choosable.length > 0 ? (
        <AssistForm id="assist-comment-support" kind="comment_support" locale={locale} spaces={spaces} target={null} title={t('supportCommentTitle')} submit={t('supportCommentSubmit')}>
          <SelectField name="commentId" label={t('supportCommentLabel')} required requiredMark={tc('required')} options={commentOptions(choosable)} />
        </AssistForm>
      ) : null}
    </div>
  );
}
