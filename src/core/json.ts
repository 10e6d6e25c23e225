// A JSON parser that keeps what JSON.parse throws away: where every value sits in the text, key order,
// duplicate keys and the raw spelling of numbers, so errors point at a line and column and the
// refined policy can be written back with the user's structure.

export interface SourceError {
  message: string;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units like Monaco's */
  column: number;
  offset: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SourceError };

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

/** Deeper than any IAM document or finding; refusing early keeps a 10,000-deep paste from blowing the stack. */
export const MAX_JSON_DEPTH = 64;

/** Maps offsets to 1-based line and column. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/**
 * User text as it may appear inside a message: in double quotes, cut to `max` characters, with
 * control, bidirectional and line-breaking characters written as \uXXXX, so a message stays one line
 * that a terminal or a page shows as it is (a key can hold "\u001b[2J" or a newline).
 */
export function quote(text: string, max = 80): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const safe = cut.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) =>
      c === '"' || c === '\\'
        ? `\\${c}`
        : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `"${safe}"${text.length > max ? `... (${text.length.toLocaleString('en-US')} characters)` : ''}`;
}

/** User text in a message: as it is when it is short and plain (s3:Get*), else quoted and cut. */
export function shown(text: string, max = 120): string {
  return text.length <= max && /^[\x21-\x7e]*$/.test(text) ? text : quote(text, max);
}

export function errorAt(text: string, offset: number, message: string): SourceError {
  return { message, offset, ...new LineMap(text).position(offset) };
}

class ParseFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The character at `offset`, whole even when it is outside the BMP, named when it would not show. */
function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  if (code === undefined) return 'the end of the text';
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 32 || code === 127) return `control character ${hex}`;
  const c = String.fromCodePoint(code);
  if (c !== '"' && c !== '\\' && quote(c) !== `"${c}"`) return `character ${hex}`;
  return `'${c}'`;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1; // a byte-order mark from a Windows editor is not content
  }

  parseDocument(): JsonValue {
    this.skipSpace();
    if (this.pos >= this.text.length)
      this.fail(this.pos, 'The text is empty: expected a JSON value');
    const value = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length)
      this.fail(
        this.pos,
        `Unexpected ${describeChar(this.text, this.pos)} after the end of the JSON value`,
      );
    return value;
  }

  private fail(offset: number, message: string): never {
    throw new ParseFailure(offset, message);
  }

  private skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else if (c === 47 && (t[this.pos + 1] === '/' || t[this.pos + 1] === '*'))
        this.fail(this.pos, 'Comments are not allowed in JSON');
      else return;
    }
  }

  private parseValue(depth: number): JsonValue {
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      if (depth >= this.maxDepth)
        this.fail(
          this.pos,
          `JSON nested deeper than ${this.maxDepth} levels is refused (no policy or finding needs more)`,
        );
      return c === '{' ? this.parseObject(depth + 1) : this.parseArray(depth + 1);
    }
    if (c === '"') return this.parseString();
    if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
    for (const word of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const start = this.pos;
        this.pos += word.length;
        return { kind: word, start, end: this.pos };
      }
    }
    if (c === "'") this.fail(this.pos, "Strings must use double quotes, not '");
    if (c === undefined) this.fail(this.pos, 'Unexpected end of the text: a value is missing');
    this.fail(
      this.pos,
      `Unexpected ${describeChar(this.text, this.pos)}: expected a value (object, array, string, number, true, false or null)`,
    );
  }

  private parseObject(depth: number): JsonObject {
    const start = this.pos++;
    const entries: JsonEntry[] = [];
    const seen = new Map<string, number>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', start, end: this.pos, entries };
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c !== '"') {
        if (c === '}' && entries.length > 0) this.fail(this.pos, "Trailing comma before '}'");
        if (c === undefined) this.unterminated(start, 'object');
        this.fail(
          this.pos,
          `Expected a property name in double quotes, found ${describeChar(this.text, this.pos)}`,
        );
      }
      const keyNode = this.parseString();
      const previous = seen.get(keyNode.value);
      if (previous !== undefined) {
        const first = new LineMap(this.text).position(previous);
        this.fail(
          keyNode.start,
          `Duplicate key ${quote(keyNode.value)} (first at line ${first.line}, column ${first.column}): IAM rejects it`,
        );
      }
      seen.set(keyNode.value, keyNode.start);
      this.skipSpace();
      if (this.text[this.pos] !== ':') {
        if (this.pos >= this.text.length) this.unterminated(start, 'object');
        this.fail(
          this.pos,
          `Expected ':' after ${quote(keyNode.value)}, found ${describeChar(this.text, this.pos)}`,
        );
      }
      this.pos++;
      this.skipSpace();
      const value = this.parseValue(depth);
      entries.push({ key: keyNode.value, keyStart: keyNode.start, keyEnd: keyNode.end, value });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { kind: 'object', start, end: this.pos, entries };
      }
      if (next === undefined) this.unterminated(start, 'object');
      this.fail(
        this.pos,
        `Expected ',' or '}' after the value of ${quote(keyNode.value)}, found ${describeChar(this.text, this.pos)}`,
      );
    }
  }

  private parseArray(depth: number): JsonArray {
    const start = this.pos++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', start, end: this.pos, items };
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ']' && items.length > 0) this.fail(this.pos, "Trailing comma before ']'");
      if (c === undefined) this.unterminated(start, 'array');
      items.push(this.parseValue(depth));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      if (next === undefined) this.unterminated(start, 'array');
      this.fail(
        this.pos,
        `Expected ',' or ']' after an array item, found ${describeChar(this.text, this.pos)}`,
      );
    }
  }

  private unterminated(start: number, what: string): never {
    const at = new LineMap(this.text).position(start);
    this.fail(
      this.text.length,
      `Unexpected end of the text: the ${what} opened at line ${at.line}, column ${at.column} is not closed`,
    );
  }

  private parseString(): JsonString {
    const t = this.text;
    const start = this.pos++;
    let value = '';
    let runStart = this.pos;
    for (;;) {
      const code = t.charCodeAt(this.pos);
      if (Number.isNaN(code)) {
        this.fail(start, 'Unterminated string: the closing " is missing');
      } else if (code === 34) {
        value += t.slice(runStart, this.pos);
        this.pos++;
        return { kind: 'string', start, end: this.pos, value };
      } else if (code === 92) {
        value += t.slice(runStart, this.pos);
        const e = t[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          value += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          value += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail(
            this.pos,
            `Invalid escape sequence in a string: a backslash followed by ${describeChar(t, this.pos + 1)}`,
          );
        }
        runStart = this.pos;
      } else if (code < 32) {
        if (code === 10) this.fail(start, 'Unterminated string: a line ends before the closing "');
        this.fail(this.pos, `${describeChar(t, this.pos)} inside a string must be escaped`);
      } else {
        this.pos++;
      }
    }
  }

  private parseNumber(): JsonNumber {
    const start = this.pos;
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(start, start + 400),
    );
    if (!match) this.fail(start, 'Invalid number');
    this.pos += match[0].length;
    return { kind: 'number', start, end: this.pos, raw: match[0] };
  }
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): Result<JsonValue> {
  try {
    return { ok: true, value: new Parser(text, maxDepth).parseDocument() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: errorAt(text, e.offset, e.message) };
    throw e;
  }
}

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

