'use client';

import type { ReactNode } from 'react';
import { useFieldState } from '@/components/forms/action-form';
import { SlipOrFields, type SlipTexts } from '@/components/facilitator/participant-slip';

export type CodeTexts = { codeLabel: string; steps: string[]; openRecover: string; openRecoverHref: string; another: string; anotherHref: string };

/**
 * Inside an in-person reset form: its fields until the action succeeds, then what it handed back —
 * the one-time code to give the person (an account with a phone or an e-mail), or a participant's new
 * slip. Shown once, in the action's answer only: reloading the page does not bring it back.
 */
export function ResetOutcome({ codeTexts, slipTexts, children }: { codeTexts: CodeTexts; slipTexts: SlipTexts; children: ReactNode }) {
  const { state } = useFieldState();
  const out = state.status === 'success' ? state.output : undefined;
  if (out?.method === 'code' && out.code) {
    return (
      <section id="reset-code-box" aria-labelledby="reset-code-label" className="mb-6 space-y-3 rounded-lg border-4 border-stone-900 bg-white p-5">
        <h2 id="reset-code-label" className="text-lg font-bold">
          {codeTexts.codeLabel}
        </h2>
        <p id="reset-code" className="font-mono text-4xl font-extrabold tracking-widest">
          {out.code}
        </p>
        <ol className="list-decimal space-y-1 pl-6">
          {codeTexts.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <p>
          <a href={codeTexts.openRecoverHref}>{codeTexts.openRecover}</a> · <a href={codeTexts.anotherHref}>{codeTexts.another}</a>
        </p>
      </section>
    );
  }
  return <SlipOrFields texts={slipTexts}>{children}</SlipOrFields>;
}
