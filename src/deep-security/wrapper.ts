import { isRecord } from '../util/isRecord';

/**
 * Describes what is wrong with a list or search response, or returns
 * undefined when `body[wrapper]` is an array. Deep Security wraps every list
 * in an object, for example `{"computers": [...]}`, so a bare array, a null
 * or a missing property means the response came from something else.
 */
export function findWrapperProblem(
  body: unknown,
  wrapper: string,
): string | undefined {
  if (Array.isArray(body)) {
    return `the response is a bare JSON array, not an object with a "${wrapper}" array`;
  }
  if (!isRecord(body)) {
    return `the response is ${
      body === null ? 'null' : typeof body
    }, not an object with a "${wrapper}" array`;
  }

  const value = body[wrapper];
  if (Array.isArray(value)) {
    return undefined;
  }
  if (value === undefined) {
    const keys = Object.keys(body).slice(0, 5);
    return `the response has no "${wrapper}" property (it has ${
      keys.length ? keys.map((key) => `"${key}"`).join(', ') : 'no properties'
    })`;
  }
  return `the "${wrapper}" property is ${
    value === null ? 'null' : typeof value
  }, not an array`;
}

/** Reads the records of a response that passed `findWrapperProblem`. */
export function readWrapper(body: unknown, wrapper: string): unknown[] {
  const value = isRecord(body) ? body[wrapper] : undefined;
  return Array.isArray(value) ? value : [];
}

/** Checks that a record has the integer `ID` every Deep Security object carries. */
export function hasIntegerId(record: unknown): record is { ID: number } {
  return isRecord(record) && Number.isSafeInteger(record.ID);
}
