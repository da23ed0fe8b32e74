import { getTranslations } from 'next-intl/server';
import { chooseCommuneAction } from '@/app/actions/commune';
import type { Locale } from '@/lib/i18n/config';
import { PostForm } from '@/components/forms/post-form';

/** The commune shown first on lists (a cookie): a plain form, so it works without JavaScript. */
export async function CommuneChooser({ locale, communes, selectedCommuneId }: { locale: Locale; communes: { id: number; name: string }[]; selectedCommuneId: number | null }) {
  const t = await getTranslations('Nav');
  const tc = await getTranslations('Common');
  return (
    <PostForm action={chooseCommuneAction} className="flex items-end gap-2">
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label htmlFor="header-commune" className="block text-sm font-semibold">
          {t('communeSelector')}
        </label>
        <select id="header-commune" name="communeId" defaultValue={selectedCommuneId ? String(selectedCommuneId) : ''} className="min-h-11 rounded border-2 border-stone-500 bg-white px-2">
          <option value="">{tc('allCommunes')}</option>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded border-2 border-teal-800 px-3 font-semibold text-teal-900">
        {t('communeChoose')}
      </button>
    </PostForm>
  );
}
