import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { assistAction } from '@/app/actions/facilitator';
import { AssistSpaceField, ConsentField, ParticipantField, PresenceField } from '@/components/facilitator/assist-form';
import { Hidden } from '@/components/forms/fields';
import { ProjectForm } from '@/components/projects/project-form';
import { assistProjectPage } from '@/lib/assisted/views';
import { signedInContext } from '@/lib/auth/signed-in';
import { localePath, type Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Facilitator');
  return { title: t('projectTitle'), robots: { index: false } };
}

export default async function AssistProjectPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const view = assistProjectPage(await signedInContext(locale));
  if ('forbidden' in view) forbidden();
  const t = await getTranslations('Facilitator');
  return (
    <div className="max-w-2xl space-y-4">
      <p>
        <a href={localePath(locale, '/facilitator/assist')}>← {t('assistTitle')}</a>
      </p>
      <h1 className="text-2xl font-bold">{t('projectTitle')}</h1>
      {view.defaultCommuneId === null ? (
        <p id="assist-not-facilitator">{t('assistOnlyFacilitators')}</p>
      ) : (
        <>
          <p>{t('projectIntro')}</p>
          <ProjectForm
            locale={locale}
            communes={view.communes}
            defaultCommuneId={view.defaultCommuneId}
            mayInvite={false}
            action={assistAction}
            formId="assist-project"
            submitLabel={t('projectSubmit')}
            header={
              <>
                <Hidden name="kind" value="project" />
                <AssistSpaceField spaces={view.spaces} />
                <ParticipantField />
                <PresenceField />
              </>
            }
            footer={<ConsentField />}
          />
        </>
      )}
    </div>
  );
}
