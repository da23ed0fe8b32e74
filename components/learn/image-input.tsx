'use client';

import { useFieldState } from '@/components/forms/action-form';

/** A picture file input that shows the error the server gave it. */
export function ImageInput({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">{label}</label>
      <input id={id} name={name} type="file" accept="image/*" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="block w-full text-base" />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}
