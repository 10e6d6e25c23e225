// JSON output that embeds documents already printed by core: going through JSON.parse and
// JSON.stringify would rewrite a Condition's numbers (9007199254740993, 1e400, 1.50). Written in
// pieces, so an output of hundreds of megabytes never has to be one string.
import { compactJson } from '../core';

/** A JSON text printed by core's printJson (two-space indent), placed into the output as it is. */
export class Printed {
  constructor(readonly text: string) {}
}

/** An object whose keys come from the user (file paths): kept in order, `__proto__` included. */
export class Entries {
  constructor(readonly entries: readonly (readonly [string, OutValue])[]) {}
}

export type OutValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Printed
  | Entries
  | readonly OutValue[]
  /** A plain object: its own enumerable keys, in order. */
  | object;

/** Characters gathered before they are handed to `write`. */
const PIECE = 1 << 16;

/**
 * Writes `value` as JSON.stringify(value, null, 2) would (or on one line, JSON.stringify(value), with
 * `compact`), with each Printed text in its place, through `write` in pieces of about 64 K characters.
 */
export function writeJson(
  value: OutValue,
  write: (text: string) => void,
  { compact = false }: { compact?: boolean } = {},
): void {
  let parts: string[] = [];
  let size = 0;
  const put = (text: string): void => {
    parts.push(text);
    size += text.length;
    if (size >= PIECE) {
      write(parts.join(''));
      parts = [];
      size = 0;
    }
  };
  const members = (
    open: string,
    close: string,
    items: readonly (readonly [string | null, OutValue])[],
    indent: string,
  ): void => {
    // Undefined members are left out of objects, as JSON.stringify does.
    const shown = items.filter(([key, v]) => key === null || v !== undefined);
    if (shown.length === 0) {
      put(open + close);
      return;
    }
    if (compact) {
      put(open);
      shown.forEach(([key, v], i) => {
        if (key !== null) put(`${JSON.stringify(key)}:`);
        item(v, '');
        if (i < shown.length - 1) put(',');
      });
      put(close);
      return;
    }
    const inner = indent + '  ';
    put(open + '\n');
    shown.forEach(([key, v], i) => {
      put(key === null ? inner : `${inner}${JSON.stringify(key)}: `);
      item(v, inner);
      put(i < shown.length - 1 ? ',\n' : '\n');
    });
    put(indent + close);
  };
  const item = (v: OutValue, indent: string): void => {
    if (v instanceof Printed)
      put(
        compact
          ? compactJson(v.text)
          : indent === ''
            ? v.text
            : v.text.replaceAll('\n', '\n' + indent),
      );
    else if (v instanceof Entries) members('{', '}', v.entries, indent);
    else if (Array.isArray(v))
      members(
        '[',
        ']',
        v.map((x: OutValue) => [null, x] as const),
        indent,
      );
    else if (v === undefined) put('null');
    else if (typeof v === 'object' && v !== null) members('{', '}', Object.entries(v), indent);
    else put(JSON.stringify(v));
  };
  item(value, '');
  if (parts.length > 0) write(parts.join(''));
}
