import { findJsonErrorIndex } from './jsonErrorIndex';

describe('findJsonErrorIndex', () => {
  test.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ',
    '"text"',
    '0',
    '{"nested": {"deep": [[[]]]}}',
  ])('valid %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonErrorIndex(text)).toBeUndefined();
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
  ])('invalid %j fails at %i', (text, index) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonErrorIndex(text)).toBe(index);
  });

  test('deep nesting does not overflow', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

    expect(findJsonErrorIndex(text)).toBeUndefined();
  });
});
