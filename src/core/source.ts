// The user's text, as errors and messages see it: a place in it (line and column) for every error the
// user can cause, returned as a value, never thrown out of core; and a piece of it shown inside a
// message so that it reads as one plain line.
import { figure } from './numbers';
import { upperBound } from './search';

export interface SourceError {
  message: string;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units like Monaco's */
  column: number;
  offset: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SourceError };

/** Maps offsets to 1-based line and column. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    // The last line starting at or before `offset` (the first starts at 0).
    const line = Math.max(upperBound(this.starts, offset), 1);
    return { line, column: offset - this.starts[line - 1] + 1 };
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
