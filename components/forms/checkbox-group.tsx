'use client';

import { useFieldState } from './action-form';

/**
 * A set of checkboxes sent under one name. After a refused submission the boxes stay as they were:
 * the action returns the ticked values joined by commas (a form sends one entry per ticked box).
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  defaultValues = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  defaultValues?: readonly string[];
}) {
  const { state, prefix } = useFieldState();
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors[name];
  const checked = state.status === 'idle' ? defaultValues : (state.values[name] ?? '').split(',').filter(Boolean);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="mb-4" id={id} aria-describedby={describedBy}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {/* Sent when no box is ticked, so "tick at least one" is reported on this group, not as a form error. */}
      <input type="hidden" name={name} value="" />
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} key={`${o.value}-${checked.join()}`} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
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
    </fieldset>
  );
}
