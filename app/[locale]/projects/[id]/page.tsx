import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { answerProjectAction, postProgressAction, submitProjectAction, supportProjectAction, withdrawProjectAction } from '@/app/actions/projects';
import { ReportForm } from '@/components/moderation/report-form';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { ProjectStatusBadge } from '@/components/projects/status-badge';
import { SupportBar } from '@/components/projects/support-bar';
import { AssistedBadge } from '@/components/facilitator/assisted-badge';
import { MeetingsSection } from '@/components/meetings/meetings-section';
import { CommentSection } from '@/components/comments/comment-section';
import { DemographicTable } from '@/components/topics/tally-table';
import { getDb } from '@/db/client';
import { coProposersOf, getProjectView, pendingInvitationsOf, hasSupported, progressUpdatesOf, projectRevisionList, projectTimeline } from '@/db/queries/projects';
import { assistedSpaceOf } from '@/db/queries/assisted';
import { requestContext } from '@/lib/auth/request-context';
import { getActor } from '@/lib/auth/session';
import { findCommentSubject } from '@/lib/comments/subject';
import { commentSection } from '@/lib/comments/views';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { findProject, projectSubject } from '@/lib/projects/load';
import { mayViewProject } from '@/lib/projects/readers';
import { ANSWER_TRANSITIONS, effectiveStatus } from '@/lib/projects/status';
import { supportSplits } from '@/lib/projects/support-split';
import { idParam } from '@/lib/validation';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadVisibleProject(id: string) {
  const projectId = idParam.safeParse(id);
  if (!projectId.success) return null;
  const db = getDb();
  const project = findProject(db, projectId.data);
  if (!project) return null;
  const actor = await getActor();
  if (!mayViewProject(db, actor, project)) return null;
  return { actor, projectId: project.id };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  const loaded = await loadVisibleProject(id);
  if (!loaded) return {};
  const view = getProjectView(getDb(), loaded.projectId)!;
  return {
    title: view.project.title,
    description: view.project.problem.slice(0, 200),
    alternates: { languages: { fr: `/projects/${view.project.id}`, en: `/en/projects/${view.project.id}` }, canonical: localePath(locale, `/projects/${view.project.id}`) },
  };
}

const NOTICES = ['saved', 'submitted', 'held', 'edited', 'supported', 'unsupported', 'withdrawn', 'answered', 'progress', 'posted', 'deleted', 'reported', 'appealed'] as const;

