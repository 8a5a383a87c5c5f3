/**
 * A seeded generator, so that the same flags give the same database: a slow
 * query found once can be found again. Not for anything secret.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A version-4-shaped UUID drawn from this generator. */
  uuid(): string;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number): Rng {
  // mulberry32: tiny, fast and good enough for fictional data.
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1]![0];
    },
    uuid: () => {
      const b: number[] = [];
      for (let i = 0; i < 4; i++) {
        const n = u32();
        b.push(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24);
      }
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.map((x) => hex[x]!);
      return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
    },
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
  return rng;
}

/** Fisher–Yates in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Splits `total` into `parts` whole numbers whose weights are log-normal: a few large municipalities, many small. */
export function skewedSplit(rng: Rng, total: number, parts: number, sigma = 0.7): number[] {
  if (parts < 1 || parts > total) throw new Error(`cannot split ${total} into ${parts} non-empty parts`);
  const weights = Array.from({ length: parts }, () => Math.exp(sigma * rng.normal()));
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - counts.reduce((s, c) => s + c, 0);
  // Hand out (or take back) the rounding remainder one by one.
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    if (rest > 0) {
      counts[i]!++;
      rest--;
    } else if (counts[i]! > 1) {
      counts[i]!--;
      rest++;
    }
  }
  return counts;
}
