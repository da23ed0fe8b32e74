import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getRedirectTypeFromError, getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { isRedirectError, type RedirectType } from 'next/dist/client/components/redirect-error';
import { requestContext } from '@/lib/auth/request-context';
import { isDatabaseBusy, type Failure } from '@/lib/errors';
import { failureToState, formValues, keepableValues, type FormState } from '@/lib/forms/state';
import { isLocale, localePath, type Locale } from '@/lib/i18n/config';
import { IDEMPOTENCY_FIELD, isIdempotencyKey } from '@/lib/idempotency/key';
import { once } from '@/lib/idempotency/once';

export async function currentLocale(formData?: FormData): Promise<Locale> {
  const fromForm = formData?.get('locale');
  if (isLocale(fromForm)) return fromForm;
  const l = await getLocale();
  return isLocale(l) ? l : 'fr';
}

export async function pathFor(formData: FormData | undefined, path: string): Promise<string> {
  return localePath(await currentLocale(formData), path);
}

/**
 * The form state for a failed use case, in the person's language, keeping what they typed. A refusal
 * of someone who has not verified their account says so, and how (issue 12 §2), rather than "not allowed".
 */
export async function failed(failure: Failure, formData: FormData): Promise<FormState> {
  const locale = await currentLocale(formData);
  const t = await getTranslations({ locale, namespace: 'Errors' });
  const actor = failure.error === 'forbidden' ? (await requestContext()).actor : null;
  const shown: Failure = actor && !actor.verified ? { ok: false, error: 'rejected', reason: 'unverified' } : failure;
  return failureToState(shown, formValues(formData), (key, values) =>
    t.has(key) ? t(key, values) : t('invalid'),
  );
}

/** The fields a use case reads, without framework or routing fields. */
export function fields(formData: FormData, names: readonly string[]): Record<string, string> {
  const v = formValues(formData);
  return Object.fromEntries(names.map((n) => [n, v[n] ?? '']));
}

export async function succeeded(formData: FormData, namespace: string, key: string): Promise<FormState> {
  const locale = await currentLocale(formData);
  const t = await getTranslations({ locale, namespace });
  return { status: 'success', values: {}, fieldErrors: {}, message: t(key) };
}

/** A redirect target from a form, only if it is a path of this site ("/…", not "//host" or "/\host"). */
export function safeNext(value: FormDataEntryValue | null): string | null {
  const v = typeof value === 'string' ? value : '';
  return /^\/(?![/\\])[^\s]*$/.test(v) ? v : null;
}

/**
 * A submitted form, read once (issue 16): its language and its fields as plain strings (framework fields
 * and files left out). The action passes `pick(form, …)` to its use case and `form` to `refused`.
 */
export type SubmittedForm = { locale: Locale; values: Record<string, string> };

export async function readForm(formData: FormData): Promise<SubmittedForm> {
  const values = formValues(formData);
  const fromForm = values.locale;
  if (isLocale(fromForm)) return { locale: fromForm, values };
  const l = await getLocale();
  return { locale: isLocale(l) ? l : 'fr', values };
}

/** The fields a use case reads, without framework or routing fields ('' for a missing one). */
export function pick(form: SubmittedForm, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, form.values[n] ?? '']));
}

/** The form state for a failed use case, in the person's language, keeping what they typed. */
export async function refused(failure: Failure, form: SubmittedForm): Promise<FormState> {
  const t = await getTranslations({ locale: form.locale, namespace: 'Errors' });
  return failureToState(failure, form.values, (key, values) => (t.has(key) ? t(key, values) : t('invalid')));
}

// ---------------------------------------------------------------- one post, one write (issue 17)

type StateAction = (prev: FormState, formData: FormData) => Promise<FormState>;
type PlainAction = (formData: FormData) => Promise<void>;

/** What a post did, kept under its key for 24 hours and replayed to a second post with the same key. */
type KeptOutcome =
  | { kind: 'state'; state: FormState; secretShown?: true }
  | { kind: 'redirect'; url: string; type: RedirectType }
  | { kind: 'none' };

type Settled<R> = { returned: R } | { thrown: unknown };

/**
 * Every server action that writes is wrapped in `keyed` (eslint enforces it in app/actions/): the form's
 * idempotency key (components/forms/idempotency-key.tsx) and the signed-in person name the post, and a
 * second post under the same name — a double tap, a retry on a dropped connection, a resubmission from
 * Back, the outbox sending again — gets the first one's answer (the same redirect, or the same form state)
 * and writes nothing (lib/idempotency/once.ts). A refused form keeps nothing: corrected, it may be sent
 * again with the same key. Without a key or a signed-in person (sign-in, registration) the action runs as is.
 */
export function keyed<A extends StateAction | PlainAction>(scope: string, action: A): A {
  const run = async (...args: Parameters<A>): Promise<FormState | void> => {
    try {
      return await attempt(...args);
    } catch (thrown) {
      // The database stayed locked longer than busy_timeout (a burst of writes): nothing was written. A form
      // with a state gets a translated "try again" with its text kept; an action without one has no form
      // state to answer with (Next's error page).
      if (args.length === 2 && isDatabaseBusy(thrown)) return databaseBusy(args[1] as FormData);
      throw thrown;
    }
  };
  const attempt = async (...args: Parameters<A>): Promise<FormState | void> => {
    const formData = args[args.length - 1] as FormData;
    const call = () => (action as (...a: Parameters<A>) => Promise<FormState | void>)(...args);
    const key = formData.get(IDEMPOTENCY_FIELD);
    if (!isIdempotencyKey(key)) return call();
    const { db, actor } = await requestContext();
    if (!actor) return call();
    const answer = await once<KeptOutcome, Settled<FormState | void>>(db, { userId: actor.id, key, scope }, async () => {
      try {
        const returned = await call();
        return { keep: keepable(returned), value: { returned } };
      } catch (thrown) {
        // A redirect is how most actions say "done": kept. Anything else (a crash) keeps nothing.
        return { keep: isRedirectError(thrown) ? { kind: 'redirect', url: getURLFromRedirectError(thrown), type: getRedirectTypeFromError(thrown) } : null, value: { thrown } };
      }
    });
    if (answer.ran) {
      if ('thrown' in answer.value) throw answer.value.thrown;
      return answer.value.returned;
    }
    if ('busy' in answer) return args.length === 2 ? stillSending(formData) : undefined;
    return replayed(answer.replay, formData);
  };
  return run as A;
}

function keepable(returned: FormState | void): KeptOutcome | null {
  if (!returned) return { kind: 'none' };
  if (returned.status !== 'success') return null;
  // What is shown once (a participant's PIN) never goes into the database.
  const { output, ...state } = returned;
  return output ? { kind: 'state', state, secretShown: true } : { kind: 'state', state };
}

async function replayed(kept: KeptOutcome, formData: FormData): Promise<FormState | void> {
  if (kept.kind === 'redirect') redirect(kept.url, kept.type);
  if (kept.kind === 'none') return undefined;
  if (!kept.secretShown) return kept.state;
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Errors' });
  return { ...kept.state, message: t('alreadyDoneShownOnce') };
}

async function databaseBusy(formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Errors' });
  return { status: 'error', values: keepableValues(formValues(formData)), fieldErrors: {}, formError: t('busy') };
}

async function stillSending(formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale: await currentLocale(formData), namespace: 'Errors' });
  return { status: 'error', values: keepableValues(formValues(formData)), fieldErrors: {}, formError: t('stillSending') };
}
