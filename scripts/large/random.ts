/** A small seeded PRNG (sfc32, seeded through splitmix32): the same seed gives the same data on any machine. */
export type Random = {
  /** a float in [0, 1) */
  next: () => number;
  /** an integer in [min, max] */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** an index drawn with the given (non-negative) weights */
  weighted: (weights: readonly number[]) => number;
};

export function makeRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (weights) => {
      const total = weights.reduce((x, y) => x + y, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

/**
 * n distinct members of a population of `size` (indexes 0..size-1) without building a set: a random start
 * and a random stride coprime with the size walk the whole population once. n is capped at size.
 */
export function distinctIndexes(random: Random, size: number, n: number): number[] {
  const count = Math.min(n, size);
  if (count <= 0) return [];
  const start = random.int(0, size - 1);
  let stride = size === 1 ? 1 : random.int(1, size - 1);
  while (gcd(stride, size) !== 1) stride = (stride % (size - 1)) + 1;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = (start + i * stride) % size;
  return out;
}
