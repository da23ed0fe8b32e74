'use server';

import { redirect } from 'next/navigation';
import { requestContext } from '@/lib/auth/request-context';
import { markNotificationsRead, updateNotificationPreferences } from '@/lib/notifications/manage';
import { fields, keyed, pathFor, safeNext } from './helpers';

export const markReadAction = keyed('notifications.markReadAction', async function markReadAction(formData: FormData): Promise<void> {
  const ctx = await requestContext();
  markNotificationsRead(ctx.db, ctx.actor, fields(formData, ['notificationId']), ctx.now);
  // Only our own paths: never an open redirect.
  redirect(safeNext(formData.get('next')) ?? (await pathFor(formData, '/notifications')));
});

export const preferencesAction = keyed('notifications.preferencesAction', async function preferencesAction(formData: FormData): Promise<void> {
  const input: Record<string, string> = {};
  for (const k of ['replies', 'decisions', 'newTopics', 'projects']) if (formData.get(k) === 'on') input[k] = 'on';
  const ctx = await requestContext();
  const result = updateNotificationPreferences(ctx.db, ctx.actor, input);
  redirect(await pathFor(formData, `/notifications?${result.ok ? 'saved=1' : 'error=1'}`));
});
