/**
 * Records of one resource, ordered by ascending ID and addressed by index,
 * so that a search page can be computed without building the whole list.
 */

import { ExpandSelection } from './expand';
import { JsonObject } from './json';

export interface RecordSource {
  readonly size: number;
  /** ID of the record at `index`; IDs strictly increase with the index. */
  idAt(index: number): number;
  /** Index of the first record whose ID is at least `id`, or `size` if none is. */
  lowerBound(id: number): number;
  /** Builds the record at `index`. Only computer sources use `expand`. */
  recordAt(index: number, expand: ExpandSelection): JsonObject;
}

/** Returns the index of the record with this ID, or -1. */
export function indexOfId(source: RecordSource, id: number): number {
  const index = source.lowerBound(id);
  return index < source.size && source.idAt(index) === id ? index : -1;
}

/** A source over records held in memory. */
export class ArrayRecordSource implements RecordSource {
  private readonly records: readonly JsonObject[];
  private readonly ids: readonly number[];

  /**
   * Sorts a copy of `records` by their integer `ID` property. `project`
   * shapes each record for the request's expand selection.
   * Raises an error naming `label` when an ID is missing or repeated.
   */
  constructor(
    label: string,
    records: readonly JsonObject[],
    private readonly project: (
      record: JsonObject,
      expand: ExpandSelection,
    ) => JsonObject = (record) => record,
  ) {
    const withIds = records.map((record, position) => {
      const id = record.ID;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        throw new Error(
          `Invalid ${label} records: record ${position} has no integer ID.`,
        );
      }
      return { id, record };
    });
    withIds.sort((a, b) => a.id - b.id);

    for (let i = 1; i < withIds.length; i++) {
      if (withIds[i].id === withIds[i - 1].id) {
        throw new Error(
          `Invalid ${label} records: ID ${withIds[i].id} appears more than once.`,
        );
      }
    }

    this.records = withIds.map((entry) => entry.record);
    this.ids = withIds.map((entry) => entry.id);
  }

  get size(): number {
    return this.records.length;
  }

  idAt(index: number): number {
    return this.ids[index];
  }

  lowerBound(id: number): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ids[middle] < id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  recordAt(index: number, expand: ExpandSelection): JsonObject {
    return this.project(this.records[index], expand);
  }
}
