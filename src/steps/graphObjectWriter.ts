import { setImmediate as eventLoopTurn } from 'timers/promises';

import {
  Entity,
  JobState,
  Relationship,
} from '@jupiterone/integration-sdk-core';

/**
 * Objects of one `_type` handed to the job state at once. The SDK writes a
 * file once it has 500 objects, and it splits each write by `_type`. A group
 * of 500 of one type therefore becomes one full file, while a mixed group
 * becomes several small files, each with its own file system calls.
 */
export const WRITE_GROUP_SIZE = 500;

type GraphObject = Entity | Relationship;

/**
 * Hands converted graph objects to the job state in groups of one type, one
 * group at a time and in order. While a group is written the caller
 * converts more records, but it waits before a second group would queue
 * behind the first. Memory therefore contains one partial group per type and
 * at most two groups being written.
 */
export class GraphObjectWriter {
  private readonly entities = new Map<string, Entity[]>();
  private readonly relationships = new Map<string, Relationship[]>();
  private pendingWrite: Promise<void> = Promise.resolve();

  constructor(private readonly jobState: JobState) {}

  /** Buffers objects and writes each type's group once it is full. */
  async add(entities: Entity[], relationships: Relationship[]): Promise<void> {
    for (const entity of entities) {
      const group = take(this.entities, entity);
      if (group) {
        await this.write(() => this.jobState.addEntities(group));
      }
    }
    for (const relationship of relationships) {
      const group = take(this.relationships, relationship);
      if (group) {
        await this.write(() => this.jobState.addRelationships(group));
      }
    }
  }

  /** Writes every partial group and waits until all writes are done. */
  async flush(): Promise<void> {
    for (const group of drain(this.entities)) {
      await this.write(() => this.jobState.addEntities(group));
    }
    for (const group of drain(this.relationships)) {
      await this.write(() => this.jobState.addRelationships(group));
    }
    await this.pendingWrite;
  }

  /** Waits for the write in flight and ignores its failure, for error paths. */
  async settle(): Promise<void> {
    await this.pendingWrite.catch(() => undefined);
  }

  /**
   * Starts a write after the one in flight and waits for that earlier one,
   * so that conversion goes on during exactly one write.
   */
  private async write(start: () => Promise<unknown>): Promise<void> {
    const previousWrite = this.pendingWrite;
    this.pendingWrite = previousWrite.then(async () => {
      await start();
    });
    // A failed write is thrown by the await below or by `flush`.
    this.pendingWrite.catch(() => undefined);
    // Conversion runs in microtasks, which keep the event loop from reading
    // the next page's response and finishing file writes. One turn per group
    // lets both go on while a page is converted.
    await eventLoopTurn();
    await previousWrite;
  }
}

/** Adds an object to its type's group and returns the group once it is full. */
function take<T extends GraphObject>(
  groups: Map<string, T[]>,
  object: T,
): T[] | undefined {
  let group = groups.get(object._type);
  if (group === undefined) {
    group = [];
    groups.set(object._type, group);
  }
  group.push(object);
  if (group.length < WRITE_GROUP_SIZE) {
    return undefined;
  }
  groups.delete(object._type);
  return group;
}

/** Empties the map and returns its groups. */
function drain<T>(groups: Map<string, T[]>): T[][] {
  const all = Array.from(groups.values());
  groups.clear();
  return all;
}
