'use server';

import { redirect } from 'next/navigation';
import { unlockAccount } from '@/lib/accounts/unlock-account';
import { requestContext } from '@/lib/auth/request-context';
import type { FormState } from '@/lib/forms/state';
import { grantRole } from '@/lib/roles/grant-role';
import { revokeRole } from '@/lib/roles/revoke-role';
import { failed, fields, keyed, pathFor } from './helpers';

/** Back to the person's page on /admin, with the outcome in the query. */
const userPage = (formData: FormData, userId: string, outcome: string) => pathFor(formData, `/admin/users/${encodeURIComponent(userId)}?${outcome}`);

export const grantRoleAction = keyed('admin.grantRoleAction', async function grantRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ['userId', 'role', 'communeId', 'spaceId', 'title']);
  const ctx = await requestContext();
  const result = grantRole(ctx.db, ctx.actor, input);
  if (!result.ok) return failed(result, formData);
  redirect(await userPage(formData, input.userId!, 'done=granted'));
});

export const revokeRoleAction = keyed('admin.revokeRoleAction', async function revokeRoleAction(formData: FormData): Promise<void> {
  // userId is where to go back to, whatever happens; the use case needs only the grant.
  const { grantId, userId } = fields(formData, ['grantId', 'userId']);
  const ctx = await requestContext();
  const result = revokeRole(ctx.db, ctx.actor, { grantId });
  redirect(await userPage(formData, userId!, result.ok ? 'done=revoked' : `error=${result.error}`));
});

/** Lifts an account's sign-in lock after 20 failed attempts in a row (a plain form on the user's page). */
export const unlockAccountAction = keyed('admin.unlockAccountAction', async function unlockAccountAction(formData: FormData): Promise<void> {
  const input = fields(formData, ['userId']);
  const ctx = await requestContext();
  const result = unlockAccount(ctx.db, ctx.actor, input);
  redirect(await userPage(formData, input.userId!, result.ok ? 'done=unlocked' : `error=${result.error}`));
});
