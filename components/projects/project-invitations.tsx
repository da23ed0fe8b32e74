import { getTranslations } from 'next-intl/server';
import { respondInvitationAction } from '@/app/actions/projects';
import { localePath, type Locale } from '@/lib/i18n/config';
import type { ProjectListView } from '@/lib/projects/views';
import { PostForm } from '@/components/forms/post-form';

/** Invitations to co-propose a project, waiting for this person's answer (accept or decline). */
export async function ProjectInvitations({ invitations, locale }: { invitations: ProjectListView['invitations']; locale: Locale }) {
  if (invitations.length === 0) return null;
  const t = await getTranslations('Projects');
  return (
    <section id="invitations" aria-labelledby="invitations-title" className="rounded border-2 border-teal-700 bg-teal-50 p-3">
      <h2 id="invitations-title" className="mb-2 text-xl font-bold">{t('invitations')}</h2>
      <ul className="space-y-3">
        {invitations.map((inv) => (
          <li key={inv.projectId} id={`invitation-${inv.projectId}`} className="rounded bg-white p-3">
            <p className="mb-2">
              {t('invitationText', { name: inv.proposer })} <a href={localePath(locale, `/projects/${inv.projectId}`)} className="font-semibold">{inv.title}</a>
            </p>
            <div className="flex flex-wrap gap-3">
              {(['accept', 'decline'] as const).map((response) => (
                <PostForm key={response} action={respondInvitationAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="projectId" value={inv.projectId} />
                  <input type="hidden" name="response" value={response} />
                  <button
                    type="submit"
                    className={`min-h-11 rounded px-4 font-semibold ${response === 'accept' ? 'bg-teal-800 text-white' : 'border-2 border-stone-700 text-stone-900'}`}
                  >
                    {response === 'accept' ? t('accept') : t('decline')}
                  </button>
                </PostForm>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
