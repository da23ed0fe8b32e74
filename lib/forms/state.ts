import type { Failure } from '@/lib/errors';
import { IDEMPOTENCY_FIELD } from '@/lib/idempotency/key';

/** What a form action returns to its form: translated messages and the text the person typed. */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  /** what was submitted (never passwords), so nothing typed is lost on error */
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: string;
  message?: string;
  /**
   * What a successful action hands back to be shown once and nowhere else (a participant's slip with
   * their PIN): it lives in this answer only, never in a URL, a cookie or the database.
   */
  output?: Record<string, string>;
};

export const initialFormState: FormState = { status: 'idle', values: {}, fieldErrors: {} };

const SECRET_FIELD = /password|pin|secret/i;

/** The fields of a submission as plain strings; framework fields ($ACTION_…, the idempotency key) are left out. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith('$ACTION') || k === IDEMPOTENCY_FIELD || typeof v !== 'string') continue;
    out[k] = v;
  }
  return out;
}

export function keepableValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Maps a use-case failure to form state, translating message keys with `t` (namespace "Errors"). */
export function failureToState(failure: Failure, values: Record<string, string>, t: Translate): FormState {
  const kept = keepableValues(values);
  switch (failure.error) {
    case 'invalid':
    case 'conflict': {
      const fieldErrors: Record<string, string> = {};
      let formError: string | undefined;
      for (const [field, key] of Object.entries(failure.fieldErrors)) {
        const text = t(key);
        if (field === '_form' || !(field in values)) formError = formError ?? text;
        else fieldErrors[field] = text;
      }
      return { status: 'error', values: kept, fieldErrors, formError: formError ?? t('checkFields') };
    }
    case 'rate_limited': {
      const minutes = Math.max(1, Math.ceil(failure.retryAfterSeconds / 60));
      const hours = Math.max(1, Math.ceil(failure.retryAfterSeconds / 3600));
      const formError = failure.reason ? t(failure.reason, { minutes, hours }) : t('rateLimited', { minutes });
      return { status: 'error', values: kept, fieldErrors: {}, formError };
    }
    case 'rejected':
      return { status: 'error', values: kept, fieldErrors: {}, formError: t(failure.reason) };
    case 'forbidden':
      return { status: 'error', values: kept, fieldErrors: {}, formError: t('forbidden') };
    case 'not_found':
      return { status: 'error', values: kept, fieldErrors: {}, formError: t('notFound') };
  }
}
