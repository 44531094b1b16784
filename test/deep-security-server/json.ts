/**
 * JSON value types without `null`, because the Deep Security API leaves out
 * null properties instead of sending them.
 */

export type JsonPrimitive = string | number | boolean;

export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;

/** A JSON object. Properties set to `undefined` are left out when serialized. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts a parsed JSON value to `JsonValue`, dropping object properties
 * whose value is null. A null array element or top-level null raises an
 * error naming `location`.
 */
export function withoutNulls(value: unknown, location: string): JsonValue {
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }

  if (Array.isArray(value)) {
    return value.map((element, index) =>
      withoutNulls(element, `${location}[${index}]`),
    );
  }

  if (isJsonObject(value)) {
    const result: JsonObject = {};
    for (const [key, property] of Object.entries(value)) {
      if (property !== null) {
        result[key] = withoutNulls(property, `${location}.${key}`);
      }
    }
    return result;
  }

  throw new Error(`Invalid JSON value at ${location}: ${String(value)}`);
}
