/** One labelled <select> of a GET filter form (lists of topics, projects, the moderation queue). */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <div>
      <label htmlFor={`flt-${name}`} className="mb-1 block text-sm font-semibold">
        {label}
      </label>
      <select id={`flt-${name}`} name={name} defaultValue={value} className="block w-full rounded border-2 border-stone-500 bg-white px-2 py-2">
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
