'use client';

import messages from './global-error-messages.json';

// Last resort when the root layout itself fails: no message provider is available here.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '36rem', margin: '0 auto', padding: '1.5rem' }}>
        {(['fr', 'en'] as const).map((l) => (
          <section key={l} lang={l}>
            <h1>{messages[l].title}</h1>
            <p>{messages[l].body}</p>
            <p>
              <button type="button" onClick={() => reset()}>
                {messages[l].retry}
              </button>{' '}
              <a href={l === 'fr' ? '/' : '/en'}>{messages[l].home}</a>
            </p>
          </section>
        ))}
      </body>
    </html>
  );
}
