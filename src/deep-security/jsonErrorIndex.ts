/**
 * Locates the first syntax error in a JSON text (RFC 8259). `JSON.parse` on
 * Node 20 names the position for some errors only. For an unexpected token
 * it quotes a snippet instead, so this module finds the position itself.
 */

type Scan = { ok: true; end: number } | { ok: false; at: number };

type Expected =
  | 'value'
  | 'valueOrClose'
  | 'key'
  | 'keyOrClose'
  | 'colon'
  | 'separator';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX_DIGIT = /^[0-9a-fA-F]$/;
const LITERALS = ['true', 'false', 'null'];

/**
 * Returns the UTF-16 index of the first character at which `text` stops
 * being valid JSON, `text.length` when it ends too early, or undefined when
 * it is valid. Runs in one pass with an explicit stack, so deep nesting
 * cannot overflow the call stack.
 */
export function findJsonErrorIndex(text: string): number | undefined {
  const containers: Array<'array' | 'object'> = [];
  let expected: Expected = 'value';
  let i = 0;

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i])) {
      i++;
    }
    if (i >= text.length) {
      return containers.length === 0 && expected === 'separator'
        ? undefined
        : text.length;
    }
    const char = text[i];

    switch (expected) {
      case 'value':
      case 'valueOrClose': {
        if (char === ']' && expected === 'valueOrClose') {
          containers.pop();
          i++;
          expected = 'separator';
        } else if (char === '[') {
          containers.push('array');
          i++;
          expected = 'valueOrClose';
        } else if (char === '{') {
          containers.push('object');
          i++;
          expected = 'keyOrClose';
        } else {
          const scan = scanScalar(text, i);
          if (!scan.ok) {
            return scan.at;
          }
          i = scan.end;
          expected = 'separator';
        }
        break;
      }

      case 'key':
      case 'keyOrClose': {
        if (char === '}' && expected === 'keyOrClose') {
          containers.pop();
          i++;
          expected = 'separator';
          break;
        }
        if (char !== '"') {
          return i;
        }
        const scan = scanString(text, i);
        if (!scan.ok) {
          return scan.at;
        }
        i = scan.end;
        expected = 'colon';
        break;
      }

      case 'colon':
        if (char !== ':') {
          return i;
        }
        i++;
        expected = 'value';
        break;

      case 'separator': {
        const container = containers[containers.length - 1];
        if (container === undefined) {
          // Text after a complete top-level value.
          return i;
        }
        if (char === ',') {
          i++;
          expected = container === 'object' ? 'key' : 'value';
        } else if (
          (char === ']' && container === 'array') ||
          (char === '}' && container === 'object')
        ) {
          containers.pop();
          i++;
        } else {
          return i;
        }
        break;
      }
    }
  }
}

function scanScalar(text: string, start: number): Scan {
  const char = text[start];
  if (char === '"') {
    return scanString(text, start);
  }
  if (char === '-' || (char >= '0' && char <= '9')) {
    return scanNumber(text, start);
  }

  const literal = LITERALS.find((word) => word[0] === char);
  if (literal === undefined) {
    return { ok: false, at: start };
  }
  for (let k = 0; k < literal.length; k++) {
    if (text[start + k] !== literal[k]) {
      return { ok: false, at: Math.min(start + k, text.length) };
    }
  }
  return { ok: true, end: start + literal.length };
}

function scanString(text: string, start: number): Scan {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      return { ok: true, end: i + 1 };
    }
    if (char < ' ') {
      // Control characters must be escaped inside strings.
      return { ok: false, at: i };
    }
    if (char !== '\\') {
      i++;
      continue;
    }

    const escape = text[i + 1];
    if (escape === undefined) {
      return { ok: false, at: text.length };
    }
    if (escape === 'u') {
      for (let k = 2; k < 6; k++) {
        if (!HEX_DIGIT.test(text[i + k] ?? '')) {
          return { ok: false, at: Math.min(i + k, text.length) };
        }
      }
      i += 6;
    } else if (ESCAPES.has(escape)) {
      i += 2;
    } else {
      return { ok: false, at: i + 1 };
    }
  }
  return { ok: false, at: text.length };
}

function scanNumber(text: string, start: number): Scan {
  let i = start;
  if (text[i] === '-') {
    i++;
  }

  if (text[i] === '0') {
    i++;
  } else if (isDigit(text[i])) {
    i = skipDigits(text, i);
  } else {
    return { ok: false, at: Math.min(i, text.length) };
  }

  if (text[i] === '.') {
    if (!isDigit(text[i + 1])) {
      return { ok: false, at: Math.min(i + 1, text.length) };
    }
    i = skipDigits(text, i + 1);
  }

  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') {
      i++;
    }
    if (!isDigit(text[i])) {
      return { ok: false, at: Math.min(i, text.length) };
    }
    i = skipDigits(text, i);
  }
  return { ok: true, end: i };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function skipDigits(text: string, start: number): number {
  let i = start;
  while (isDigit(text[i])) {
    i++;
  }
  return i;
}
