'use client';

import { useSyncExternalStore, type ReactNode } from 'react';
import { useFieldState } from '@/components/forms/action-form';

/** The slip's words in one language, already translated on the server (no message file is sent here). */
export type SlipLabels = {
  title: string;
  name: string;
  code: string;
  pin: string;
  space: string;
  address: string;
  hours: string;
  howTo: string;
  steps: string[];
  keep: string;
};

export type SlipTexts = {
  /** by language of the participant (every language Baro serves; an unknown one gets French) */
  labels: Record<string, SlipLabels>;
  print: string;
  printHint: string;
  another: string;
  anotherHref: string;
};

const noSubscription = () => () => {};

/**
 * Inside a registration or PIN form: the form's fields until the action succeeds, then the printable
 * slip it handed back. The slip exists only in that answer; reloading does not bring it back.
 */
export function SlipOrFields({ texts, children }: { texts: SlipTexts; children: ReactNode }) {
  const { state } = useFieldState();
  const slip = state.status === 'success' ? state.output : undefined;
  if (!slip?.pin) return <>{children}</>;
  return <ParticipantSlip slip={slip} texts={texts} />;
}

function ParticipantSlip({ slip, texts }: { slip: Record<string, string>; texts: SlipTexts }) {
  // Printing with a button needs JavaScript; without it, the browser's own Print menu does the same.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const lang = slip.language && texts.labels[slip.language] ? slip.language : 'fr';
  const l = texts.labels[lang]!;
  return (
    <>
      <section id="participant-slip" lang={lang} aria-labelledby="slip-title" className="slip mb-6 rounded-lg border-4 border-stone-900 bg-white p-5 text-lg">
        <h2 id="slip-title" className="mb-4 text-2xl font-extrabold">{l.title}</h2>
        <dl className="space-y-3">
          <div>
            <dt className="text-base font-semibold">{l.name}</dt>
            <dd id="slip-name" className="text-2xl font-bold break-words">{slip.displayName}</dd>
          </div>
          <div>
            <dt className="text-base font-semibold">{l.code}</dt>
            <dd id="slip-code" className="font-mono text-4xl font-extrabold tracking-widest">{slip.code}</dd>
          </div>
          <div>
            <dt className="text-base font-semibold">{l.pin}</dt>
            <dd id="slip-pin" className="font-mono text-4xl font-extrabold tracking-widest">{slip.pin}</dd>
          </div>
          {slip.spaceName ? (
            <div>
              <dt className="text-base font-semibold">{l.space}</dt>
              <dd>
                {slip.spaceName}
                {slip.spaceAddress ? <span className="block">{l.address} {slip.spaceAddress}</span> : null}
                {slip.spaceHours ? <span className="block">{l.hours} {slip.spaceHours}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
        <h3 className="mt-5 mb-2 text-xl font-bold">{l.howTo}</h3>
        <ol className="list-decimal space-y-1 pl-6">
          {l.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <p className="mt-4 font-semibold">{l.keep}</p>
      </section>
      <div className="print-hidden mb-6 space-y-3">
        <p>{texts.printHint}</p>
        {scripted ? (
          <button type="button" onClick={() => window.print()} className="min-h-11 rounded bg-teal-800 px-5 py-2 font-semibold text-white hover:bg-teal-900">
            {texts.print}
          </button>
        ) : null}
        <p>
          <a href={texts.anotherHref}>{texts.another}</a>
        </p>
      </div>
    </>
  );
}
