// A JSON value as read, keeping what JSON.parse throws away: where every value sits in the text, key
// order, duplicate keys and the raw spelling of numbers, so errors point at a line and column and the
// refined policy can be written back with the user's structure (jsonParser.ts reads it,
// jsonPrinter.ts writes it).

interface Span {
  start: number;
  end: number;
}
export interface JsonObject extends Span {
  kind: 'object';
  entries: JsonEntry[];
}
export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonValue;
}
export interface JsonArray extends Span {
  kind: 'array';
  items: JsonValue[];
}
export interface JsonString extends Span {
  kind: 'string';
  value: string;
}
export interface JsonNumber extends Span {
  kind: 'number';
  raw: string;
}
export interface JsonLiteral extends Span {
  kind: 'true' | 'false' | 'null';
}
export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

/** A string written by the refiner (no place in the input). A class, not a literal: see NodeInfo. */
class WrittenString implements JsonString {
  readonly kind = 'string';
  readonly start = -1;
  readonly end = -1;
  constructor(readonly value: string) {}
}

export function jsonString(value: string): JsonString {
  return new WrittenString(value);
}

export function jsonArray(items: JsonValue[]): JsonArray {
  return { kind: 'array', items, start: -1, end: -1 };
}

export function entry(obj: JsonObject, key: string): JsonValue | undefined {
  return obj.entries.find((e) => e.key === key)?.value;
}

/** The value when it is a string. */
export function stringValue(v: JsonValue | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}
