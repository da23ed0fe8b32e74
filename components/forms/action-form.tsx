'use client';

import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Notice } from '@/components/ui/notice';
import { OutboxList } from '@/components/offline/outbox-list';
import { initialFormState, type FormState } from '@/lib/forms/state';
import type { OutboxSpec } from '@/lib/offline/outbox-client';
import { IdempotencyKey } from './idempotency-key';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<{ state: FormState; prefix: string }>({ state: initialFormState, prefix: 'f' });
/** The form's state, and the prefix that keeps field ids unique when a page has several forms. */
export const useFieldState = () => useContext(FormStateContext);

/**
 * A form bound to a server action. Works without JavaScript (the page is rendered again with the
 * action's state); with JavaScript it only avoids a full reload. Labels and messages are translated
 * on the server and passed in, so no message file is sent to the browser.
 */
type FormProps = {
  children: ReactNode;
  className?: string;
  id?: string;
  /** set when the same form appears more than once on a page (replies, edits) */
  fieldPrefix?: string;
  'aria-label'?: string;
  /** a comment or a vote: may wait in the outbox when the connection is down (issue 17) */
  outbox?: Omit<OutboxSpec, 'userId'>;
};

export function ActionForm({ action, ...props }: FormProps & { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return <ActionFormView state={state} formAction={formAction} {...props} />;
}

/**
 * The same form, for a component that holds the action's state itself (useActionState): e.g. a page
 * whose second step shows once the first succeeded, and stays while the second is answered.
 */
export function ActionFormView({
  state,
  formAction,
  children,
  className,
  id,
  fieldPrefix = 'f',
  'aria-label': ariaLabel,
  outbox,
}: FormProps & { state: FormState; formAction: (formData: FormData) => void }) {
  const errorId = id ? `${id}-error` : undefined;
  const summaryId = id ? `${id}-summary` : undefined;
  const fieldErrors = Object.entries(state.fieldErrors);
  return (
    <FormStateContext.Provider value={{ state, prefix: fieldPrefix }}>
      {outbox ? <OutboxList kind={outbox.kind} path={outbox.path} formId={id} textField={outbox.summaryField} /> : null}
      <form action={formAction} className={className} id={id} aria-label={ariaLabel} noValidate>
        {/* A new key after each answer: the next post is a new one; a repeated one (a retry) writes once. */}
        <IdempotencyKey round={state} outbox={outbox} copyWhileOnline />
        {state.status === 'error' ? (
          // The browser lands on it (issue 17 §6): `autofocus` is rendered in the HTML, so without JavaScript
          // the page that answers the post scrolls to the summary and focuses it; with JavaScript React
          // focuses it when it appears. An error below the page's text is never out of sight.
          <div id={summaryId} tabIndex={-1} autoFocus className="mb-4 scroll-mt-2 space-y-2 focus:outline-none">
            {state.formError ? (
              <Notice tone="error" id={errorId ?? 'form-error'}>
                {state.formError}
              </Notice>
            ) : null}
            {fieldErrors.length > 0 ? (
              <ul className="list-disc space-y-1 pl-6 text-red-900">
                {fieldErrors.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#${fieldPrefix}-${field}`} className="text-red-900">
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.status === 'success' && state.message ? (
          <div id={summaryId} tabIndex={-1} autoFocus className="mb-4 focus:outline-none">
            <Notice tone="success">{state.message}</Notice>
          </div>
        ) : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

export function SubmitButton({ children, pendingLabel, className }: { children: ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={
        className ??
        'min-h-11 rounded bg-teal-800 px-5 py-2 font-semibold text-white hover:bg-teal-900 disabled:opacity-70'
      }
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
