import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { respondInvitationAction } from '@/app/actions/projects';
import { ProjectCard } from '@/components/projects/project-card';
import { FilterSelect } from '@/components/ui/filter-select';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { listProjects, myProjects, pendingInvitations } from '@/db/queries/projects';
import { BENEFICIARIES, SECTORS } from '@/db/schema';
import { getActor } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { can } from '@/lib/permissions';
import { parseProjectListParams } from '@/lib/projects/list-params';
import { PUBLIC_PROJECT_STATUSES } from '@/lib/projects/status';

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
  const sp = await searchParams;
  const f = parseProjectListParams(sp);
  const db = getDb();
  const actor = await getActor();
  const now = new Date();
  const nowIso = now.toISOString();
  const result = listProjects(db, { ...f, nowIso });
  const communes = listCommunes(db);
  const mine = actor ? myProjects(db, actor.id, nowIso) : [];
  const invitations = actor ? pendingInvitations(db, actor.id) : [];
  const t = await getTranslations('Projects');
  const ts = await getTranslations('Sectors');
  const tst = await getTranslations('ProjectStatuses');
  const tb = await getTranslations('Beneficiaries');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const href = (p: string) => localePath(locale, p);
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (f.communeId) q.set('commune', String(f.communeId));
    if (f.sector) q.set('sector', f.sector);
    if (f.status) q.set('status', f.status);
    if (f.beneficiary) q.set('beneficiary', f.beneficiary);
    if (f.sort !== 'newest') q.set('sort', f.sort);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return href(`/projects${s ? `?${s}` : ''}`);
  };
  const notice = sp.invitation === 'accepted' ? t('invitationAccepted') : sp.invitation === 'declined' ? t('invitationDeclined') : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        {can(actor, 'project.create', undefined) ? (
          <a href={href('/projects/new')} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:text-white">
            {t('new')}
          </a>
        ) : !actor ? (
          <a href={href('/login')}>{t('signInToPropose')}</a>
        ) : null}
      </div>
      {notice ? <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{notice}</p> : null}
      {sp.error ? <p id="projects-error" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{te('invalid')}</p> : null}

      {invitations.length > 0 ? (
        <section id="invitations" aria-labelledby="invitations-title" className="rounded border-2 border-teal-700 bg-teal-50 p-3">
          <h2 id="invitations-title" className="mb-2 text-xl font-bold">{t('invitations')}</h2>
          <ul className="space-y-3">
            {invitations.map((inv) => (
              <li key={inv.projectId} id={`invitation-${inv.projectId}`} className="rounded bg-white p-3">
                <p className="mb-2">
                  {t('invitationText', { name: inv.proposer })} <a href={href(`/projects/${inv.projectId}`)} className="font-semibold">{inv.title}</a>
                </p>
                <div className="flex flex-wrap gap-3">
                  {(['accept', 'decline'] as const).map((response) => (
                    <form key={response} action={respondInvitationAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="projectId" value={inv.projectId} />
                      <input type="hidden" name="response" value={response} />
                      <button
                        type="submit"
                        className={`min-h-11 rounded px-4 font-semibold ${response === 'accept' ? 'bg-teal-800 text-white' : 'border-2 border-stone-700 text-stone-900'}`}
                      >
                        {response === 'accept' ? t('accept') : t('decline')}
                      </button>
                    </form>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {mine.length > 0 ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="mb-2 text-xl font-bold">{t('mine')}</h2>
          <ul className="space-y-3">
            {mine.map((row) => (
              <li key={row.id}>
                <ProjectCard project={row} href={href(`/projects/${row.id}`)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="all-title" className="space-y-4">
        <h2 id="all-title" className="text-xl font-bold">{t('all')}</h2>
        <form method="get" aria-label={t('filters')} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-3">
          <FilterSelect name="commune" label={t('commune')} value={f.communeId ? String(f.communeId) : ''} options={[['', tc('allCommunes')], ...communes.map((c) => [String(c.id), c.name] as const)]} />
          <FilterSelect name="sector" label={t('sector')} value={f.sector ?? ''} options={[['', t('allSectors')], ...SECTORS.map((s) => [s, ts(s)] as const)]} />
          <FilterSelect name="status" label={t('status')} value={f.status ?? ''} options={[['', t('allStatuses')], ...PUBLIC_PROJECT_STATUSES.map((s) => [s, tst(s)] as const)]} />
          <FilterSelect name="beneficiary" label={t('beneficiary')} value={f.beneficiary ?? ''} options={[['', t('allBeneficiaries')], ...BENEFICIARIES.map((b) => [b, tb(b)] as const)]} />
          <FilterSelect name="sort" label={t('sort')} value={f.sort} options={[['newest', t('sortNewest')], ['supported', t('sortSupported')], ['closest', t('sortClosest')]]} />
          <div className="flex items-end">
            <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{t('apply')}</button>
          </div>
        </form>
        <p role="status" className="font-semibold">{t('count', { count: result.total })}</p>
        {result.rows.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="space-y-3">
            {result.rows.map((row) => (
              <li key={row.id}>
                <ProjectCard project={row} href={href(`/projects/${row.id}`)} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={f.page} pages={result.pages} hrefFor={query} />
      </section>
    </div>
  );
}
