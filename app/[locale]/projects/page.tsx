import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProjectCard } from '@/components/projects/project-card';
import { ProjectInvitations } from '@/components/projects/project-invitations';
import { FilterSelect } from '@/components/ui/filter-select';
import { FilterForm, ListAction, ListPage, ListSection } from '@/components/ui/list-page';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { projectListPage } from '@/lib/projects/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Projects');
  return { title: t('title') };
}

export default async function ProjectsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = projectListPage(await requestContext(), await searchParams);
  const t = await getTranslations('Projects');
  const tsector = await getTranslations('Sectors');
  const tst = await getTranslations('ProjectStatuses');
  const tb = await getTranslations('Beneficiaries');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const href = (p: string) => localePath(locale, p);
  const f = view.filters;
  const pageHref = (page: number) => {
    const q = new URLSearchParams(view.filterQuery);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return href(`/projects${s ? `?${s}` : ''}`);
  };
  const card = (row: (typeof view.rows)[number]) => <ProjectCard project={row} href={href(`/projects/${row.id}`)} />;
  const sortLabels = { newest: t('sortNewest'), supported: t('sortSupported'), closest: t('sortClosest') };

  return (
    <ListPage
      title={t('title')}
      intro={t('intro')}
      action={view.mayCreate ? <ListAction href={href('/projects/new')}>{t('new')}</ListAction> : view.signInToPropose ? <a href={href('/login')}>{t('signInToPropose')}</a> : null}
      notices={
        <>
          {view.notice ? <Notice tone="success">{t(view.notice)}</Notice> : null}
          {view.error ? <Notice tone="error" id="projects-error">{te('invalid')}</Notice> : null}
        </>
      }
    >
      <ProjectInvitations invitations={view.invitations} locale={locale} />
      <ListSection titleId="mine-title" title={t('mine')} items={view.mine} itemKey={(r) => r.id} renderItem={card} empty={null} />
      <ListSection
        titleId="all-title"
        title={t('all')}
        before={
          <>
            <FilterForm label={t('filters')} submit={t('apply')}>
              <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tc('allCommunes')], ...view.options.communes.map((c) => [String(c.id), c.name] as const)]} />
              <FilterSelect name="sector" label={t('sector')} value={f.sector ?? ''} options={[['', t('allSectors')], ...view.options.sectors.map((s) => [s, tsector(s)] as const)]} />
              <FilterSelect name="status" label={t('status')} value={f.status ?? ''} options={[['', t('allStatuses')], ...view.options.statuses.map((s) => [s, tst(s)] as const)]} />
              <FilterSelect name="beneficiary" label={t('beneficiary')} value={f.beneficiary ?? ''} options={[['', t('allBeneficiaries')], ...view.options.beneficiaries.map((b) => [b, tb(b)] as const)]} />
              <FilterSelect name="sort" label={t('sort')} value={f.sort} options={view.options.sorts.map((s) => [s, sortLabels[s]] as const)} />
            </FilterForm>
            <p role="status" className="font-semibold">{t('count', { count: view.total })}</p>
          </>
        }
        items={view.rows}
        itemKey={(r) => r.id}
        renderItem={card}
        empty={t('empty')}
        pagination={{ page: f.page, pages: view.pages, hrefFor: pageHref }}
      />
    </ListPage>
  );
}
