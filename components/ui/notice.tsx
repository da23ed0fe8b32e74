import type { ReactNode } from 'react';

const TONES = {
  success: { role: 'status', className: 'border-green-700 bg-green-50 text-green-900' },
  error: { role: 'alert', className: 'border-red-700 bg-red-50 text-red-900' },
  warning: { role: 'note', className: 'border-amber-700 bg-amber-50 text-amber-950' },
  info: { role: 'note', className: 'border-stone-700 bg-stone-100 text-stone-900' },
} as const;

/**
 * The one way a page says what just happened or what to know before acting: a saved vote, a refused
 * action, a held topic. Rendered on the server; `id` lets a redirect's #anchor (and tests) find it.
 */
export function Notice({ tone, id, className, children }: { tone: keyof typeof TONES; id?: string; className?: string; children: ReactNode }) {
  const t = TONES[tone];
  return (
    <p id={id} role={t.role === 'note' ? undefined : t.role} className={`rounded border-l-4 p-3 ${t.className}${className ? ` ${className}` : ''}`}>
      {children}
    </p>
  );
}
