/**
 * Deterministic pseudo-random numbers for the generated tenant. The same
 * seed and keys always give the same sequence, on every platform, because
 * only 32-bit integer arithmetic is used.
 */

const GOLDEN_RATIO_32 = 0x9e3779b9;

/** MurmurHash3's 32-bit finalizer: spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes a list of safe integers to an unsigned 32-bit value. Each integer
 * contributes its low and high 32 bits, so seeds above 2^32 still differ.
 */
export function hashIntegers(values: readonly number[]): number {
  let h = GOLDEN_RATIO_32;
  for (const value of values) {
    const high = Math.floor(value / 0x100000000);
    h = mix32(h ^ (value >>> 0));
    h = mix32((h + GOLDEN_RATIO_32) ^ (high >>> 0));
  }
  return h;
}

/** A counter-based generator that hashes its key state and a step counter for each draw. */
export class SeededRandom {
  private state: number;

  constructor(keys: readonly number[]) {
    this.state = hashIntegers(keys);
  }

  /** Returns an unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + GOLDEN_RATIO_32) >>> 0;
    return mix32(this.state ^ mix32(this.state));
  }

  /** Returns a number in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** Returns an integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** Returns true with the given probability. */
  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('SeededRandom.pick needs a non-empty list');
    }
    return items[this.integer(0, items.length - 1)];
  }

  /** Returns `length` hexadecimal digits, lower case unless `upperCase`. */
  hex(length: number, upperCase = false): string {
    let digits = '';
    while (digits.length < length) {
      digits += this.nextUint32().toString(16).padStart(8, '0');
    }
    digits = digits.slice(0, length);
    return upperCase ? digits.toUpperCase() : digits;
  }

  /** Returns `length` decimal digits, the first one not zero. */
  digits(length: number): string {
    let text = String(this.integer(1, 9));
    while (text.length < length) {
      text += String(this.integer(0, 9));
    }
    return text;
  }
}
