/**
 * Mapping between a generated computer's index (0 … count-1) and its ID.
 *
 * IDs ascend with gaps, like a manager where computers were deleted.
 * Computers come in blocks of BLOCK_SIZE. Block b starts at
 * `1 + b * BLOCK_SPAN + offset(b)`, and one position inside the block may
 * skip an ID. The offset and skipped position are hashed from the seed and
 * block number, so both directions are computed in O(BLOCK_SIZE) without
 * building the list.
 */

import { hashIntegers } from '../random';

const BLOCK_SIZE = 16;

/** IDs reserved per block: BLOCK_SIZE computers, one skipped ID, and up to MAX_OFFSET more. */
const BLOCK_SPAN = 25;

const MAX_OFFSET = BLOCK_SPAN - BLOCK_SIZE - 1;

/** Maximum tenant size, chosen so that every ID fits in int32, the type of API IDs. */
export const MAX_GENERATED_COMPUTERS =
  Math.floor((2 ** 31 - 1 - BLOCK_SPAN) / BLOCK_SPAN) * BLOCK_SIZE;

export class ComputerIdLayout {
  constructor(private readonly seed: number, readonly count: number) {}

  private blockStart(block: number): number {
    return (
      1 +
      block * BLOCK_SPAN +
      (hashIntegers([this.seed, 0x1d5, block]) % (MAX_OFFSET + 1))
    );
  }

  /** Position in the block from which IDs shift up by one; BLOCK_SIZE means no skipped ID. */
  private skippedPosition(block: number): number {
    return 1 + (hashIntegers([this.seed, 0x51c, block]) % BLOCK_SIZE);
  }

  idAt(index: number): number {
    const block = Math.floor(index / BLOCK_SIZE);
    const position = index - block * BLOCK_SIZE;
    const shift = position >= this.skippedPosition(block) ? 1 : 0;
    return this.blockStart(block) + position + shift;
  }

  /** Index of the first computer whose ID is at least `id`, or `count`. */
  lowerBound(id: number): number {
    if (this.count === 0 || id <= this.idAt(0)) {
      return 0;
    }

    // Every ID of block b lies in (b * BLOCK_SPAN, (b + 1) * BLOCK_SPAN].
    const block = Math.floor((id - 1) / BLOCK_SPAN);
    const first = block * BLOCK_SIZE;
    if (first >= this.count) {
      return this.count;
    }

    const end = Math.min(first + BLOCK_SIZE, this.count);
    for (let index = first; index < end; index++) {
      if (this.idAt(index) >= id) {
        return index;
      }
    }
    return end;
  }
}
