import { getTranslations } from 'next-intl/server';
import { registerForMeetingAction } from '@/app/actions/meetings';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { MeetingPageView } from '@/lib/meetings/views';
import { PostForm } from '@/components/forms/post-form';

/** How many registered, and the button to register or take one's place back (until the meeting starts). */
export async function MeetingRegistration({ view, locale }: { view: MeetingPageView; locale: Locale }) {
  const t = await getTranslations('Meetings');
  const { registered } = view.registration;
  return (
    <section aria-labelledby="registration-title" id="registration">
      <h2 id="registration-title" className="mb-2 text-xl font-bold">{t('registration')}</h2>
      <p className="mb-2 text-lg font-semibold" id="registration-count">{t('registrations', { count: view.meeting.registrationCount })}</p>
      {view.cancelled ? (
        <p>{t('registrationCancelled')}</p>
      ) : view.started ? (
        <p>{t('registrationClosed')}</p>
      ) : !view.registration.signedIn ? (
        <p>
          <a href={localePath(locale, '/login')}>{t('signInToRegister')}</a>
        </p>
      ) : (
        <PostForm action={registerForMeetingAction} id="registration-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="meetingId" value={String(view.meeting.id)} />
          <input type="hidden" name="intent" value={registered ? 'unregister' : 'register'} />
          {registered ? <p className="mb-2">{t('youAreRegistered')}</p> : null}
          <button type="submit" className={registered ? 'min-h-11 rounded border-2 border-teal-800 px-4 font-semibold text-teal-900' : 'min-h-11 rounded bg-teal-800 px-4 font-semibold text-white'}>
            {registered ? t('unregister') : t('register')}
          </button>
        </PostForm>
      )}
    </section>
  );
}
