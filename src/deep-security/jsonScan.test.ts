import { RecordSpans, scanJson } from './jsonScan';

function scan(text: string, listProperty?: string) {
  return scanJson(Buffer.from(text, 'utf8'), listProperty);
}

/** Returns the records a scan found, as text, with the ID read for each. */
function recordsOf(
  text: string,
  listProperty = 'computers',
): Array<[string, number]> | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const result = scanJson(bytes, listProperty);
  if (result.errorAt !== undefined) {
    throw new Error(`unexpected error at ${result.errorAt}`);
  }
  const spans: RecordSpans | undefined = result.records;
  return spans?.starts.map((start, index) => [
    bytes.toString('utf8', start, spans.ends[index]),
    spans.ids[index],
  ]);
}

describe('scanJson errors', () => {
  test.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ',
    '"text"',
    '0',
    '{"nested": {"deep": [[[]]]}}',
    '{"name": "caf\u00e9 \u65e5\u672c"}',
  ])('valid %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(scan(text).errorAt).toBeUndefined();
  });

  test.each<[string, number]>([
    ['{"ID":,"a":1}', 6],
    ['[1,2,]', 5],
    ['{"a":1}x', 7],
    ['<!DOCTYPE html>', 0],
    ['', 0],
    ['{"a":', 5],
    ['{"a" 1}', 5],
    ['[01]', 2],
    ['[1.]', 3],
    ['[tru]', 4],
    ['["a\\x"]', 4],
    ['["\\u12G4"]', 6],
    ['{"a":1,}', 7],
    ['[1}', 2],
    ['"tab\there"', 4],
    ['\ufeff{}', 0],
  ])('invalid %j fails at byte %i', (text, byte) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(scan(text).errorAt).toBe(byte);
  });

  test('counts bytes, not characters', () => {
    // "é" takes two bytes in UTF-8.
    expect(scan('{"é":x}').errorAt).toBe(6);
  });

  test('deep nesting does not overflow', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

    expect(scan(text).errorAt).toBeUndefined();
  });
});

describe('scanJson records', () => {
  test('finds each record of the list property with its ID', () => {
    const text =
      '{"computers": [ {"ID": 3, "hostName": "a"} ,{"hostName":"b","ID":7}]}';

    expect(recordsOf(text)).toEqual([
      ['{"ID": 3, "hostName": "a"}', 3],
      ['{"hostName":"b","ID":7}', 7],
    ]);
  });

  test('reads only the top-level ID of a record', () => {
    const text =
      '{"computers":[{"interfaces":{"ID":99,"list":[{"ID":98}]},"ID":5}]}';

    expect(recordsOf(text)).toEqual([
      ['{"interfaces":{"ID":99,"list":[{"ID":98}]},"ID":5}', 5],
    ]);
  });

  test('reads IDs as JSON.parse does', () => {
    const text =
      '{"computers":[{"ID":1e3},{"ID":"4"},{"ID":null},{"ID":[1]},{"ID":1,"ID":2},{"\\u0049D":6},{"id":8},{}]}';

    expect(recordsOf(text)?.map(([, id]) => id)).toEqual([
      1000,
      NaN,
      NaN,
      NaN,
      2,
      6,
      NaN,
      NaN,
    ]);
  });

  test('keeps records that are not objects, without an ID', () => {
    expect(recordsOf('{"computers":[null, 5, "x", [ {"ID":1} ]]}')).toEqual([
      ['null', NaN],
      ['5', NaN],
      ['"x"', NaN],
      ['[ {"ID":1} ]', NaN],
    ]);
  });

  test('is not confused by brackets, quotes and escapes in strings', () => {
    const text =
      '{"note":"]}[{","computers":[{"ID":1,"description":"a \\"quoted\\" ]} \\\\"}],"tail":"{["}';

    expect(recordsOf(text)).toEqual([
      ['{"ID":1,"description":"a \\"quoted\\" ]} \\\\"}', 1],
    ]);
  });

  test('keeps multi-byte characters whole', () => {
    const text = '{"computers":[{"ID":1,"displayName":"服务器 é"}]}';
    const [[record]] = recordsOf(text) ?? [];

    expect(JSON.parse(record)).toEqual({ ID: 1, displayName: '服务器 é' });
  });

  test('uses the last list property, as JSON.parse does', () => {
    expect(
      recordsOf('{"computers":[{"ID":1}],"computers":[{"ID":2}]}'),
    ).toEqual([['{"ID":2}', 2]]);
    expect(recordsOf('{"computers":[{"ID":1}],"computers":null}')).toBe(
      undefined,
    );
  });

  test('finds an empty list', () => {
    expect(recordsOf('{"computers":[]}')).toEqual([]);
  });

  test('finds no records outside the top-level list', () => {
    expect(recordsOf('{"administrators":[{"ID":1}]}')).toBeUndefined();
    expect(recordsOf('[{"computers":[{"ID":1}]}]')).toBeUndefined();
    expect(recordsOf('{"page":{"computers":[{"ID":1}]}}')).toBeUndefined();
    expect(recordsOf('{"computers":{"ID":1}}')).toBeUndefined();
  });

  test('reports the error instead of records for a cut body', () => {
    expect(scan('{"computers":[{"ID":1},{"ID":2', 'computers')).toEqual({
      errorAt: 30,
    });
  });

  test('finds records that JSON.parse reads the same way', () => {
    const list = Array.from({ length: 50 }, (_, index) => ({
      ID: index + 1,
      hostName: `host-${index}`,
      interfaces: { interfaces: [{ ID: 1, IPs: ['10.0.0.1'] }] },
      tags: index % 2 ? null : ['a', 'b'],
      weight: index / 3,
    }));
    const text = JSON.stringify({ computers: list }, null, 2);
    const bytes = Buffer.from(text);
    const result = scanJson(bytes, 'computers');
    if (result.errorAt !== undefined || result.records === undefined) {
      throw new Error('expected records');
    }
    const { starts, ends, ids } = result.records;

    expect(
      starts.map((start, i) =>
        JSON.parse(bytes.toString('utf8', start, ends[i])),
      ),
    ).toEqual(list);
    expect(ids).toEqual(list.map((record) => record.ID));
  });
});

