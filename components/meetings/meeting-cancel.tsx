import { getTranslations } from 'next-intl/server';
import { cancelMeetingAction } from '@/app/actions/meetings';
import { PostForm } from '@/components/forms/post-form';

/** Cancelling a meeting before it starts (those who run it): the registered are told. */
export async function MeetingCancel({ meetingId, locale }: { meetingId: number; locale: string }) {
  const t = await getTranslations('Meetings');
  return (
    <section aria-labelledby="cancel-title" className="rounded border border-red-300 bg-red-50 p-3">
      <h2 id="cancel-title" className="mb-2 text-lg font-bold">{t('cancelTitle')}</h2>
      <p className="mb-2 text-sm">{t('cancelNote')}</p>
      <PostForm action={cancelMeetingAction} id="cancel-meeting-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="meetingId" value={String(meetingId)} />
        <button type="submit" className="min-h-11 rounded border-2 border-red-800 bg-white px-4 font-semibold text-red-900">{t('cancel')}</button>
      </PostForm>
    </section>
  );
}
