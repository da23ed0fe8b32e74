import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { markSharedDeviceAction, unmarkSharedDeviceAction } from '@/app/actions/shared-devices';
import { ActionForm, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { Notice } from '@/components/ui/notice';
import { requestContext } from '@/lib/auth/request-context';
import { sharedDeviceToken } from '@/lib/auth/session';
import { localePath, type Locale } from '@/lib/i18n/config';
import { sharedDevicePage } from '@/lib/spaces/views';
import { PostForm } from '@/components/forms/post-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('SharedDevice');
  return { title: t('title'), robots: { index: false } };
}

/** A space's shared computers: mark this browser as one, or unmark one (facilitators of the space, admins). */
export default async function SharedDevicePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const view = sharedDevicePage(await requestContext(), { slug, deviceToken: await sharedDeviceToken() });
  if (!view) notFound();
  if ('refused' in view) {
    if (view.refused === 'signIn') redirect(localePath(locale, '/login'));
    forbidden();
  }
  const { space, thisBrowser } = view;
  const sp = await searchParams;
  const t = await getTranslations('SharedDevice');
  const tc = await getTranslations('Common');
  const te = await getTranslations('Errors');
  const format = await getFormatter();
  const thisId = thisBrowser.marked ? thisBrowser.deviceId : null;

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <a href={localePath(locale, `/spaces/${space.slug}`)}>← {space.name}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {sp.unmarked ? <Notice tone="success">{t('unmarked')}</Notice> : null}
      {sp.error ? (
        <Notice tone="error" id="device-error">
          {sp.error === 'forbidden' ? te('forbidden') : te('notFound')}
        </Notice>
      ) : null}
      <section aria-labelledby="what" className="space-y-2">
        <h2 id="what" className="text-xl font-bold">{t('whatTitle')}</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t('what1', { minutes: view.idleMinutes })}</li>
          <li>{t('what2')}</li>
          <li>{t('what3')}</li>
        </ul>
      </section>

      <section aria-labelledby="this-browser" className="rounded border-2 border-teal-800 bg-white p-4">
        <h2 id="this-browser" className="mb-2 text-xl font-bold">{t('thisBrowser')}</h2>
        {thisBrowser.marked ? (
          <p id="device-status">{thisBrowser.here ? t('isShared', { space: space.name, label: thisBrowser.label || t('noLabel') }) : t('isSharedElsewhere')}</p>
        ) : (
          <>
            <p id="device-status" className="mb-3">{t('notShared')}</p>
            <ActionForm action={markSharedDeviceAction} id="mark-device-form">
              <Hidden name="locale" value={locale} />
              <Hidden name="spaceId" value={String(space.id)} />
              <TextField name="label" label={t('label')} hint={t('labelHint')} maxLength={60} autoComplete="off" />
              <p className="mb-3 text-sm">{t('markNote')}</p>
              <SubmitButton pendingLabel={tc('sending')}>{t('mark')}</SubmitButton>
            </ActionForm>
          </>
        )}
      </section>

      <section aria-labelledby="devices-title">
        <h2 id="devices-title" className="mb-2 text-xl font-bold">{t('listTitle', { space: space.name })}</h2>
        {view.devices.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="space-y-3" id="shared-devices">
            {view.devices.map((d) => (
              <li key={d.id} className="rounded border border-stone-300 bg-white p-3">
                <p className="font-semibold">
                  {d.label || t('noLabel')}
                  {thisId === d.id ? <span className="ml-2 rounded bg-teal-800 px-2 py-0.5 text-sm text-white">{t('thisOne')}</span> : null}
                </p>
                <p className="text-sm">{t('markedBy', { name: d.markedBy, date: format.dateTime(new Date(d.createdAt), 'long') })}</p>
                <p className="text-sm">{t('openSessions', { count: d.openSessions })}</p>
                <PostForm action={unmarkSharedDeviceAction} className="mt-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="space" value={space.slug} />
                  <input type="hidden" name="deviceId" value={String(d.id)} />
                  <button type="submit" className="min-h-11 rounded border-2 border-red-800 px-4 font-semibold text-red-900">
                    {thisId === d.id ? t('unmarkThis') : t('unmark')}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
