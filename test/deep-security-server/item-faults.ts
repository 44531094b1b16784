/**
 * Faults that change which records a list or search response contains,
 * or their order: duplicateIds, repeatPage and outOfOrder.
 */

import { ItemsResult } from './api-routes';
import { SeededRandom } from './random';
import { Fault } from './types';

/** Records of the previous page repeated by duplicateIds. */
const DUPLICATED_ITEMS = 3;

/** Records shuffled together by outOfOrder. A search page is at most this long. */
const SHUFFLE_WINDOW = 5000;

function* repeatFirstItems(
  indices: Iterable<number>,
  repeated: number,
): Generator<number, void, undefined> {
  const first: number[] = [];
  for (const index of indices) {
    if (first.length < repeated) {
      first.push(index);
    }
    yield index;
  }
  yield* first;
}

function shuffle(values: number[], random: SeededRandom): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [values[i], values[j]] = [values[j], values[i]];
  }
}

function* shuffleInWindows(
  indices: Iterable<number>,
  random: SeededRandom,
): Generator<number, void, undefined> {
  let window: number[] = [];
  for (const index of indices) {
    window.push(index);
    if (window.length === SHUFFLE_WINDOW) {
      shuffle(window, random);
      yield* window;
      window = [];
    }
  }
  shuffle(window, random);
  yield* window;
}

/**
 * Applies an item fault. `previousPage` contains the indices of the previous
 * search page sent for the same resource.
 * - duplicateIds: a search page starts with the last records of the previous page.
 *   Without a previous page, and for plain lists, the first records are repeated at the end.
 * - repeatPage: a search gets the previous page again. Without one, or for a list, nothing changes.
 * - outOfOrder: records are shuffled, deterministically for the same page.
 */
export function applyItemFault(
  result: ItemsResult,
  fault: Fault | undefined,
  previousPage: readonly number[] | undefined,
): ItemsResult {
  switch (fault?.type) {
    case 'duplicateIds': {
      if (
        result.isSearch &&
        previousPage !== undefined &&
        previousPage.length > 0
      ) {
        const tail = previousPage.slice(-DUPLICATED_ITEMS);
        return {
          ...result,
          indices: [...tail, ...result.indices],
          count: result.count + tail.length,
        };
      }
      const repeated = Math.min(DUPLICATED_ITEMS, result.count);
      return {
        ...result,
        indices: repeatFirstItems(result.indices, repeated),
        count: result.count + repeated,
      };
    }

    case 'repeatPage':
      if (result.isSearch && previousPage !== undefined) {
        return {
          ...result,
          indices: [...previousPage],
          count: previousPage.length,
        };
      }
      return result;

    case 'outOfOrder':
      return {
        ...result,
        indices: shuffleInWindows(
          result.indices,
          new SeededRandom([result.count, 0x5f1]),
        ),
      };

    default:
      return result;
  }
}
