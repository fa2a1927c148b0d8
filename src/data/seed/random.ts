/**
 * Seeded pseudo-random numbers for the demo company: the same seed gives the
 * same company on every machine and in every browser, so screenshots, tests
 * and bug reports agree. `Math.random` is never used by the seed.
 *
 * The core is sfc32, Chris Doty-Humphrey's "small fast counting" generator
 * (public domain): 128 bits of state, only 32-bit integer operations (cheap in
 * JS engines), and a counter word that rules out short cycles. It is not
 * cryptographic, and need not be.
 */

const UINT32_RANGE = 4294967296; // 2 ** 32

/**
 * A 32-bit hash of a text: FNV-1a over UTF-16 code units, then murmur3's
 * finaliser, since FNV alone leaves similar labels with similar hashes.
 */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A value and how likely it is to be picked, relative to the others. */
export type WeightedChoice<T> = readonly [value: T, weight: number];

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed Any number or text; numbers are taken by their decimal text,
   *   so `1` and `1.5` give different streams.
   */
  constructor(private readonly seedKey: number | string) {
    // splitmix32 spreads one hash over the four state words, so that nearby
    // seeds (1, 2, 3…) start far apart.
    let mix = hashText(String(seedKey));
    const nextWord = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let word = mix;
      word = Math.imul(word ^ (word >>> 16), 0x21f0aaad);
      word = Math.imul(word ^ (word >>> 15), 0x735a2d97);
      return (word ^ (word >>> 15)) >>> 0;
    };
    this.a = nextWord();
    this.b = nextWord();
    this.c = nextWord();
    this.d = nextWord();
    // The first outputs still echo the seed words: discard them.
    for (let round = 0; round < 12; round += 1) this.nextUint32();
  }

  /**
   * An independent stream named `label`, derived from this one's seed only
   * (not from how much of this stream was used), so adding a draw in one part
   * of the seed does not reshuffle every other part.
   */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seedKey}/${label}`);
  }

  /** A whole number from 0 to 2^32 − 1. */
  nextUint32(): number {
    const sum = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + sum) | 0;
    return sum >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32_RANGE;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [`min`, `max`). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with the given probability (0 never, 1 always). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, each as likely as its weight says (weights need not sum to 1). */
  pickWeighted<T>(choices: readonly WeightedChoice<T>[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    if (!(total > 0)) throw new RangeError('Cannot pick when no choice has weight');
    let remaining = this.next() * total;
    for (const [value, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    // Float rounding can leave a sliver past the last weight: it belongs to the last choice.
    return (choices[choices.length - 1] as WeightedChoice<T>)[0];
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }

  /** Up to `count` distinct items in random order (a partial Fisher–Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const take = Math.min(count, copy.length);
    for (let index = 0; index < take; index += 1) {
      const other = index + Math.floor(this.next() * (copy.length - index));
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    copy.length = take;
    return copy;
  }

  /**
   * A roughly normal number: the sum of four uniforms (Irwin–Hall), rescaled.
   * Unlike a true normal it never strays beyond ±3.5 deviations, which is what
   * demo data wants: variety without absurd outliers.
   */
  normal(mean = 0, deviation = 1): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    // Four uniforms have mean 2 and variance 4/12; 1/√(1/3) = √3.
    return mean + (sum - 2) * Math.sqrt(3) * deviation;
  }
}
