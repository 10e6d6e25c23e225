// What the editors need to know of a JSON text while it is being typed, so half-written: where its
// brackets open and close (folding), and what the cursor is on (a key or a value, under which keys).
// A forgiving scan, not a parser: core's parser says what is wrong, and where.

/** A fold: from the line of an opening bracket to the line before its closing one (1-based). */
export interface Fold {
  start: number;
  end: number;
}

/** Skips the string that opens at `i`; returns the index just past its closing quote, or -1. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** Where the string that opens at `i` ends: past its closing quote, or at its line's end. */
function literalEnd(text: string, i: number): number {
  const end = stringEnd(text, i);
  if (end >= 0) return end;
  const lineEnd = text.indexOf('\n', i);
  return lineEnd < 0 ? text.length : lineEnd;
}

/** Every bracket pair spanning lines, whatever the indentation: a pasted policy may have none. */
export function bracketFolds(text: string): Fold[] {
  const folds: Fold[] = [];
  const open: { char: string; line: number }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"')
      i = literalEnd(text, i) - 1; // unterminated, the rest of the line is the string's
    else if (c === '{' || c === '[') open.push({ char: c, line });
    else if (c === '}' || c === ']') {
      const top = open.at(-1);
      if (!top || (top.char === '{') !== (c === '}')) continue;
      open.pop();
      if (line - 1 > top.line) folds.push({ start: top.line, end: line - 1 });
    }
  }
  return folds.sort((a, b) => a.start - b.start);
}

/** A string literal in the text: from its opening quote to just past its closing one (or the line's end). */
export interface Literal {
  start: number;
  end: number;
  /** Its content up to the cursor. */
  before: string;
  closed: boolean;
}

/**
 * Where the cursor is: in or at the place of a key, or of a value, with the keys of the objects
 * around it from the root (arrays are passed through: each item of "Statement" is under "Statement").
 */
export interface Place {
  role: 'key' | 'value';
  /** Keys of the enclosing objects, outermost first. */
  path: string[];
  /** For a value: the key it belongs to (an array's items belong to the array's key). */
  key?: string;
  /** The string literal the cursor is in, if it is in one. */
  literal?: Literal;
  /** For a key: the object's other keys, before and after it. */
  siblings?: string[];
}

interface Frame {
  kind: 'object' | 'array';
  /** The key this container is the value of (an array item inherits its array's). */
  under?: string;
  /** In an object: the key being read, whether its colon was, whether its value was. */
  key?: string;
  afterColon: boolean;
  filled: boolean;
  keys: string[];
}

/** A key's text; a malformed escape is read as written (core reports it). */
function keyText(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** What the cursor at `offset` is on, or null where neither a key nor a value goes. */
export function placeAt(text: string, offset: number): Place | null {
  const stack: Frame[] = [];
  let i = 0;
  for (; i < offset; i++) {
    const c = text[i];
    const top = stack.at(-1);
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) {
        // Unterminated: it ends with its line, unless the cursor is still on that line.
        const lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0 || lineEnd >= offset) break;
        i = lineEnd;
        continue;
      }
      if (end > offset) break; // the cursor is inside this string
      if (top?.kind === 'object' && !top.afterColon) {
        top.key = keyText(text.slice(i, end));
        top.keys.push(top.key);
      } else if (top) top.filled = true;
      i = end - 1;
    } else if (c === '{' || c === '[') {
      const under = top?.kind === 'array' ? top.under : top?.key;
      stack.push({
        kind: c === '{' ? 'object' : 'array',
        under,
        afterColon: false,
        filled: false,
        keys: [],
      });
    } else if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.filled = true;
    } else if (c === ':' && top?.kind === 'object') top.afterColon = true;
    else if (c === ',' && top) {
      top.afterColon = false;
      top.filled = false;
      top.key = undefined;
    }
  }
  const top = stack.at(-1);
  if (!top) return null;
  let literal: Literal | undefined;
  if (i < offset) {
    literal = {
      start: i,
      end: literalEnd(text, i),
      before: text.slice(i + 1, offset),
      closed: stringEnd(text, i) >= 0,
    };
  } else if (top.filled || (top.kind === 'object' && !top.afterColon && top.key !== undefined))
    return null; // after a whole value, or between a key and its colon
  else if (/[\w.-]/.test(text[offset - 1] ?? '')) return null; // in a number or true/false/null
  const path: string[] = [];
  for (const f of stack) if (f.kind === 'object' && f.under !== undefined) path.push(f.under);
  if (top.kind === 'object' && !top.afterColon) {
    const siblings = top.keys.concat(keysAfter(text, literal?.end ?? offset));
    return { role: 'key', path, literal, siblings };
  }
  return { role: 'value', path, key: top.kind === 'array' ? top.under : top.key, literal };
}

/** The keys of the object a scan from `from` is in, from there to its closing brace. */
function keysAfter(text: string, from: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let afterColon = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = literalEnd(text, i);
      if (depth === 0 && !afterColon) keys.push(keyText(text.slice(i, end)));
      i = end - 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth-- === 0) break;
    } else if (depth === 0 && c === ':') afterColon = true;
    else if (depth === 0 && c === ',') afterColon = false;
  }
  return keys;
}
