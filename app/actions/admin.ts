'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { unlockAccount } from '@/lib/accounts/unlock-account';
import { getActor } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms/state';
import { grantRole } from '@/lib/roles/grant-role';
import { revokeRole } from '@/lib/roles/revoke-role';
import { failed, fields, pathFor } from './helpers';

export async function grantRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['userId', 'role', 'communeId', 'spaceId', 'title']);
  const result = grantRole(getDb(), await getActor(), input);
  if (!result.ok) return failed(result, formData);
  redirect(await pathFor(formData, `/admin/users/${encodeURIComponent(input.userId ?? '')}?done=granted`));
}

export async function revokeRoleAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['grantId']);
  const userId = String(formData.get('userId') ?? '');
  const result = revokeRole(getDb(), await getActor(), input);
  const status = result.ok ? 'done=revoked' : `error=${result.error}`;
  redirect(await pathFor(formData, `/admin/users/${encodeURIComponent(userId)}?${status}`));
}

/** Lifts an account's sign-in lock after 20 failed attempts in a row (a plain form on the user's page). */
export async function unlockAccountAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['userId']);
  const result = unlockAccount(getDb(), await getActor(), input);
  const status = result.ok ? 'done=unlocked' : `error=${result.error}`;
  redirect(await pathFor(formData, `/admin/users/${encodeURIComponent(input.userId ?? '')}?${status}`));
}