/**
 * Writes a value as JSON.stringify(value, null, indent) would, keeping key order and numbers as typed.
 * With `at`, tells the 1-based line each value starts on (with an indent).
 */
export function printJson(
  value: JsonValue,
  indent = 2,
  at?: (v: JsonValue, line: number) => void,
): string {
  const out: string[] = [];
  const pad = indent > 0 ? ' '.repeat(indent) : '';
  const nl = indent > 0 ? '\n' : '';
  const colon = indent > 0 ? ': ' : ':';
  let line = 1;
  const write = (v: JsonValue, prefix: string): void => {
    if (at) at(v, line);
    switch (v.kind) {
      case 'string':
        out.push(JSON.stringify(v.value));
        return;
      case 'number':
        out.push(v.raw);
        return;
      case 'true':
      case 'false':
      case 'null':
        out.push(v.kind);
        return;
      case 'array': {
        if (v.items.length === 0) {
          out.push('[]');
          return;
        }
        const inner = prefix + pad;
        out.push('[' + nl);
        if (nl) line++;
        v.items.forEach((item, i) => {
          out.push(inner);
          write(item, inner);
          out.push(i < v.items.length - 1 ? ',' + nl : nl);
          if (nl) line++;
        });
        out.push(prefix + ']');
        return;
      }
      case 'object': {
        if (v.entries.length === 0) {
          out.push('{}');
          return;
        }
        const inner = prefix + pad;
        out.push('{' + nl);
        if (nl) line++;
        v.entries.forEach((e, i) => {
          out.push(inner + JSON.stringify(e.key) + colon);
          write(e.value, inner);
          out.push(i < v.entries.length - 1 ? ',' + nl : nl);
          if (nl) line++;
        });
        out.push(prefix + '}');
        return;
      }
    }
  };
  write(value, '');
  return out.join('');
}

/** The length of JSON.stringify(text), without building it for plain text. */
export function quotedLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // What JSON.stringify escapes: control characters, quote, backslash, (lone) surrogates.
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff))
      return JSON.stringify(text).length;
  }
  return text.length + 2;
}

/**
 * The length of the value printed without white space outside strings (as IAM counts a policy's
 * size), computed without printing it.
 */
export function compactLength(v: JsonValue): number {
  switch (v.kind) {
    case 'string':
      return quotedLength(v.value);
    case 'number':
      return v.raw.length;
    case 'true':
    case 'null':
      return 4;
    case 'false':
      return 5;
    case 'array': {
      let n = 1 + Math.max(v.items.length, 1);
      for (const item of v.items) n += compactLength(item);
      return n;
    }
    case 'object': {
      let n = 1 + Math.max(v.entries.length, 1);
      for (const e of v.entries) n += quotedLength(e.key) + 1 + compactLength(e.value);
      return n;
    }
  }
}
