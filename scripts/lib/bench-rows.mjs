// What every bench script (scripts/bench.mjs, scripts/bench/*.mjs) reports with: medians, rounding, and
// one result row per figure against its target.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Bytes as KB (1,000 bytes), one decimal. */
export const kb = (bytes) => Math.round(bytes / 100) / 10;

/** A result row: the figure, its target, and whether it holds (`comparator` '<=' or '>='). */
export const row = (section, name, value, unit, target, comparator, note) => ({
  section,
  name,
  value,
  unit,
  target,
  comparator,
  holds: comparator === '<=' ? value <= target : value >= target,
  ...(note ? { note } : {}),
});
