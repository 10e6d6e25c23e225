// JSON read into values with their places (json.ts). jsonc-parser's scanner reads the tokens; the
// grammar here says what is wrong in a person's words.
// The ES module build: the UMD one that "main" names requires its parts at run time, which bundles
// for Node cannot follow. The scanner's module alone: the main module's formatter, which loads with
// it, builds 1,200 strings of white space (~280 KB) before any text is read.
import type { createScanner as CreateScanner, JSONScanner } from 'jsonc-parser/lib/esm/main.js';
// @ts-expect-error -- the package types its main module only; this is the createScanner it exports
import { createScanner as scannerOf } from 'jsonc-parser/lib/esm/impl/scanner.js';

const createScanner: typeof CreateScanner = scannerOf;

import type { JsonArray, JsonEntry, JsonLiteral, JsonObject, JsonString, JsonValue } from './json';
import { LineMap, quote, refusedAt, Refusal, type Result } from './source';

/** Deeper than any IAM document or finding; refusing early keeps a 10,000-deep paste from blowing the stack. */
export const MAX_JSON_DEPTH = 64;

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
