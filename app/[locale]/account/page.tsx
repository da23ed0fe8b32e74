import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import {
  changePasswordAction,
  endOtherSessionsAction,
  endSessionAction,
  signOutEverywhereAction,
  updateProfileAction,
} from '@/app/actions/account';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { ProfileFields } from '@/components/forms/profile-fields';
import { getDb } from '@/db/client';
import { listCommunes } from '@/db/queries/geography';
import { activeGrants, getProfile } from '@/db/queries/users';
import { AppealForm } from '@/components/moderation/appeal-form';
import { appealOf } from '@/db/queries/moderation';
import { activeSuspension } from '@/lib/moderation/sanctions';
import { listSessions } from '@/lib/accounts/sessions';
import { getActor } from '@/lib/auth/session';
import { sessionRules } from '@/lib/env';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account');
  return { title: t('title'), robots: { index: false } };
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, '/login'));
  const db = getDb();
  const profile = getProfile(db, actor.id);
  if (!profile) redirect(localePath(locale, '/login'));
  const sp = await searchParams;
  // Right after signing in, a participant still holding the PIN of their slip is offered to choose their own.
  if (profile.pinChoicePending && sp.signedin) redirect(localePath(locale, '/account/pin'));
  const t = await getTranslations('Account');
  const ta = await getTranslations('Auth');
  const tc = await getTranslations('Common');
  const tr = await getTranslations('Roles');
  const format = await getFormatter();
  const grants = activeGrants(db, actor.id);
  const suspension = activeSuspension(db, actor.id);
  const suspensionAppeal = suspension?.sanction ? appealOf(db, { sanctionId: suspension.sanction.id }) : undefined;
  const tsu = await getTranslations('Suspension');
  const th = await getTranslations('Hidden');
  const tas = await getTranslations('Assisted');
  const openSessions = listSessions(db, actor.id, actor.sessionHash ?? null, sessionRules());
  const others = openSessions.filter((s) => !s.current).length;
  const sessionsNotice = sp.sessions === 'ended' ? t('sessionEnded') : sp.sessions === 'others' ? t('othersEnded') : null;
  const isParticipant = !!profile.participantCode;

  return (
    <div className="max-w-xl space-y-10">
      <div>
        <h1 className="mb-2 text-2xl font-bold">{t('title')}</h1>
        {sp.welcome ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {ta('registered')}
          </p>
        ) : null}
        {suspension ? (
          <section aria-labelledby="suspension" className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
            <h2 id="suspension" className="font-bold">{tsu('title')}</h2>
            <p>
              {tsu('body', {
                until: suspension.permanent ? tsu('forever') : tsu('untilDate', { date: format.dateTime(new Date(suspension.until), 'long') }),
                reason: suspension.sanction?.reason ?? '—',
              })}
            </p>
            {suspension.sanction ? (
              suspensionAppeal ? (
                <p className="mt-2 font-semibold">{suspensionAppeal.state === 'pending' ? th('appealPending') : th('appealDone')}</p>
              ) : (
                <AppealForm locale={locale} sanctionId={suspension.sanction.id} next={localePath(locale, '/account')} />
              )
            ) : null}
          </section>
        ) : null}
        {sp.pin === 'changed' ? (
          <p role="status" className="mt-3 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t('pinChanged')}
          </p>
        ) : null}
        {sp.appealed ? (
          <p role="status" className="mt-3 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {th('appealSent')}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="roles">
        <h2 id="roles" className="mb-2 text-xl font-bold">
          {t('rolesTitle')}
        </h2>
        <ul className="list-disc pl-6">
          <li>{tr('citizen')}</li>
          {grants.map((g) => (
            <li key={g.id}>
              {tr(g.role)}
              {g.title ? ` — ${g.title}` : ''}
              {g.commune ? ` (${g.commune})` : ''}
              {g.space ? ` (${g.space})` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="assisted">
        <h2 id="assisted" className="mb-2 text-xl font-bold">
          {tas('accountTitle')}
        </h2>
        <p className="mb-2">{tas('accountIntro')}</p>
        <a href={localePath(locale, '/account/assisted')} id="assisted-link">{tas('accountLink')}</a>
      </section>

      <section aria-labelledby="profile">
        <h2 id="profile" className="mb-3 text-xl font-bold">
          {t('profile')}
        </h2>
        <ActionForm action={updateProfileAction} id="profile-form">
          <Hidden name="locale" value={locale} />
          <ProfileFields
            communes={listCommunes(db)}
            values={{
              displayName: profile.displayName,
              phone: profile.phone ?? '',
              email: profile.email ?? '',
              communeId: String(profile.communeId),
              gender: profile.gender ?? '',
              birthYear: profile.birthYear ? String(profile.birthYear) : '',
              language: profile.language,
            }}
          />
          <TextField
            name="currentSecret"
            type="password"
            label={isParticipant ? t('currentSecretPin') : t('currentSecret')}
            hint={t('currentSecretHint')}
            autoComplete="current-password"
            maxLength={128}
          />
          <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
        </ActionForm>
      </section>

      {isParticipant ? (
        <section aria-labelledby="password">
          <h2 id="password" className="mb-2 text-xl font-bold">
            {t('pinTitle')}
          </h2>
          <p className="mb-2">{t('pinIntro')}</p>
          <a href={localePath(locale, '/account/pin')} id="pin-link">
            {t('pinLink')}
          </a>
        </section>
      ) : (
        <section aria-labelledby="password">
          <h2 id="password" className="mb-3 text-xl font-bold">
            {t('passwordTitle')}
          </h2>
          <ActionForm action={changePasswordAction} id="password-form">
            <Hidden name="locale" value={locale} />
            <TextField name="currentPassword" type="password" label={t('currentPassword')} required requiredMark={tc('required')} autoComplete="current-password" maxLength={128} />
            <TextField name="newPassword" type="password" label={t('newPassword')} hint={ta('passwordHint')} required requiredMark={tc('required')} autoComplete="new-password" maxLength={128} />
            <SubmitButton pendingLabel={tc('saving')}>{t('submitPassword')}</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="sessions">
        <h2 id="sessions" className="mb-2 text-xl font-bold">
          {t('sessionsTitle')}
        </h2>
        {sessionsNotice ? (
          <p role="status" className="mb-3 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {sessionsNotice}
          </p>
        ) : null}
        {sp.sessions === 'error' ? (
          <p id="sessions-error" role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {t('sessionEndFailed')}
          </p>
        ) : null}
        <p className="mb-3">{t('sessionsList')}</p>
        <ul id="session-list" className="mb-4 divide-y divide-stone-300 rounded border border-stone-300 bg-white">
          {openSessions.map((s) => (
            <li key={s.idHash} className="flex flex-wrap items-center justify-between gap-2 p-3" data-current={s.current ? 'true' : undefined}>
              <div>
                <p className="font-semibold">
                  {s.deviceLabel || t('unknownDevice')}
                  {s.shared ? ` — ${t('sharedDevice')}` : ''}
                  {s.current ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t('thisDevice')}</span> : null}
                </p>
                <p className="text-sm text-stone-700">
                  {t('lastSeen', { date: format.dateTime(new Date(s.lastSeenAt), { dateStyle: 'medium', timeStyle: 'short' }) })} ·{' '}
                  {t('signedInOn', { date: format.dateTime(new Date(s.createdAt), { dateStyle: 'medium' }) })}
                  {s.ipPrefix ? <span className="session-network"> · {t('network', { network: s.ipPrefix })}</span> : null}
                </p>
              </div>
              {s.current ? null : (
                <form action={endSessionAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="session" value={s.idHash} />
                  <button type="submit" className="min-h-11 rounded border-2 border-stone-700 px-3 font-semibold" aria-label={t('endSessionOf', { device: s.deviceLabel || t('unknownDevice') })}>
                    {t('endSession')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {others > 0 ? (
          <form action={endOtherSessionsAction} id="end-others-form" className="mb-4">
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="min-h-11 rounded border-2 border-stone-700 px-4 font-semibold">
              {t('endOthers', { count: others })}
            </button>
          </form>
        ) : null}
        <p className="mb-3">{t('sessionsIntro')}</p>
        <form action={signOutEverywhereAction}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
            {t('signOutEverywhere')}
          </button>
        </form>
      </section>
    </div>
  );
}