export default async function ProjectPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const loaded = await loadVisibleProject(id);
  if (!loaded) notFound();
  const { actor } = loaded;
  const db = getDb();
  const now = new Date();
  const view = getProjectView(db, loaded.projectId)!;
  const { project } = view;
  const status = effectiveStatus(project, now);
  const subject = projectSubject(db, project, now);
  const sp = await searchParams;
  const t = await getTranslations('Project');
  const thidden = await getTranslations('Hidden');
  const treport = await getTranslations('Report');
  const tn = await getTranslations('ProjectNotices');
  const tst = await getTranslations('ProjectStatuses');
  const ts = await getTranslations('Sectors');
  const tb = await getTranslations('Beneficiaries');
  const tg = await getTranslations('Genders');
  const tt = await getTranslations('Topic');
  const te = await getTranslations('Errors');
  const tcommon = await getTranslations('Common');
  const format = await getFormatter();
  const fmt = (iso: string) => format.dateTime(new Date(iso), 'long');
  const fmtDay = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const fcfa = (n: number) => t('fcfa', { amount: format.number(n) });
  const href = (p: string) => localePath(locale, p);

  const coProposers = coProposersOf(db, project.id);
  const accepted = coProposers.filter((c) => c.status === 'accepted');
  // Only the proposer, who typed them, sees the numbers and addresses invited; a name shows once its owner accepts.
  const pending = actor?.id === project.authorId ? pendingInvitationsOf(db, project.id) : [];
  const timeline = projectTimeline(db, project.id);
  const updates = progressUpdatesOf(db, project.id);
  const revisions = projectRevisionList(db, project.id);
  const supported = actor ? hasSupported(db, project.id, actor.id) : false;
  const maySupport = !supported && can(actor, 'project.support', subject);
  const mayUnsupport = supported && can(actor, 'project.unsupport', subject);
  const internal = can(actor, 'project.viewInternal', { communeId: project.communeId });
  const demo = internal && project.status !== 'draft' ? supportSplits(db, project, now) : null;
  const mayAnswer = can(actor, 'project.answer', subject);
  const mayPost = can(actor, 'project.postProgress', subject);
  const commentSubject = findCommentSubject(db, { kind: 'project', id: project.id }, now)!;
  const discussion = commentSubject.phase;
  const isPublic = commentSubject.isPublic;
  const assistedAt = assistedSpaceOf(db, 'project', project.id);
  const comments = isPublic ? commentSection(await requestContext(), commentSubject, sp) : null;

  const notices = NOTICES.filter((k) => sp[k]).map((k) => tn(k));
  const errorKey = typeof sp.error === 'string' ? sp.error : null;
  const error = errorKey ? (errorKey === 'not_found' ? te('notFound') : te.has(errorKey) ? te(errorKey) : te('invalid')) : null;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="projectId" value={project.id} />
    </>
  );
  const answerOptions = (ANSWER_TRANSITIONS[status] ?? []).map((s) => ({ value: s, label: tst(s) }));

  return (
    <div className="space-y-8">
      <p>
        <a href={href('/projects')}>← {t('backToList')}</a>
      </p>
      {notices.map((n) => (
        <p key={n} role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{n}</p>
      ))}
      {error ? <p id="project-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{error}</p> : null}
      {project.visibility === 'held' ? <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">{t('heldNotice')}</p> : null}
      {project.status === 'draft' ? <p className="rounded border-l-4 border-stone-700 bg-stone-100 p-3">{t('draftNotice')}</p> : null}

      <header className="space-y-2">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <ProjectStatusBadge status={status} />
          <span>{ts(project.sector)}</span>
          <span aria-hidden="true">·</span>
          <a href={href(`/projects?commune=${project.communeId}`)}>{view.commune}</a>
        </p>
        <h1 className="text-3xl font-extrabold break-words">{project.title}</h1>
        <p id="proposers">
          {project.onBehalfOf ? t('proposedByFor', { name: view.authorName, group: project.onBehalfOf }) : t('proposedBy', { name: view.authorName })}
          {accepted.length ? ` ${t('withCoProposers', { names: accepted.map((c) => c.name).join(', ') })}` : ''}
        </p>
        {assistedAt ? (
          <p id="project-assisted" className="text-sm">
            <AssistedBadge space={assistedAt} />
          </p>
        ) : null}
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t('location')}</dt>
          <dd>{project.location || '—'}</dd>
          <dt className="font-semibold">{t('estimatedCost')}</dt>
          <dd>{project.estimatedCost != null ? fcfa(project.estimatedCost) : t('notGiven')}</dd>
          <dt className="font-semibold">{t('beneficiaries')}</dt>
          <dd>{project.beneficiaries.length ? project.beneficiaries.map((b) => tb(b)).join(', ') : '—'}</dd>
        </dl>
        {pending.length > 0 ? (
          <p id="invitations-sent" className="text-sm">{t('invitationsSent', { identifiers: pending.join(', ') })}</p>
        ) : null}
        <p className="flex flex-wrap gap-4">
          {can(actor, 'project.edit', subject) ? (
            <a href={href(`/projects/${project.id}/edit`)} className="font-semibold">{t('edit')}</a>
          ) : null}
          {revisions.length > 0 ? <a href={href(`/projects/${project.id}/revisions`)}>{t('revisions', { count: revisions.length })}</a> : null}
        </p>
        {can(actor, 'project.submit', subject) ? (
          <form action={submitProjectAction} id="submit-project-form">
            {hidden}
            <button type="submit" className="min-h-11 rounded bg-teal-800 px-5 font-semibold text-white">{t('submit')}</button>
          </form>
        ) : null}
      </header>

      <section aria-labelledby="problem-title">
        <h2 id="problem-title" className="mb-1 text-xl font-bold">{t('problem')}</h2>
        <p className="whitespace-pre-line break-words">{project.problem || '—'}</p>
      </section>
      <section aria-labelledby="solution-title">
        <h2 id="solution-title" className="mb-1 text-xl font-bold">{t('solution')}</h2>
        <p className="whitespace-pre-line break-words">{project.solution || '—'}</p>
      </section>

      {project.status !== 'draft' ? (
        <section aria-labelledby="supports-title" id="supports">
          <h2 id="supports-title" className="mb-2 text-xl font-bold">{t('supports')}</h2>
          <SupportBar id="support-bar" count={project.supportCount} threshold={project.threshold} />
          {status === 'collecting' && project.collectionEndsAt ? <p className="mt-1 text-sm">{t('collectingUntil', { date: fmt(project.collectionEndsAt) })}</p> : null}
          {status === 'expired' ? <p className="mt-1 text-sm font-semibold">{t('expiredNote')}</p> : null}
          {supported ? <p className="mt-2 font-semibold">{t('youSupport')}</p> : null}
          {maySupport || mayUnsupport ? (
            <form action={supportProjectAction} id="support-form" className="mt-2">
              {hidden}
              <input type="hidden" name="intent" value={supported ? 'remove' : 'add'} />
              <button
                type="submit"
                className={supported ? 'min-h-11 rounded border-2 border-stone-700 px-4 font-semibold' : 'min-h-11 rounded bg-teal-800 px-5 font-semibold text-white'}
              >
                {supported ? t('unsupport') : t('support')}
              </button>
            </form>
          ) : !actor && status === 'collecting' ? (
            <p className="mt-2">
              <a href={href('/login')}>{t('signInToSupport')}</a>
            </p>
          ) : null}
          {can(actor, 'project.withdraw', subject) ? (
            <details className="mt-3">
              <summary className="min-h-11 cursor-pointer py-2 text-red-900">{t('withdraw')}</summary>
              <form action={withdrawProjectAction} id="withdraw-form">
                {hidden}
                <p className="mb-2 text-sm">{t('withdrawExplained')}</p>
                <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-3 font-semibold text-red-900">{t('withdrawConfirm')}</button>
              </form>
            </details>
          ) : null}
          {demo ? (
            <div className="mt-4 rounded border border-stone-300 p-3" id="supporters-demographics">
              <h3 className="mb-1 font-bold">{t('demographics')}</h3>
              <p className="mb-2 text-sm">{tt('demographicsNote')}</p>
              <DemographicTable
                id="supporters-by-gender"
                title={tt('byGender')}
                choices={[{ key: 'support', label: t('supportsColumn') }]}
                split={demo.byGender}
                groupLabel={(g) => (g === 'unknown' ? tt('genderUnknown') : tg(g as 'woman'))}
                withheld={tt('supportsWithheld')}
              />
              <DemographicTable
                id="supporters-by-age"
                title={tt('byAge')}
                choices={[{ key: 'support', label: t('supportsColumn') }]}
                split={demo.byAge}
                groupLabel={(g) => (g === 'unknown' ? tt('ageUnknown') : g)}
                withheld={tt('supportsWithheld')}
              />
            </div>
          ) : null}
        </section>
      ) : null}

      {project.answer || mayAnswer ? (
        <section aria-labelledby="answer" id="answer-section" className="rounded border-2 border-teal-800 bg-teal-50 p-4">
          <h2 id="answer" className="mb-1 text-xl font-bold">{t('answer')}</h2>
          {project.answer ? (
            <>
              <p className="mb-2 text-sm">
                {t('answeredBy', { name: view.answeredByName ?? '—', date: project.answeredAt ? fmt(project.answeredAt) : '' })}
              </p>
              <p id="answer-text" className="whitespace-pre-line break-words">{project.answer}</p>
            </>
          ) : null}
          {mayAnswer && answerOptions.length ? (
            <div className="mt-4 rounded bg-white p-3">
              <h3 className="mb-2 font-bold">{t('answerForm')}</h3>
              <ActionForm action={answerProjectAction} id="answer-form" fieldPrefix="answer">
                <Hidden name="locale" value={locale} />
                <Hidden name="projectId" value={String(project.id)} />
                <SelectField name="status" label={t('newStatus')} options={answerOptions} required requiredMark={tcommon('required')} />
                <TextArea name="answer" label={t('answerText')} hint={t('answerHint')} rows={5} maxLength={10000} />
                <SubmitButton pendingLabel={tcommon('sending')}>{t('answerSubmit')}</SubmitButton>
              </ActionForm>
            </div>
          ) : null}
        </section>
      ) : null}

      {updates.length || mayPost ? (
        <section aria-labelledby="progress-title" id="progress">
          <h2 id="progress-title" className="mb-2 text-xl font-bold">{t('implementation')}</h2>
          <p className="mb-2 font-semibold">{t('progressNow', { percent: project.progressPercent })}</p>
          <div aria-hidden="true" className="mb-3 h-3 w-full overflow-hidden rounded bg-stone-200">
            <div className="h-3 rounded bg-indigo-700" style={{ width: `${project.progressPercent}%` }} />
          </div>
          {updates.length === 0 ? <p>{t('noUpdates')}</p> : null}
          <ol className="space-y-3 border-l-4 border-indigo-700 pl-4" id="progress-timeline">
            {updates.map((u) => (
              <li key={u.id} id={`update-${u.id}`}>
                <p className="text-sm font-semibold">
                  {fmtDay(u.happenedOn)} — {t('percentDone', { percent: u.percent })}
                  {u.amountSpent != null ? ` — ${t('spent', { amount: fcfa(u.amountSpent) })}` : ''}
                </p>
                {u.visibility === 'hidden' ? (
                  <p className="rounded bg-stone-100 p-2 text-sm font-semibold text-stone-800">
                    {u.hiddenReason?.startsWith('report:')
                      ? thidden('byReports', { reason: treport(u.hiddenReason.slice(7) as 'spam') })
                      : thidden('byModeration', { reason: u.hiddenReason ?? '' })}
                  </p>
                ) : (
                  <p className="whitespace-pre-line break-words">{u.body}</p>
                )}
                <p className="text-sm text-stone-700">{t('postedBy', { name: u.author })}</p>
                {u.visibility === 'visible' && actor && actor.id !== u.authorId ? (
                  <ReportForm locale={locale} contentType="update" contentId={u.id} next={`${localePath(locale, `/projects/${project.id}`)}#update-${u.id}`} />
                ) : null}
              </li>
            ))}
          </ol>
          {mayPost ? (
            <div className="mt-4 rounded border border-stone-300 bg-white p-3">
              <h3 className="mb-2 font-bold">{t('progressForm')}</h3>
              <ActionForm action={postProgressAction} id="progress-form" fieldPrefix="progress">
                <Hidden name="locale" value={locale} />
                <Hidden name="projectId" value={String(project.id)} />
                <TextArea name="body" label={t('progressText')} rows={4} maxLength={5000} required requiredMark={tcommon('required')} />
                <div className="grid gap-x-4 sm:grid-cols-3">
                  <TextField name="percent" label={t('percent')} hint={t('percentHint')} inputMode="numeric" maxLength={4} required requiredMark={tcommon('required')} />
                  <TextField name="happenedOn" type="date" label={t('happenedOn')} defaultValue={now.toISOString().slice(0, 10)} required requiredMark={tcommon('required')} />
                  <TextField name="amountSpent" label={t('amountSpent')} hint={t('amountSpentHint')} inputMode="numeric" maxLength={20} />
                </div>
                <SubmitButton pendingLabel={tcommon('sending')}>{t('progressSubmit')}</SubmitButton>
              </ActionForm>
            </div>
          ) : null}
        </section>
      ) : null}

      {project.status !== 'draft' ? <MeetingsSection subject={{ projectId: project.id }} locale={locale} now={now} /> : null}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-2 text-xl font-bold">{t('timeline')}</h2>
        <ol className="space-y-1 border-l-4 border-teal-700 pl-4" id="status-timeline">
          {timeline.map((step, i) => (
            <li key={i}>
              <strong>{tst(step.toStatus)}</strong> — {fmt(step.createdAt)}
              {step.actorId === null ? ` (${t('timelineSystem')})` : step.actor ? ` (${step.actor})` : ''}
            </li>
          ))}
        </ol>
      </section>

      {comments ? (
        <CommentSection section={comments} locale={locale} closed={discussion === 'closed' ? <p className="mb-3 font-semibold">{t('discussionClosed')}</p> : null} />
      ) : null}
    </div>
  );
}
