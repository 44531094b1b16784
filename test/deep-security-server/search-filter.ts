/**
 * Validation of the SearchFilter body of `POST /<resource>/search` and
 * selection of the records it matches. Only ID criteria are supported.
 */

import { ApiError } from './api-error';
import { isJsonObject } from './json';
import { RecordSource } from './record-source';

/**
 * Default and maximum `maxItems`. 5000 is the documented default. The API
 * documents no maximum, so using the default as the cap is this server's choice.
 */
export const MAX_ITEMS_LIMIT = 5000;

const ID_TESTS = [
  'equal',
  'not-equal',
  'less-than',
  'less-than-or-equal',
  'greater-than',
  'greater-than-or-equal',
] as const;

type IdTest = (typeof ID_TESTS)[number];

/** IDs matched by all ID criteria together: a closed interval minus exclusions. */
export interface IdRange {
  lowest: number;
  highest: number;
  excluded: ReadonlySet<number>;
}

export const ALL_IDS: IdRange = {
  lowest: -Infinity,
  highest: Infinity,
  excluded: new Set(),
};

export interface SearchFilter {
  maxItems: number;
  idRange: IdRange;
  /**
   * Whether the client asked for ascending ID order. This server returns
   * ascending ID order either way, because it has no other stored order.
   */
  sortByObjectID: boolean;
}

const FILTER_PROPERTIES = ['maxItems', 'searchCriteria', 'sortByObjectID'];

function isIdTest(value: unknown): value is IdTest {
  return (
    typeof value === 'string' && (ID_TESTS as readonly string[]).includes(value)
  );
}

function describeCriterion(criterion: unknown): string {
  return JSON.stringify(criterion) ?? String(criterion);
}

/** Narrows the range to IDs that pass one criterion. */
function applyIdCriterion(
  range: IdRange,
  test: IdTest,
  value: number,
): IdRange {
  const excluded = new Set(range.excluded);
  let { lowest, highest } = range;

  switch (test) {
    case 'equal':
      lowest = Math.max(lowest, value);
      highest = Math.min(highest, value);
      break;
    case 'not-equal':
      excluded.add(value);
      break;
    case 'less-than':
      highest = Math.min(highest, value - 1);
      break;
    case 'less-than-or-equal':
      highest = Math.min(highest, value);
      break;
    case 'greater-than':
      lowest = Math.max(lowest, value + 1);
      break;
    case 'greater-than-or-equal':
      lowest = Math.max(lowest, value);
      break;
  }

  return { lowest, highest, excluded };
}

function parseCriterion(range: IdRange, criterion: unknown): IdRange {
  if (!isJsonObject(criterion)) {
    throw new ApiError(
      400,
      `Invalid search criterion ${describeCriterion(
        criterion,
      )}: each criterion must be an object.`,
    );
  }

  const unsupported = Object.keys(criterion).filter(
    (key) => key !== 'idValue' && key !== 'idTest',
  );
  if (unsupported.length > 0 || criterion.idValue === undefined) {
    throw new ApiError(
      400,
      `Unsupported search criterion ${describeCriterion(criterion)}: ` +
        'this server supports only ID criteria (idValue with an optional idTest, no fieldName).',
    );
  }

  const value = criterion.idValue;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ApiError(
      400,
      `Invalid idValue in search criterion ${describeCriterion(
        criterion,
      )}: expected an integer.`,
    );
  }

  const test = criterion.idTest ?? 'equal';
  if (!isIdTest(test)) {
    throw new ApiError(
      400,
      `Invalid idTest in search criterion ${describeCriterion(criterion)}: ` +
        `expected one of ${ID_TESTS.join(', ')}.`,
    );
  }

  return applyIdCriterion(range, test, value);
}

function parseMaxItems(value: unknown): number {
  if (value === undefined) {
    return MAX_ITEMS_LIMIT;
  }
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_ITEMS_LIMIT
  ) {
    throw new ApiError(
      400,
      `Invalid maxItems ${JSON.stringify(
        value,
      )}: expected an integer from 1 to ${MAX_ITEMS_LIMIT}.`,
    );
  }
  return value;
}

/** Validates a parsed search body. Raises a 400 ApiError naming the invalid part. */
export function parseSearchFilter(body: unknown): SearchFilter {
  if (!isJsonObject(body)) {
    throw new ApiError(
      400,
      'Invalid search filter: the body must be a JSON object.',
    );
  }

  const unknownProperties = Object.keys(body).filter(
    (key) => !FILTER_PROPERTIES.includes(key),
  );
  if (unknownProperties.length > 0) {
    throw new ApiError(
      400,
      `Invalid search filter: unknown properties ${unknownProperties.join(
        ', ',
      )}. ` + `Allowed: ${FILTER_PROPERTIES.join(', ')}.`,
    );
  }

  const maxItems = parseMaxItems(body.maxItems);

  const sortByObjectID = body.sortByObjectID ?? false;
  if (typeof sortByObjectID !== 'boolean') {
    throw new ApiError(
      400,
      'Invalid search filter: sortByObjectID must be true or false.',
    );
  }

  const criteria = body.searchCriteria ?? [];
  if (!Array.isArray(criteria)) {
    throw new ApiError(
      400,
      'Invalid search filter: searchCriteria must be an array.',
    );
  }

  let idRange = ALL_IDS;
  for (const criterion of criteria) {
    idRange = parseCriterion(idRange, criterion);
  }

  return { maxItems, idRange, sortByObjectID };
}

/** Yields the indices of the source's records whose IDs are in the range, ascending. */
export function* indicesInRange(
  source: RecordSource,
  range: IdRange,
): Generator<number> {
  const start =
    range.lowest === -Infinity ? 0 : source.lowerBound(range.lowest);
  for (let index = start; index < source.size; index++) {
    const id = source.idAt(index);
    if (id > range.highest) {
      return;
    }
    if (!range.excluded.has(id)) {
      yield index;
    }
  }
}

/** Returns the indices of at most `maxItems` matching records, ascending by ID. */
export function selectSearchPage(
  source: RecordSource,
  filter: SearchFilter,
): number[] {
  const page: number[] = [];
  for (const index of indicesInRange(source, filter.idRange)) {
    if (page.length >= filter.maxItems) {
      break;
    }
    page.push(index);
  }
  return page;
}
