'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { saveSpace } from '@/lib/spaces/save-space';
import { failed, fields, pathFor } from './helpers';

export async function saveSpaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = saveSpace(getDb(), await getActor(), fields(formData, ['spaceId', 'name', 'communeId', 'address', 'openingHours']));
  if (!result.ok) return failed(result, formData);
  revalidatePath('/[locale]/spaces', 'layout');
  redirect(await pathFor(formData, `/admin?space=${encodeURIComponent(result.value.slug)}#spaces`));
}
