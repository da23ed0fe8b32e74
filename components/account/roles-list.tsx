import { getTranslations } from 'next-intl/server';
import type { RoleLine } from '@/lib/accounts/views';

/** "Citizen", then each role one holds, with where it applies. */
export async function RolesList({ grants }: { grants: RoleLine[] }) {
  const t = await getTranslations('Account');
  const tr = await getTranslations('Roles');
  return (
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
  );
}
