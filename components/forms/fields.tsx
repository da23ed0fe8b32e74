'use client';

import type { ReactNode } from 'react';
import { useFieldState } from './action-form';
import { useSharedComputer } from './shared-computer';

type Common = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** shown before any submission */
  defaultValue?: string;
  requiredMark?: string;
};

function useField(name: string, defaultValue?: string) {
  const { state, prefix } = useFieldState();
  const error = state.fieldErrors[name];
  const value = state.status === 'idle' ? (defaultValue ?? '') : (state.values[name] ?? '');
  return { error, value, id: `${prefix}-${name}` };
}

function Label({ id, label, required, requiredMark }: { id: string; label: string; required?: boolean; requiredMark?: string }) {
  return (
    <label htmlFor={id} className="mb-1 block font-semibold">
      {label}
      {required && requiredMark ? <span className="font-normal text-stone-700"> ({requiredMark})</span> : null}
    </label>
  );
}

function Help({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

const inputClass = (error?: string) =>
  `block w-full rounded border-2 bg-white px-3 py-2 text-base ${error ? 'border-red-700' : 'border-stone-500'}`;

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
  ...p
}: Common & {
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'datetime-local' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  maxLength?: number;
}) {
  const { error, value, id } = useField(p.name, p.defaultValue);
  // On a shared computer the next person must not be offered what this one typed.
  const shared = useSharedComputer();
  return (
    <div className="mb-4">
      <Label id={id} label={p.label} required={p.required} requiredMark={p.requiredMark} />
      <input
        id={id}
        name={p.name}
        type={type}
        // Passwords are never sent back to the page.
        defaultValue={type === 'password' ? undefined : value}
        key={type === 'password' ? undefined : value}
        autoComplete={shared ? 'off' : autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        required={p.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
        className={inputClass(error)}
      />
      <Help id={id} hint={p.hint} error={error} />
    </div>
  );
}

export function TextArea({ rows = 5, maxLength, ...p }: Common & { rows?: number; maxLength?: number }) {
  const { error, value, id } = useField(p.name, p.defaultValue);
  const shared = useSharedComputer();
  return (
    <div className="mb-4">
      <Label id={id} label={p.label} required={p.required} requiredMark={p.requiredMark} />
      <textarea
        id={id}
        name={p.name}
        rows={rows}
        autoComplete={shared ? 'off' : undefined}
        defaultValue={value}
        key={value}
        maxLength={maxLength}
        required={p.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
        className={inputClass(error)}
      />
      <Help id={id} hint={p.hint} error={error} />
    </div>
  );
}

export function SelectField({
  options,
  ...p
}: Common & { options: { value: string; label: string }[] }) {
  const { error, value, id } = useField(p.name, p.defaultValue);
  return (
    <div className="mb-4">
      <Label id={id} label={p.label} required={p.required} requiredMark={p.requiredMark} />
      <select
        id={id}
        name={p.name}
        defaultValue={value}
        key={value}
        required={p.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
        className={inputClass(error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} hint={p.hint} error={error} />
    </div>
  );
}

export function RadioGroup({
  options,
  legend,
  ...p
}: Omit<Common, 'label'> & { legend: string; options: { value: string; label: ReactNode }[] }) {
  const { error, value, id } = useField(p.name, p.defaultValue);
  return (
    <fieldset id={id} className="mb-4" aria-describedby={describedBy(id, p.hint, error)}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {/* Sent when no option is chosen, so "choose one" is reported on this group, not as a form error. */}
      <input type="hidden" name={p.name} value="" />
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={p.name}
              value={o.value}
              defaultChecked={value === o.value}
              key={`${o.value}-${value}`}
              className="h-5 w-5"
            />
            {o.label}
          </label>
        ))}
      </div>
      <Help id={id} hint={p.hint} error={error} />
    </fieldset>
  );
}

/**
 * One checkbox that must be ticked on purpose (a consent, a confirmation): sends `value` when ticked.
 * Never ticked in advance; after a refused submission it stays as the person left it.
 */
export function Checkbox({ value = 'yes', ...p }: Omit<Common, 'defaultValue'> & { value?: string }) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${p.name}`;
  const error = state.fieldErrors[p.name];
  const checked = state.status === 'error' && state.values[p.name] === value;
  return (
    <div className="mb-4">
      {/* Sent when the box is not ticked (a ticked box comes after it and wins), so a refusal is shown next to the box. */}
      <input type="hidden" name={p.name} value="" />
      <label htmlFor={id} className="flex min-h-11 items-start gap-3 font-semibold">
        <input
          id={id}
          type="checkbox"
          name={p.name}
          value={value}
          defaultChecked={checked}
          key={String(checked)}
          required={p.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, p.hint, error)}
          className="mt-1 h-6 w-6 shrink-0"
        />
        <span>
          {p.label}
          {p.required && p.requiredMark ? <span className="font-normal text-stone-700"> ({p.requiredMark})</span> : null}
        </span>
      </label>
      <Help id={id} hint={p.hint} error={error} />
    </div>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}