describe('scanJson against JSON.parse', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so failures repeat. */
  function createRandom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const STRING_PIECES = [
    'a',
    'ID',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    'é',
    '日',
    '😀',
    '\u0001',
    ']',
    '}',
    ',',
  ];

  function randomString(random: () => number): string {
    let text = '';
    const length = Math.floor(random() * 6);
    for (let i = 0; i < length; i++) {
      text += STRING_PIECES[Math.floor(random() * STRING_PIECES.length)];
    }
    return text;
  }

  function randomValue(random: () => number, depth: number): unknown {
    const kind = Math.floor(random() * (depth > 3 ? 5 : 7));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random() < 0.5;
      case 2:
        return Math.round((random() - 0.5) * 1e6) / (random() < 0.5 ? 1 : 7);
      case 3:
      case 4:
        return randomString(random);
      case 5:
        return Array.from({ length: Math.floor(random() * 4) }, () =>
          randomValue(random, depth + 1),
        );
      default: {
        const record: Record<string, unknown> = {};
        const size = Math.floor(random() * 4);
        for (let i = 0; i < size; i++) {
          record[random() < 0.3 ? 'ID' : randomString(random)] = randomValue(
            random,
            depth + 1,
          );
        }
        return record;
      }
    }
  }

  test('finds the same records in random bodies', () => {
    const random = createRandom(4119);
    for (let round = 0; round < 300; round++) {
      const list = Array.from({ length: Math.floor(random() * 5) }, () =>
        randomValue(random, 2),
      );
      const text = JSON.stringify(
        { before: randomValue(random, 1), computers: list },
        null,
        random() < 0.5 ? 2 : undefined,
      );
      const bytes = Buffer.from(text, 'utf8');
      const result = scanJson(bytes, 'computers');
      if (result.errorAt !== undefined || result.records === undefined) {
        throw new Error(`no records found in ${text}`);
      }
      const { starts, ends, ids } = result.records;

      expect(
        starts.map((start, i) =>
          JSON.parse(bytes.toString('utf8', start, ends[i])),
        ),
      ).toEqual(list);
      expect(ids).toEqual(
        list.map((record) => {
          const id =
            typeof record === 'object' &&
            record !== null &&
            !Array.isArray(record)
              ? (record as Record<string, unknown>).ID
              : undefined;
          return typeof id === 'number' ? id : NaN;
        }),
      );
    }
  });

  test('rejects exactly what JSON.parse rejects after one changed byte', () => {
    const random = createRandom(20);
    const replacements = [
      '"',
      '\\',
      ',',
      ':',
      '[',
      ']',
      '{',
      '}',
      'x',
      ' ',
      '0',
      '-',
      '.',
      'e',
      '\u0001',
    ];
    for (let round = 0; round < 1000; round++) {
      const text = JSON.stringify({ computers: [randomValue(random, 2)] });
      const at = Math.floor(random() * text.length);
      const changed =
        text.slice(0, at) +
        replacements[Math.floor(random() * replacements.length)] +
        text.slice(at + 1);
      let parses = true;
      try {
        JSON.parse(changed);
      } catch {
        parses = false;
      }

      expect({ changed, valid: scan(changed).errorAt === undefined }).toEqual({
        changed,
        valid: parses,
      });
    }
  });
});
