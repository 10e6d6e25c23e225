// Reading the fields of AWS's JSON answers off core's source tree, which keeps where each value sits
// so that every message can name a line and a column.
import type { JsonObject, JsonValue } from '../core';

export function field(v: JsonValue | undefined, key: string): JsonValue | undefined {
  if (v?.kind !== 'object') return undefined;
  for (const e of v.entries) if (e.key === key) return e.value;
  return undefined;
}

export function stringField(v: JsonValue | undefined, key: string): string | undefined {
  const f = field(v, key);
  return f?.kind === 'string' ? f.value : undefined;
}

export function listField(v: JsonValue | undefined, key: string): JsonValue[] {
  const f = field(v, key);
  return f?.kind === 'array' ? f.items : [];
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return v?.kind === 'object';
}
