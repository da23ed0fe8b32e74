import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AssistForm } from '@/components/facilitator/assist-form';
import { RadioGroup, SelectField, TextArea } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { assistPage, type AssistChooser, type AssistSubject, type CommentChoice } from '@/lib/assisted/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { COMMENT_MAX } from '@/lib/comments/schemas';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('assistTitle'), robots: { index: false } };
}

export default async function AssistPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const view = assistPage(await signedInContext(locale), { topic: sp.topic, project: sp.project });
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Facilitator');
  const heading = (
    <>
      <p>
        <a href={localePath(locale, '/facilitator')}>← {t('title')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('assistTitle')}</h1>
    </>
  );
  if (view.kind === 'noSpace') {
    return (
      <div className="max-w-2xl space-y-4">
        {heading}
        <p id="assist-not-facilitator">{t('assistOnlyFacilitators')}</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-6">
      {heading}
      {view.kind === 'choose' ? <AssistChoice locale={locale} view={view} /> : <AssistForms locale={locale} view={view} />}
    </div>
  );
}

/** Which consultation or project the participant wants to take part in. */
async function AssistChoice({ locale, view }: { locale: Locale; view: AssistChooser }) {
  const t = await getTranslations('Facilitator');
  const format = await getFormatter();
  const href = (p: string) => localePath(locale, p);
  return (
    <>
      <p>{t('assistIntro')}</p>
      <p>
        <a href={href('/facilitator/assist/project')} className="font-semibold">
          {t('proposeProject')}
        </a>
      </p>
      <section aria-labelledby="assist-topics">
        <h2 id="assist-topics" className="mb-2 text-xl font-bold">
          {t('chooseTopic')}
        </h2>
        {view.topics.length === 0 ? (
          <p>{t('noTopics')}</p>
        ) : (
          <ul className="space-y-2">
            {view.topics.map((tp) => (
              <li key={tp.id}>
                <a href={href(`/facilitator/assist?topic=${tp.id}`)} className="font-semibold">
                  {tp.title}
                </a>
                <span className="block text-sm text-stone-700">
                  {tp.commune} · {t('closesOn', { date: format.dateTime(new Date(tp.closesAt), 'long') })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="assist-projects">
        <h2 id="assist-projects" className="mb-2 text-xl font-bold">
          {t('chooseProject')}
        </h2>
        {view.projects.length === 0 ? (
          <p>{t('noProjects')}</p>
        ) : (
          <ul className="space-y-2">
            {view.projects.map((p) => (
              <li key={p.id}>
                <a href={href(`/facilitator/assist?project=${p.id}`)} className="font-semibold">
                  {p.title}
                </a>
                <span className="block text-sm text-stone-700">{p.commune}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The contributions a participant may make on this topic or project, each a form of its own. */
async function AssistForms({ locale, view }: { locale: Locale; view: AssistSubject }) {
  const t = await getTranslations('Facilitator');
  const tcm = await getTranslations('Comments');
  const tst = await getTranslations('Stances');
  const ttopic = await getTranslations('Topic');
  const tc = await getTranslations('Common');
  const href = (p: string) => localePath(locale, p);
  const commentOptions = (rows: CommentChoice[]) => rows.map((c) => ({ value: String(c.id), label: t('commentOption', { author: c.author, excerpt: c.excerpt }) }));
  const voteLabel = (value: string) => ttopic(value === 'for' ? 'voteFor' : value === 'against' ? 'voteAgainst' : 'voteAbstain');
  const { spaces, target } = view;
  return (
    <>
      <p>
        <a href={href('/facilitator/assist')}>{t('backToChoice')}</a>
      </p>
      <div>
        <p className="text-sm font-semibold text-stone-700">{target.kind === 'topic' ? t('aboutTopic') : t('aboutProject')}</p>
        <p id="assist-subject" className="text-xl font-bold break-words">
          {view.title}
        </p>
        <p>
          <a href={href(view.publicPath)}>{t('openPage')}</a>
        </p>
      </div>
      <p>{t('assistIntro')}</p>
      {!view.open ? <Notice tone="warning">{t('closedForComments')}</Notice> : null}
      {view.open ? (
        <AssistForm id="assist-comment" kind="comment" locale={locale} spaces={spaces} target={target} title={t('commentTitle')} submit={t('commentSubmit')}>
          {view.replyTo.length > 0 ? (
            <SelectField name="parentId" label={t('replyTo')} defaultValue="" options={[{ value: '', label: t('replyNone') }, ...commentOptions(view.replyTo)]} />
          ) : null}
          <RadioGroup name="stance" legend={tcm('stance')} options={view.stances.map((s) => ({ value: s, label: tst(s) }))} />
          <TextArea name="body" label={t('commentBody')} hint={tcm('bodyHint')} rows={5} maxLength={COMMENT_MAX} required requiredMark={tc('required')} />
        </AssistForm>
      ) : null}
      {view.ballot ? (
        <AssistForm id="assist-vote" kind="vote" locale={locale} spaces={spaces} target={target} title={t('voteTitle')} submit={t('voteSubmit')}>
          <RadioGroup name="choice" legend={t('voteChoice')} options={view.ballot.map((c) => ({ value: c.value, label: c.label ?? voteLabel(c.value) }))} />
        </AssistForm>
      ) : null}
      {view.mayEnterProjectSupport ? (
        <AssistForm id="assist-project-support" kind="project_support" locale={locale} spaces={spaces} target={target} title={t('supportProjectTitle')} submit={t('supportProjectSubmit')} />
      ) : null}
      {view.open && view.supportable.length > 0 ? (
        <AssistForm id="assist-comment-support" kind="comment_support" locale={locale} spaces={spaces} target={null} title={t('supportCommentTitle')} submit={t('supportCommentSubmit')}>
          <SelectField name="commentId" label={t('supportCommentLabel')} required requiredMark={tc('required')} options={commentOptions(view.supportable)} />
        </AssistForm>
      ) : null}
    </>
  );
}
