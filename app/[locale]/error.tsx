'use client';

import { usePathname } from 'next/navigation';
import messages from '../global-error-messages.json';

// Client boundary: picks the language from the URL, since no message provider is sent to the browser.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const english = /^\/en(\/|$)/.test(usePathname() || '');
  const m = english ? messages.en : messages.fr;
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-2xl font-bold">{m.title}</h1>
      <p className="mb-4">{m.body}</p>
      <p className="flex gap-4">
        <button type="button" onClick={() => reset()} className="min-h-11 rounded bg-teal-800 px-4 font-semibold text-white">
          {m.retry}
        </button>
        <a href={english ? '/en' : '/'} className="self-center">
          {m.home}
        </a>
      </p>
    </div>
  );
}
