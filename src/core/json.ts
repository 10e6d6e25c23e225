// JSON read keeping what JSON.parse throws away: where every value sits in the text, key order,
// duplicate keys and the raw spelling of numbers, so errors point at a line and column and the
// refined policy can be written back with the user's structure. jsonc-parser's scanner reads the
// tokens; the grammar here says what is wrong in a person's words.
// The ES module build: the UMD one that "main" names requires its parts at run time, which bundles
// for Node cannot follow.
import { createScanner, type JSONScanner } from 'jsonc-parser/lib/esm/main.js';

import { figure } from './numbers';

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
  return `"${safe}"${text.length > max ? `... (${figure(text.length)} characters)` : ''}`;
}

/** User text in a message: as it is when it is short and plain (s3:Get*), else quoted and cut. */
export function shown(text: string, max = 120): string {
  return text.length <= max && /^[\x21-\x7e]*$/.test(text) ? text : quote(text, max);
}

export function errorAt(text: string, offset: number, message: string): SourceError {
  return { message, offset, ...new LineMap(text).position(offset) };
}

/**
 * Thrown inside a reader when the input is refused at `offset`, and turned into a SourceError value
 * at the reader's edge (`refusedAt`): user errors never leave core as exceptions.
 */
export class Refusal {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The refusal of a text over `limit` characters, placed at the limit, or null. */
export function overLimit(
  text: string,
  limit: number,
  what: string,
): { ok: false; error: SourceError } | null {
  if (text.length <= limit) return null;
  const mb = (n: number) => (n / 1048576).toFixed(n % 1048576 === 0 ? 0 : 1);
  return {
    ok: false,
    error: errorAt(text, limit, `${what} ${mb(text.length)} MB; the limit is ${mb(limit)} MB`),
  };
}

/** Runs a reader over `text`, its Refusal turned into a located error value. */
export function refusedAt<T>(text: string, read: () => T): Result<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: errorAt(text, e.offset, e.message) };
    throw e;
  }
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

// jsonc-parser's token kinds (a const enum in its typings, which isolated modules cannot read).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL = 7;
const TRUE = 8;
const FALSE = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;
const KEYWORDS: Record<number, JsonLiteral['kind']> = {
  [NULL]: 'null',
  [TRUE]: 'true',
  [FALSE]: 'false',
};

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Reads JSON with jsonc-parser's scanner (Monaco's own), comments and trailing commas refused as IAM
 * does, and says where and what is wrong in words a person can act on: which object is not closed,
 * which key is a duplicate and where its first is, which character in a string must be escaped.
 */
