'use client';

import { useActionState } from 'react';
import { ActionFormView, SubmitButton } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import { initialFormState, type FormState } from '@/lib/forms/state';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The page's words, translated on the server (no message file is sent to the browser). */
export type RecoverTexts = {
  requestTitle: string;
  identifier: string;
  identifierHint: string;
  send: string;
  resetTitle: string;
  resetIntro: string;
  code: string;
  codeHint: string;
  newPassword: string;
  newPasswordHint: string;
  save: string;
  required: string;
  sending: string;
};

/**
 * "Forgot your password?" in two steps on one page: ask for a code, then type it with a new password.
 * The second step appears once the first has answered (or at once with ?step=code, for a code handed
 * over at a connected space) and stays while it is answered, so nothing typed is lost. Each step is a
 * plain form: without JavaScript, the page comes back from the server with the same state.
 */
export function RecoverFlow({
  request,
  reset,
  texts,
  locale,
  startWithCode,
}: {
  request: Action;
  reset: Action;
  texts: RecoverTexts;
  locale: string;
  startWithCode: boolean;
}) {
  const [asked, askAction] = useActionState(request, initialFormState);
  const [answered, answerAction] = useActionState(reset, initialFormState);
  const secondStep = startWithCode || asked.status === 'success' || answered.status !== 'idle';
  const identifier = asked.output?.identifier ?? '';
  return (
    <>
      <section aria-labelledby="request-title" className="space-y-3">
        <h2 id="request-title" className="text-lg font-semibold">
          {texts.requestTitle}
        </h2>
        <ActionFormView state={asked} formAction={askAction} id="request-code-form" fieldPrefix="r">
          <Hidden name="locale" value={locale} />
          <TextField name="identifier" label={texts.identifier} hint={texts.identifierHint} required requiredMark={texts.required} autoComplete="username" maxLength={254} />
          <SubmitButton pendingLabel={texts.sending}>{texts.send}</SubmitButton>
        </ActionFormView>
      </section>
      {secondStep ? (
        <section aria-labelledby="reset-title" className="space-y-3 rounded border border-stone-300 bg-white p-4">
          <h2 id="reset-title" className="text-lg font-semibold">
            {texts.resetTitle}
          </h2>
          <p>{texts.resetIntro}</p>
          <ActionFormView state={answered} formAction={answerAction} id="reset-password-form" fieldPrefix="n">
            <Hidden name="locale" value={locale} />
            <TextField name="identifier" label={texts.identifier} hint={texts.identifierHint} defaultValue={identifier} required requiredMark={texts.required} autoComplete="username" maxLength={254} />
            <TextField name="code" label={texts.code} hint={texts.codeHint} required requiredMark={texts.required} autoComplete="one-time-code" inputMode="numeric" maxLength={12} />
            <TextField name="newPassword" type="password" label={texts.newPassword} hint={texts.newPasswordHint} required requiredMark={texts.required} autoComplete="new-password" maxLength={128} />
            <SubmitButton pendingLabel={texts.sending}>{texts.save}</SubmitButton>
          </ActionFormView>
        </section>
      ) : null}
    </>
  );
}
