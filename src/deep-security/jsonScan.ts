/**
 * One pass over a JSON body (RFC 8259) in its UTF-8 bytes, without building
 * any value. It finds the first syntax error, which `JSON.parse` on Node 20
 * names only for some errors, and it finds where each record of a list
 * response starts and ends, so that records can be parsed one at a time.
 */

/** Byte spans of the records of a list response. */
export interface RecordSpans {
  /** Byte offset of each record's first byte. */
  starts: number[];
  /** Byte offset just after each record's last byte. */
  ends: number[];
  /**
   * Each record's top-level `ID` when it is a number, else NaN. A repeated
   * `ID` key counts by its last value, as in `JSON.parse`.
   */
  ids: number[];
}

export type JsonScan =
  /** The body is not valid JSON; `errorAt` is `bytes.length` when it ends too early. */
  | { errorAt: number }
  /**
   * The body is valid JSON. `records` is set when it is an object whose
   * list property (the last one, if repeated) is an array.
   */
  | { errorAt: undefined; records: RecordSpans | undefined };

// Character codes.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

// The token the scanner expects next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY = 2;
const KEY_OR_CLOSE = 3;
const AFTER_KEY = 4;
const AFTER_VALUE = 5;

const ARRAY = 0;
const OBJECT = 1;

/** Escapes allowed after a backslash, besides `\u`: `" \ / b f n r t`. */
const SIMPLE_ESCAPES = new Set([
  0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74,
]);
const LITERALS = [
  Buffer.from('true'),
  Buffer.from('false'),
  Buffer.from('null'),
];
const ID_KEY = Buffer.from('ID');

/** Nesting depths at which list records and their keys sit. */
const ROOT_MEMBER_DEPTH = 1;
const RECORD_DEPTH = 2;
const RECORD_MEMBER_DEPTH = 3;

/**
 * Scans `bytes` as one JSON text. With `listProperty`, it also returns the
 * spans of the records in that property of the top-level object. The
 * container stack is explicit, so deep nesting cannot overflow the call
 * stack.
 */
export function scanJson(bytes: Uint8Array, listProperty?: string): JsonScan {
  const listKey =
    listProperty === undefined ? undefined : Buffer.from(listProperty);
  const length = bytes.length;
  const containers: number[] = [];
  let expected = VALUE;
  let i = 0;

  let records: RecordSpans | undefined;
  // The list array being read, or undefined outside of it.
  let list: RecordSpans | undefined;
  let keyIsList = false;
  let keyIsId = false;
  let recordStart = 0;
  let recordId = NaN;

  /** Pops the container that `bytes[i]` closes. */
  const close = (): void => {
    const depth = containers.length;
    containers.pop();
    i++;
    if (list === undefined) {
      return;
    }
    if (depth === RECORD_MEMBER_DEPTH) {
      // A record that is an object or an array ended.
      list.starts.push(recordStart);
      list.ends.push(i);
      list.ids.push(recordId);
    } else if (depth === RECORD_DEPTH) {
      // The list array itself ended.
      records = list;
      list = undefined;
    }
  };

  for (;;) {
    while (i < length) {
      const c = bytes[i];
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) {
        break;
      }
      i++;
    }
    if (i >= length) {
      return containers.length === 0 && expected === AFTER_VALUE
        ? { errorAt: undefined, records }
        : { errorAt: length };
    }
    const c = bytes[i];
    const depth = containers.length;

    switch (expected) {
      case VALUE:
      case VALUE_OR_CLOSE: {
        if (c === CLOSE_BRACKET && expected === VALUE_OR_CLOSE) {
          close();
          expected = AFTER_VALUE;
          break;
        }

        if (keyIsList && depth === ROOT_MEMBER_DEPTH) {
          // The last list property counts: an array replaces what an
          // earlier one found, and any other value leaves no records.
          records = undefined;
          list =
            c === OPEN_BRACKET ? { starts: [], ends: [], ids: [] } : undefined;
        }
        const isRecord = list !== undefined && depth === RECORD_DEPTH;
        const isRecordId =
          keyIsId && list !== undefined && depth === RECORD_MEMBER_DEPTH;
        if (isRecord) {
          recordStart = i;
          recordId = NaN;
          keyIsId = false;
        }

        if (c === OPEN_BRACKET || c === OPEN_BRACE) {
          if (isRecordId) {
            recordId = NaN;
          }
          containers.push(c === OPEN_BRACKET ? ARRAY : OBJECT);
          i++;
          expected = c === OPEN_BRACKET ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
          break;
        }

        const end = scanScalar(bytes, i);
        if (end < 0) {
          return { errorAt: -end - 1 };
        }
        if (isRecordId) {
          recordId = isNumberStart(c) ? readNumber(bytes, i, end) : NaN;
        }
        if (isRecord && list !== undefined) {
          list.starts.push(i);
          list.ends.push(end);
          list.ids.push(NaN);
        }
        i = end;
        expected = AFTER_VALUE;
        break;
      }

      case KEY:
      case KEY_OR_CLOSE: {
        if (c === CLOSE_BRACE && expected === KEY_OR_CLOSE) {
          close();
          expected = AFTER_VALUE;
          break;
        }
        if (c !== QUOTE) {
          return { errorAt: i };
        }
        const end = scanString(bytes, i);
        if (end < 0) {
          return { errorAt: -end - 1 };
        }
        keyIsList =
          listKey !== undefined &&
          depth === ROOT_MEMBER_DEPTH &&
          keyEquals(bytes, i, end, listKey);
        keyIsId =
          list !== undefined &&
          depth === RECORD_MEMBER_DEPTH &&
          keyEquals(bytes, i, end, ID_KEY);
        i = end;
        expected = AFTER_KEY;
        break;
      }

      case AFTER_KEY:
        if (c !== COLON) {
          return { errorAt: i };
        }
        i++;
        expected = VALUE;
        break;

      case AFTER_VALUE: {
        const container = containers[depth - 1];
        if (container === undefined) {
          // Text after a complete top-level value.
          return { errorAt: i };
        }
        if (c === COMMA) {
          i++;
          expected = container === OBJECT ? KEY : VALUE;
        } else if (
          (c === CLOSE_BRACKET && container === ARRAY) ||
          (c === CLOSE_BRACE && container === OBJECT)
        ) {
          close();
        } else {
          return { errorAt: i };
        }
        break;
      }
    }
  }
}

