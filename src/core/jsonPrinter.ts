// JSON values written back: pretty-printed as JSON.stringify would, keeping key order and numbers as
// typed; a text made compact without parsing it; and the size IAM counts, computed without printing.
import type { JsonValue } from './json';

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
