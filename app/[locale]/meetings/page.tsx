import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MeetingCard } from '@/components/meetings/meeting-card';
import { FilterSelect } from '@/components/ui/filter-select';
import { FilterForm, ListAction, ListPage, ListSection } from '@/components/ui/list-page';
import { requestContext } from '@/lib/auth/request-context';
import { localePath, type Locale } from '@/lib/i18n/config';
import { meetingListPage, type MeetingCardView } from '@/lib/meetings/views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Meetings');
  return { title: t('title') };
}

/** Public meetings at the connected spaces: the next ones, then past ones with their minutes. */
export default async function MeetingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = meetingListPage(await requestContext(), await searchParams);
  const t = await getTranslations('Meetings');
  const tc = await getTranslations('Common');
  const card = (m: MeetingCardView) => <MeetingCard meeting={m} locale={locale} />;

  return (
    <ListPage
      title={t('title')}
      intro={t('intro')}
      action={view.maySchedule ? <ListAction href={localePath(locale, '/meetings/new')}>{t('new')}</ListAction> : null}
      filter={
        <FilterForm label={t('filter')} submit={t('apply')}>
          <FilterSelect name="commune" label={t('commune')} value={view.communeId ? String(view.communeId) : ''} options={[['', tc('allCommunes')], ...view.communes.map((c) => [String(c.id), c.name] as const)]} />
        </FilterForm>
      }
    >
      <ListSection titleId="upcoming-title" title={t('upcoming')} items={view.upcoming} itemKey={(m) => m.id} renderItem={card} empty={t('noneUpcoming')} listId="meetings-upcoming" />
      <ListSection titleId="past-title" title={t('past')} items={view.past} itemKey={(m) => m.id} renderItem={card} empty={t('nonePast')} listId="meetings-past" />
    </ListPage>
  );
}
