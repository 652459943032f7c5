/**
 * Seeded pseudo-random numbers for the demo data. Math.random cannot be seeded,
 * and the demo must come out byte-identical on every run, on every machine:
 * mulberry32 only uses 32-bit integer arithmetic, so it has no platform drift.
 */
export class Rng {
  private state: number;

  /** @param seed any number; only its low 32 bits matter. */
  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty array');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** n distinct indices from [0, size), in ascending order. */
  sampleIndices(size: number, n: number): number[] {
    if (n > size) throw new Error(`cannot sample ${n} of ${size}`);
    // A partial Fisher–Yates: only the first n slots are ever settled.
    const pool = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (size - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, n).sort((a, b) => a - b);
  }

  /**
   * An independent stream for one part of the data. It depends on the seed and
   * the label only, not on how much of this stream was used, so adding a draw in
   * one estate does not reshuffle every estate after it.
   */
  derive(label: string): Rng {
    let h = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return new Rng(h >>> 0);
  }
}

/**
 * A picker over weighted choices. Weights are relative and need not sum to 1;
 * the cumulative table is built once because name generation calls this a few
 * hundred thousand times.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  if (entries.length === 0) throw new Error('weighted() needs at least one entry');
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo]![0];
  };
}
