'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { localePath } from '@/lib/i18n/config';
import { saveSpace } from '@/lib/spaces/save-space';
import { currentLocale, failed, fields, keyed } from './helpers';

/** The admins' space form (lib/spaces): create or edit a connected space, then back to the admin page. */
export const saveSpaceAction = keyed('spaces.saveSpaceAction', async function saveSpaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const { db, actor } = await requestContext();
  const result = saveSpace(db, actor, fields(formData, ['spaceId', 'name', 'communeId', 'address', 'openingHours']));
  if (!result.ok) return failed(result, formData);
  revalidatePath('/[locale]/spaces', 'layout');
  redirect(localePath(locale, `/admin?space=${encodeURIComponent(result.value.slug)}#spaces`));
});