/**
 * Returns the offset after the scalar at `start`, or `-(errorAt + 1)`.
 * Negative results keep the hot path free of result objects.
 */
function scanScalar(bytes: Uint8Array, start: number): number {
  const c = bytes[start];
  if (c === QUOTE) {
    return scanString(bytes, start);
  }
  if (isNumberStart(c)) {
    return scanNumber(bytes, start);
  }
  for (const literal of LITERALS) {
    if (literal[0] !== c) {
      continue;
    }
    for (let k = 1; k < literal.length; k++) {
      if (bytes[start + k] !== literal[k]) {
        return -Math.min(start + k, bytes.length) - 1;
      }
    }
    return start + literal.length;
  }
  return -start - 1;
}

function scanString(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  let i = start + 1;
  while (i < length) {
    const c = bytes[i];
    if (c === QUOTE) {
      return i + 1;
    }
    if (c < SPACE) {
      // Control characters must be escaped inside strings.
      return -i - 1;
    }
    if (c !== BACKSLASH) {
      i++;
      continue;
    }

    if (i + 1 >= length) {
      return -length - 1;
    }
    const escape = bytes[i + 1];
    if (escape === LOWER_U) {
      for (let k = 2; k < 6; k++) {
        if (i + k >= length) {
          return -length - 1;
        }
        if (!isHexDigit(bytes[i + k])) {
          return -(i + k) - 1;
        }
      }
      i += 6;
    } else if (SIMPLE_ESCAPES.has(escape)) {
      i += 2;
    } else {
      return -(i + 1) - 1;
    }
  }
  return -length - 1;
}

function scanNumber(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  let i = start;
  if (bytes[i] === MINUS) {
    i++;
  }

  if (bytes[i] === ZERO) {
    i++;
  } else if (isDigit(bytes[i])) {
    i = skipDigits(bytes, i);
  } else {
    return -Math.min(i, length) - 1;
  }

  if (bytes[i] === DOT) {
    if (!isDigit(bytes[i + 1])) {
      return -Math.min(i + 1, length) - 1;
    }
    i = skipDigits(bytes, i + 1);
  }

  if (bytes[i] === LOWER_E || bytes[i] === UPPER_E) {
    i++;
    if (bytes[i] === PLUS || bytes[i] === MINUS) {
      i++;
    }
    if (!isDigit(bytes[i])) {
      return -Math.min(i, length) - 1;
    }
    i = skipDigits(bytes, i);
  }
  return i;
}

/** Reads a number token the scan accepted, as `JSON.parse` would. */
function readNumber(bytes: Uint8Array, start: number, end: number): number {
  return Number(
    Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString(
      'latin1',
    ),
  );
}

/**
 * Compares a scanned string token (quotes included) with `expected`. A key
 * with escapes is decoded first, so `"\u0049D"` matches `ID` as it would
 * after `JSON.parse`.
 */
function keyEquals(
  bytes: Uint8Array,
  start: number,
  end: number,
  expected: Buffer,
): boolean {
  const inner = end - start - 2;
  if (inner === expected.length) {
    let k = 0;
    while (k < inner && bytes[start + 1 + k] === expected[k]) {
      k++;
    }
    if (k === inner) {
      return true;
    }
  }
  // An escaped spelling is longer than the text, and at most six bytes
  // (`\uXXXX`) encode each character.
  const mayBeEscaped =
    inner > expected.length &&
    inner <= expected.length * 6 &&
    bytes.subarray(start + 1, end - 1).includes(BACKSLASH);
  if (!mayBeEscaped) {
    return false;
  }
  const token = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    end - start,
  );
  return JSON.parse(token.toString('utf8')) === expected.toString('utf8');
}

function isNumberStart(c: number): boolean {
  return c === MINUS || (c >= ZERO && c <= NINE);
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

function isHexDigit(c: number): boolean {
  return (
    (c >= ZERO && c <= NINE) ||
    (c >= 0x41 && c <= 0x46) ||
    (c >= 0x61 && c <= 0x66)
  );
}

function skipDigits(bytes: Uint8Array, start: number): number {
  let i = start;
  while (isDigit(bytes[i])) {
    i++;
  }
  return i;
}
