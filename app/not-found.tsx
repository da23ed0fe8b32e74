import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import './globals.css';

// Reached only for paths outside any language (rare): both languages, no layout.
export default function GlobalNotFound() {
  return (
    <html lang="fr">
      <body className="mx-auto max-w-xl p-6">
        <h1 className="mb-2 text-2xl font-bold">{fr.NotFound.title}</h1>
        <p className="mb-4">{fr.NotFound.body}</p>
        <p className="mb-6">
          <a href="/">{fr.NotFound.home}</a>
        </p>
        <div lang="en">
          <h2 className="mb-2 text-xl font-bold">{en.NotFound.title}</h2>
          <p className="mb-4">{en.NotFound.body}</p>
          <a href="/en">{en.NotFound.home}</a>
        </div>
      </body>
    </html>
  );
}
