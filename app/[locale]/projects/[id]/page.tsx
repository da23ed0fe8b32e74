import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { MeetingsSection } from '@/components/meetings/meetings-section';
import { ProjectAnswer } from '@/components/projects/project-answer';
import { ProjectComments } from '@/components/projects/project-comments';
import { ProjectDescription } from '@/components/projects/project-description';
import { ProjectVoice } from '@/components/projects/project-voice';
import { ProjectHeader } from '@/components/projects/project-header';
import { ProjectProgress } from '@/components/projects/project-progress';
import { ProjectSupports } from '@/components/projects/project-supports';
import { ProjectTimeline } from '@/components/projects/project-timeline';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { projectPage } from '@/lib/projects/project-page';
import { projectMetadata } from '@/lib/projects/views';

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale } = await params;
  const meta = projectMetadata(await requestContext(), { id });
  if (!meta) return {};
  return {
    title: meta.title,
    description: meta.description,
    alternates: { languages: { fr: `/projects/${meta.id}`, en: `/en/projects/${meta.id}` }, canonical: localePath(locale, `/projects/${meta.id}`) },
  };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const ctx = await requestContext();
  const view = projectPage(ctx, { id, sp: await searchParams });
  if (!view) notFound();
  const { project } = view;
  const t = await getTranslations('Project');
  const tn = await getTranslations('ProjectNotices');
  const te = await getTranslations('Errors');
  const error = view.error ? (te.has(view.error) ? te(view.error) : te('invalid')) : null;

  return (
    <div className="space-y-8">
      <p>
        <a href={localePath(locale, '/projects')}>← {t('backToList')}</a>
      </p>
      {view.notices.map((n) => (
        <Notice key={n} tone="success">{tn(n)}</Notice>
      ))}
      {error ? <Notice tone="error" id="project-error">{error}</Notice> : null}
      {project.held ? <Notice tone="warning">{t('heldNotice')}</Notice> : null}
      {project.draft ? <Notice tone="info">{t('draftNotice')}</Notice> : null}

      <ProjectHeader header={view.header} locale={locale} />
      <ProjectDescription problem={project.problem} solution={project.solution} />
      <ProjectVoice projectId={project.id} voice={view.voice} locale={locale} />
      {view.supports ? <ProjectSupports projectId={project.id} supports={view.supports} locale={locale} /> : null}
      {view.answer ? <ProjectAnswer projectId={project.id} answer={view.answer} locale={locale} /> : null}
      {view.progress ? <ProjectProgress projectId={project.id} progress={view.progress} locale={locale} /> : null}
      {view.meetings ? <MeetingsSection section={view.meetings} locale={locale} /> : null}
      <ProjectTimeline steps={view.timeline} />
      {view.comments ? <ProjectComments comments={view.comments} locale={locale} /> : null}
    </div>
  );
}