class Parser {
  private readonly scanner: JSONScanner;
  private current = EOF;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.scanner = createScanner(text, false);
    // A byte-order mark from a Windows editor is not content.
    if (text.charCodeAt(0) === 0xfeff) this.scanner.setPosition(1);
    this.next();
  }

  parseDocument(): JsonValue {
    if (this.token() === EOF) this.fail(this.offset, 'The text is empty: expected a JSON value');
    const value = this.parseValue(0);
    if (this.token() !== EOF)
      this.fail(
        this.offset,
        `Unexpected ${describeChar(this.text, this.offset)} after the end of the JSON value`,
      );
    return value;
  }

  /** The current token's kind (a method, not a field: each `next()` changes it). */
  private token(): number {
    return this.current;
  }

  private get offset(): number {
    return this.scanner.getTokenOffset();
  }

  private fail(offset: number, message: string): never {
    throw new Refusal(offset, message);
  }

  /** The next token that is not white space; JSON's white space is space, tab and line breaks. */
  private next(): void {
    for (;;) {
      this.current = this.scanner.scan();
      const at = this.offset;
      if (this.token() === LINE_COMMENT || this.token() === BLOCK_COMMENT)
        this.fail(at, 'Comments are not allowed in JSON');
      if (this.token() !== TRIVIA && this.token() !== LINE_BREAK) return;
    }
  }

  private parseValue(depth: number): JsonValue {
    const start = this.offset;
    const end = start + this.scanner.getTokenLength();
    switch (this.token()) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        if (depth >= this.maxDepth)
          this.fail(
            start,
            `JSON nested deeper than ${this.maxDepth} levels is refused (no policy or finding needs more)`,
          );
        return this.token() === OPEN_BRACE
          ? this.parseObject(depth + 1)
          : this.parseArray(depth + 1);
      case STRING:
        return this.parseString();
      case NUMBER:
        if (this.scanner.getTokenError() !== 0) this.fail(start, 'Invalid number');
        this.next();
        return { kind: 'number', start, end, raw: this.text.slice(start, end) };
      case NULL:
      case TRUE:
      case FALSE: {
        const kind = KEYWORDS[this.token()];
        this.next();
        return { kind, start, end };
      }
      case EOF:
        this.fail(start, 'Unexpected end of the text: a value is missing');
    }
    if (this.text[start] === "'") this.fail(start, "Strings must use double quotes, not '");
    if (this.text[start] === '-') this.fail(start, 'Invalid number');
    this.fail(
      start,
      `Unexpected ${describeChar(this.text, start)}: expected a value (object, array, string, number, true, false or null)`,
    );
  }

  private parseObject(depth: number): JsonObject {
    const start = this.offset;
    const entries: JsonEntry[] = [];
    const seen = new Map<string, number>();
    this.next();
    if (this.token() === CLOSE_BRACE) {
      const end = this.offset + 1;
      this.next();
      return { kind: 'object', start, end, entries };
    }
    for (;;) {
      if (this.token() !== STRING) {
        if (this.token() === CLOSE_BRACE && entries.length > 0)
          this.fail(this.offset, "Trailing comma before '}'");
        if (this.token() === EOF) this.unterminated(start, 'object');
        this.fail(
          this.offset,
          `Expected a property name in double quotes, found ${describeChar(this.text, this.offset)}`,
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
      if (this.token() !== COLON) {
        if (this.token() === EOF) this.unterminated(start, 'object');
        this.fail(
          this.offset,
          `Expected ':' after ${quote(keyNode.value)}, found ${describeChar(this.text, this.offset)}`,
        );
      }
      this.next();
      const value = this.parseValue(depth);
      entries.push({ key: keyNode.value, keyStart: keyNode.start, keyEnd: keyNode.end, value });
      if (this.token() === COMMA) {
        this.next();
        continue;
      }
      if (this.token() === CLOSE_BRACE) {
        const end = this.offset + 1;
        this.next();
        return { kind: 'object', start, end, entries };
      }
      if (this.token() === EOF) this.unterminated(start, 'object');
      this.fail(
        this.offset,
        `Expected ',' or '}' after the value of ${quote(keyNode.value)}, found ${describeChar(this.text, this.offset)}`,
      );
    }
  }

  private parseArray(depth: number): JsonArray {
    const start = this.offset;
    const items: JsonValue[] = [];
    this.next();
    if (this.token() === CLOSE_BRACKET) {
      const end = this.offset + 1;
      this.next();
      return { kind: 'array', start, end, items };
    }
    for (;;) {
      if (this.token() === CLOSE_BRACKET && items.length > 0)
        this.fail(this.offset, "Trailing comma before ']'");
      if (this.token() === EOF) this.unterminated(start, 'array');
      items.push(this.parseValue(depth));
      if (this.token() === COMMA) {
        this.next();
        continue;
      }
      if (this.token() === CLOSE_BRACKET) {
        const end = this.offset + 1;
        this.next();
        return { kind: 'array', start, end, items };
      }
      if (this.token() === EOF) this.unterminated(start, 'array');
      this.fail(
        this.offset,
        `Expected ',' or ']' after an array item, found ${describeChar(this.text, this.offset)}`,
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
    const start = this.offset;
    const end = start + this.scanner.getTokenLength();
    if (this.scanner.getTokenError() !== 0) this.stringProblem(start);
    const value = this.scanner.getTokenValue();
    this.next();
    return { kind: 'string', start, end, value };
  }

  /** What the scanner found wrong in the string at `start`, placed at the character at fault. */
  private stringProblem(start: number): never {
    const t = this.text;
    for (let at = start + 1; ; at++) {
      const code = t.charCodeAt(at);
      if (Number.isNaN(code)) this.fail(start, 'Unterminated string: the closing " is missing');
      if (code === 92) {
        const e = t[at + 1];
        if (e !== undefined && e in ESCAPES) at++;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(at + 2, at + 6))) at += 5;
        else
          this.fail(
            at,
            `Invalid escape sequence in a string: a backslash followed by ${describeChar(t, at + 1)}`,
          );
      } else if (code < 32) {
        if (code === 10) this.fail(start, 'Unterminated string: a line ends before the closing "');
        this.fail(at, `${describeChar(t, at)} inside a string must be escaped`);
      } else if (code === 34) this.fail(start, 'BUG: the scanner refused a well-formed string');
    }
  }
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): Result<JsonValue> {
  return refusedAt(text, () => new Parser(text, maxDepth).parseDocument());
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

/**
 * The JSON text without the white space between its tokens, every value as written: no JSON.parse,
 * which would turn 9007199254740993 into ...992, 1e400 into null and 1.50 into 1.5.
 */
export function compactJson(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 32 || c === 10 || c === 13 || c === 9) {
      parts.push(text.slice(from, i));
      while (/[ \n\r\t]/.test(text[i + 1] ?? '')) i++;
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
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
