import { RecordSpans } from './jsonScan';
import { hasIntegerId } from './wrapper';

/**
 * The records of one list or search response. Each record is parsed only
 * when it is read, so a page of thousands of records never becomes thousands
 * of objects at once. Those objects would outlive several young garbage
 * collections and fill the old heap with short-lived data.
 */
export interface RecordList {
  readonly length: number;
  /** The record's top-level integer `ID`, or undefined when it has none. */
  idAt(index: number): number | undefined;
  /** Parses and returns the record at `index`. */
  recordAt(index: number): unknown;
}

/** Records still in the response body, located by `scanJson`. */
export class BodyRecordList implements RecordList {
  constructor(
    private readonly body: Buffer,
    private readonly spans: RecordSpans,
  ) {}

  get length(): number {
    return this.spans.starts.length;
  }

  idAt(index: number): number | undefined {
    const id = this.spans.ids[index];
    return Number.isSafeInteger(id) ? id : undefined;
  }

  recordAt(index: number): unknown {
    // The scan checked the whole body, so every span is valid JSON.
    return JSON.parse(
      this.body.toString(
        'utf8',
        this.spans.starts[index],
        this.spans.ends[index],
      ),
    ) as unknown;
  }
}

/** Records that were already parsed with the rest of the body. */
export class ParsedRecordList implements RecordList {
  constructor(private readonly records: unknown[]) {}

  get length(): number {
    return this.records.length;
  }

  idAt(index: number): number | undefined {
    const record = this.records[index];
    return hasIntegerId(record) ? record.ID : undefined;
  }

  recordAt(index: number): unknown {
    return this.records[index];
  }
}
