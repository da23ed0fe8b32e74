import { getTranslations } from 'next-intl/server';
import { adminResetAccessAction } from '@/app/actions/verification';
import type { SlipTexts } from '@/components/facilitator/participant-slip';
import { localePath, type Locale } from '@/lib/i18n/config';
import { AccessResetForm } from './access-reset-form';

/**
 * On /admin/users/[id], when the page's view allows it (lib/admin/views.ts mayResetAccess): an admin
 * resets this account's access after checking who is asking (staff included).
 */
export async function AdminAccessReset({ locale, userId, slipTexts }: { locale: Locale; userId: number; slipTexts: SlipTexts }) {
  const t = await getTranslations('AccessReset');
  const here = localePath(locale, `/admin/users/${userId}`);
  return (
    <section aria-labelledby="access-reset" className="space-y-3">
      <h2 id="access-reset" className="text-xl font-bold">
        {t('adminTitle')}
      </h2>
      <p>{t('adminIntro')}</p>
      <AccessResetForm action={adminResetAccessAction} locale={locale} userId={userId} slipTexts={{ ...slipTexts, another: t('backToAccount'), anotherHref: here }} anotherHref={here} />
    </section>
  );
}
