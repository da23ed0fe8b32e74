import { getTranslations } from 'next-intl/server';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { z } from 'zod';
import { createCommentAction } from '@/app/actions/comments';
import { supportProjectAction } from '@/app/actions/projects';
import { castVoteAction } from '@/app/actions/votes';
import { requestContext } from '@/lib/auth/request-context';
import { initialFormState, type FormState } from '@/lib/forms/state';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { IDEMPOTENCY_FIELD, isIdempotencyKey } from '@/lib/idempotency/key';
import { OUTBOX_KINDS, type OutboxKind, type SendAnswer } from '@/lib/offline/outbox';

/**
 * The outbox's way in (issue 17, lib/offline/outbox.ts): a comment, a vote or a support written offline,
 * sent when the connection came back. Each goes through the very server action its form posts to,
 * idempotency key included (app/actions/helpers.ts `keyed`): sent twice, it is written once, and the
 * answer is the same. Only for the person signed in, and only for their own items; only from this site's
 * pages (JSON, same origin).
 */

const FIELDS: Record<OutboxKind, readonly string[]> = {
  comment: ['locale', 'topicId', 'projectId', 'parentId', 'stance', 'body'],
  vote: ['locale', 'topicId', 'choice'],
  support: ['locale', 'projectId', 'intent'],
};

const bodySchema = z.strictObject({
  key: z.string().refine(isIdempotencyKey),
  userId: z.number().int().positive(),
  kind: z.enum(OUTBOX_KINDS),
  fields: z.record(z.string().max(40), z.string().max(20_000)),
});

const json = (body: SendAnswer | { ok: false; error: 'invalid' | 'forbidden' }, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

function sameOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  return !!origin && !!host && new URL(origin).host === host;
}

export async function POST(req: Request) {
  if (!sameOrigin(req) || !(req.headers.get('content-type') ?? '').startsWith('application/json')) return json({ ok: false, error: 'forbidden' }, 403);
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return json({ ok: false, error: 'invalid' }, 400);
  const { key, userId, kind, fields } = parsed.data;
  const { actor } = await requestContext();
  if (!actor) return json({ ok: false, error: 'signIn' }, 401);
  // Never sent for another person: the item stays with its owner's outbox.
  if (actor.id !== userId) return json({ ok: false, error: 'otherPerson' }, 409);

  const form = new FormData();
  for (const name of FIELDS[kind]) if (typeof fields[name] === 'string') form.set(name, fields[name]);
  form.set(IDEMPOTENCY_FIELD, key);
  const locale = isLocale(fields.locale) ? fields.locale : defaultLocale;

  let state: FormState | void;
  try {
    state =
      kind === 'comment' ? await createCommentAction(initialFormState, form) : kind === 'vote' ? await castVoteAction(initialFormState, form) : await supportProjectAction(form);
  } catch (e) {
    if (!isRedirectError(e)) throw e;
    const url = getURLFromRedirectError(e);
    // A plain form's refusal travels in its redirect (?error=key, a message of "Errors").
    const error = new URL(url, 'http://x').searchParams.get('error');
    if (error) return json({ ok: false, error: 'refused', message: await errorMessage(locale, error) }, 422);
    return json({ ok: true, redirect: url });
  }
  if (state && state.status === 'error') {
    const message = state.formError && Object.keys(state.fieldErrors).length > 0 ? Object.values(state.fieldErrors)[0]! : (state.formError ?? Object.values(state.fieldErrors)[0] ?? '');
    return json({ ok: false, error: 'refused', message: message || (await errorMessage(locale, 'invalid')) }, 422);
  }
  return json({ ok: true, redirect: '' });
}

async function errorMessage(locale: string, key: string): Promise<string> {
  const t = await getTranslations({ locale: isLocale(locale) ? locale : defaultLocale, namespace: 'Errors' });
  const k = key === 'not_found' ? 'notFound' : key;
  return t.has(k) ? t(k) : t('invalid');
}
