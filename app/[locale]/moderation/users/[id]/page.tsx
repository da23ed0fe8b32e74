import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { ModerationNav } from '@/components/moderation/moderation-nav';
import { SanctionForms } from '@/components/moderation/sanction-forms';
import { Notice } from '@/components/ui/notice';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';
import { moderationUserPage, type ModerationUserPage } from '@/lib/moderation/views';

export async function generateMetadata(): Promise<Metadata> {
  return { robots: { index: false } };
}

export default async function ModerationUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view = moderationUserPage(await signedInContext(locale), { id });
  if (!view) notFound();
  if ('forbidden' in view) forbidden();
  const sp = await searchParams;
  const t = await getTranslations('Moderation');

  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">{t('userTitle', { name: view.user.displayName })}</h1>
      <ModerationNav locale={locale} mayConfigure={view.mayConfigure} />
      {sp.warned ? <Notice tone="success">{t('warned')}</Notice> : null}
      {sp.suspended ? <Notice tone="success">{t('suspended')}</Notice> : null}
      <SanctionsList view={view} />
      {view.adminsOnly ? <Notice tone="warning">{t('sanctionAdminsOnlyNotice')}</Notice> : null}
      {view.maySanction ? (
        <SanctionForms locale={locale} view={view} about={typeof sp.about === 'string' ? sp.about : undefined} next={localePath(locale, `/moderation/users/${view.user.id}`)} />
      ) : null}
      <UserContent locale={locale} view={view} />
    </div>
  );
}

/** The warnings and suspensions this person was given in this moderator's communes. */
async function SanctionsList({ view }: { view: ModerationUserPage }) {
  const t = await getTranslations('Moderation');
  const format = await getFormatter();
  return (
    <section aria-labelledby="sanctions">
      <h2 id="sanctions" className="mb-2 text-xl font-bold">
        {t('userSanctions')}
      </h2>
      {view.sanctions.length === 0 ? <p>{t('noSanctions')}</p> : null}
      <ul className="space-y-1">
        {view.sanctions.map((s) => (
          <li key={s.id}>
            <strong>{s.kind === 'warning' ? t('sanctionWarning') : t('sanctionSuspension')}</strong> — {format.dateTime(new Date(s.createdAt), 'short')} — {s.reason}
            {s.kind === 'suspension' ? ` (${s.until ? t('until', { date: format.dateTime(new Date(s.until), 'long') }) : t('permanent')}${s.lifted ? `, ${t('lifted')}` : ''})` : ''} — {t('by', { name: s.moderator })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Their latest comments, in any state, and the moderation records of their contributions. */
async function UserContent({ locale, view }: { locale: Locale; view: ModerationUserPage }) {
  const t = await getTranslations('Moderation');
  const format = await getFormatter();
  const stateLabel = (v: string) => (v === 'held' ? t('stateHeld') : v === 'hidden' ? t('stateHidden') : t('stateVisible'));
  return (
    <section aria-labelledby="content">
      <h2 id="content" className="mb-2 text-xl font-bold">
        {t('userContent')}
      </h2>
      <ul className="space-y-2">
        {view.recent.map((c) => (
          <li key={c.id} className="rounded border border-stone-300 bg-white p-2 text-sm">
            <span className="font-semibold">{stateLabel(c.visibility)}</span> — {format.dateTime(new Date(c.createdAt), 'short')} — <a href={localePath(locale, c.path)}>{t('open')}</a>
            <p className="whitespace-pre-line break-words">{c.body}</p>
          </li>
        ))}
      </ul>
      {view.records.length ? (
        <p className="mt-2 text-sm">
          {view.records.map((m) => `${m.contentType} #${m.contentId}: ${stateLabel(m.state)}${m.outcome ? ` (${t(`outcome_${m.outcome}`)})` : ''}`).join(' · ')}
        </p>
      ) : null}
    </section>
  );
}
