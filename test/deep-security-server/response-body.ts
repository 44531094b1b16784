/**
 * Serialization of response bodies as string chunks, including the broken
 * shapes that the `wrapper` and `invalidJson` faults send.
 */

import { JsonObject } from './json';

export type WrapperVariant =
  | 'normal'
  | 'missing'
  | 'null'
  | 'renamed'
  | 'bareArray';

/** Misspelt wrapper keys that the 'renamed' variant sends instead of the real ones. */
const RENAMED_WRAPPERS: Record<string, string> = {
  administrators: 'admins',
  roles: 'administratorRoles',
  apiKeys: 'apikeys',
  computers: 'computer',
  computerGroups: 'computergroups',
};

/**
 * A JSON fragment that is invalid wherever it is placed between list
 * elements or object members, because a value must follow the colon.
 */
export const DANGLING_MEMBER = '{"ID":';

export interface ItemsBodyOptions {
  /** The real wrapper key, for example `apiKeys`. */
  wrapper: string;
  variant: WrapperVariant;
  /** Index of the item before which the invalidJson fault inserts DANGLING_MEMBER as a list element. */
  brokenAt?: number;
}

/** Yields the body as chunks: the opening, one chunk per item, and the closing. */
export function* itemsBodyChunks(
  items: Iterable<JsonObject>,
  options: ItemsBodyOptions,
): Generator<string> {
  const key = JSON.stringify(
    options.variant === 'renamed'
      ? RENAMED_WRAPPERS[options.wrapper] ?? `${options.wrapper}List`
      : options.wrapper,
  );

  if (options.variant === 'missing') {
    yield '{}';
    return;
  }
  if (options.variant === 'null') {
    yield `{${key}:null}`;
    return;
  }

  const bare = options.variant === 'bareArray';
  yield bare ? '[' : `{${key}:[`;

  let position = 0;
  for (const item of items) {
    const separator = position === 0 ? '' : ',';
    if (position === options.brokenAt) {
      yield `${separator}${DANGLING_MEMBER},`;
      yield JSON.stringify(item);
    } else {
      yield separator + JSON.stringify(item);
    }
    position += 1;
  }
  if (options.brokenAt !== undefined && position <= options.brokenAt) {
    yield `${position === 0 ? '' : ','}${DANGLING_MEMBER}`;
  }

  yield bare ? ']' : ']}';
}

/** Serializes an object body. With `broken`, inserts a member without a value after the first half of the members. */
export function objectBodyText(body: JsonObject, broken: boolean): string {
  if (!broken) {
    return JSON.stringify(body);
  }

  const members = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  members.splice(Math.ceil(members.length / 2), 0, '"ID":');
  return `{${members.join(',')}}`;
}
