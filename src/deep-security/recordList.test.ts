import { scanJson } from './jsonScan';
import { BodyRecordList, ParsedRecordList } from './recordList';

function bodyRecordList(text: string): BodyRecordList {
  const body = Buffer.from(text, 'utf8');
  const scan = scanJson(body, 'computers');
  if (scan.errorAt !== undefined || scan.records === undefined) {
    throw new Error('expected a list body');
  }
  return new BodyRecordList(body, scan.records);
}

describe('BodyRecordList', () => {
  test('parses the record at an index', () => {
    const list = bodyRecordList(
      '{"computers":[{"ID":2,"hostName":"db-01"},{"ID":9007199254740993},{"hostName":"no-id"}]}',
    );

    expect(list.length).toBe(3);
    expect(list.recordAt(0)).toEqual({ ID: 2, hostName: 'db-01' });
    expect(list.recordAt(2)).toEqual({ hostName: 'no-id' });
  });

  test('gives only safe integer IDs', () => {
    const list = bodyRecordList(
      '{"computers":[{"ID":2},{"ID":9007199254740993},{"ID":1.5},{"ID":"3"},{}]}',
    );

    expect([0, 1, 2, 3, 4].map((index) => list.idAt(index))).toEqual([
      2,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('ParsedRecordList', () => {
  test('reads IDs the same way from parsed records', () => {
    const list = new ParsedRecordList([
      { ID: 2 },
      { ID: 1.5 },
      { ID: '3' },
      null,
    ]);

    expect(list.length).toBe(4);
    expect([0, 1, 2, 3].map((index) => list.idAt(index))).toEqual([
      2,
      undefined,
      undefined,
      undefined,
    ]);
    expect(list.recordAt(0)).toEqual({ ID: 2 });
  });
});
