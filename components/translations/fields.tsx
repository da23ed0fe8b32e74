'use client';

import { useFieldState } from '@/components/forms/action-form';

/** A translation's text, marked with the language it is written in (keyboard, spell-checker, screen reader). */
export function TranslationText({ name, label, hint, lang, defaultValue = '' }: { name: string; label: string; hint: string; lang: string; defaultValue?: string }) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors[name];
  const value = state.status === 'idle' ? defaultValue : (state.values[name] ?? '');
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        lang={lang}
        rows={3}
        maxLength={2000}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className={`block w-full rounded border-2 bg-white px-3 py-2 text-base ${error ? 'border-red-700' : 'border-stone-500'}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A file to upload (the server reads it as text and never trusts its name or type). */
export function FileField({ name, label, hint, accept }: { name: string; label: string; hint: string; accept: string }) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="block w-full rounded border-2 border-stone-500 bg-white px-3 py-2"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
