'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { markNotificationsRead, updateNotificationPreferences } from '@/lib/notifications/manage';
import { fields, pathFor, safeNext } from './helpers';

export async function markReadAction(formData: FormData): Promise<void> {
  markNotificationsRead(getDb(), await getActor(), fields(formData, ['notificationId']));
  // Only our own paths: never an open redirect.
  redirect(safeNext(formData.get('next')) ?? (await pathFor(formData, '/notifications')));
}

export async function preferencesAction(formData: FormData): Promise<void> {
  const input: Record<string, string> = {};
  for (const k of ['replies', 'decisions', 'newTopics', 'projects']) if (formData.get(k) === 'on') input[k] = 'on';
  const result = updateNotificationPreferences(getDb(), await getActor(), input);
  redirect(await pathFor(formData, `/notifications?${result.ok ? 'saved=1' : 'error=1'}`));
}
