import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { requestContext } from '@/lib/auth/request-context';
import { isLocale, localePath, type Locale } from '@/lib/i18n/config';
import type { Failure } from '@/lib/errors';
import { failureToState, formValues, type FormState } from '@/lib/forms/state';

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
