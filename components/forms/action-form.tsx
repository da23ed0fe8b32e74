'use client';

import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Notice } from '@/components/ui/notice';
import { OutboxList } from '@/components/offline/outbox-list';
import { initialFormState, type FormState } from '@/lib/forms/state';
import type { OutboxSpec } from '@/lib/offline/outbox';
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
  return (
    <FormStateContext.Provider value={{ state, prefix: fieldPrefix }}>
      {outbox ? <OutboxList kind={outbox.kind} path={outbox.path} formId={id} textField={outbox.summaryField} /> : null}
      <form action={formAction} className={className} id={id} aria-label={ariaLabel} noValidate>
        {/* A new key after each answer: the next post is a new one; a repeated one (a retry) writes once. */}
        <IdempotencyKey round={state} outbox={outbox} copyWhileOnline />
        {state.status === 'error' && state.formError ? (
          <Notice tone="error" id={errorId ?? 'form-error'} className="mb-4">
            {state.formError}
          </Notice>
        ) : null}
        {state.status === 'success' && state.message ? (
          <Notice tone="success" className="mb-4">
            {state.message}
          </Notice>
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
