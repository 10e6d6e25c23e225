// A policy document inside authorization details: a JSON object as the AWS CLI writes it, or the
// URL-encoded text the IAM API returns (RFC 3986). Either way the refiner gets the document's own text,
// and an error it finds is placed back in the file the user gave.
import { LineMap, quote, type JsonValue, type SourceError } from '../core';

export interface SourceFile {
  /** The file name, or "page 2" for pasted text. */
  readonly name: string;
  readonly text: string;
}

/** Where a document sits, so that an error the refiner finds in it can be placed in the file. */
export interface DocumentOrigin {
  input: string;
  /** Line and column of the document's first character in the file. */
  line: number;
  column: number;
  /** The document was URL-encoded text: positions inside it count in the decoded document. */
  encoded: boolean;
}

/** A document error placed for the user: in the file, or in the decoded text of an encoded one. */
export interface DocumentError {
  message: string;
  input: string;
  line: number;
  column: number;
  /** Where line and column count from. */
  within: 'file' | 'decoded document';
}

export type DocumentText =
  { ok: true; text: string; origin: DocumentOrigin } | { ok: false; error: DocumentError };

/** Line maps are built once per file, on the first document that needs one. */
export class FileLines {
  private readonly maps = new Map<string, LineMap>();
  constructor(private readonly files: readonly SourceFile[]) {}
  position(input: string, offset: number): { line: number; column: number } {
    let map = this.maps.get(input);
    if (!map) {
      const file = this.files.find((f) => f.name === input);
      map = new LineMap(file?.text ?? '');
      this.maps.set(input, map);
    }
    return map.position(offset);
  }
}

export function documentText(
  node: JsonValue | undefined,
  file: SourceFile,
  lines: FileLines,
  at: JsonValue,
): DocumentText {
  const where = (v: JsonValue) => lines.position(file.name, v.start);
  if (node === undefined)
    return {
      ok: false,
      error: { message: 'No policy document', input: file.name, within: 'file', ...where(at) },
    };
  const origin = (encoded: boolean): DocumentOrigin => ({
    input: file.name,
    encoded,
    ...where(node),
  });
  if (node.kind === 'object')
    return { ok: true, text: file.text.slice(node.start, node.end), origin: origin(false) };
  if (node.kind !== 'string')
    return {
      ok: false,
      error: {
        message: `The policy document is a ${node.kind}, not a JSON object or URL-encoded text`,
        input: file.name,
        within: 'file',
        ...where(node),
      },
    };
  const raw = node.value;
  // Some tools store the document as JSON text in a string rather than URL-encoding it.
  if (raw.trimStart().startsWith('{')) return { ok: true, text: raw, origin: origin(true) };
  try {
    return { ok: true, text: decodeURIComponent(raw), origin: origin(true) };
  } catch {
    const bad = /%(?![0-9A-Fa-f]{2})|%[89A-Fa-f][0-9A-Fa-f](?!%)/.exec(raw);
    return {
      ok: false,
      error: {
        message: `The policy document is neither JSON nor URL-encoded text${bad ? `: ${quote(raw.slice(bad.index, bad.index + 6))} at character ${bad.index + 1} is not a valid escape` : ''}`,
        input: file.name,
        within: 'file',
        ...where(node),
      },
    };
  }
}

/**
 * An error the policy parser found in a document's text, placed where the user can find it. The text
 * of a JSON object is the file's own slice, so its lines continue the file's from the document's start.
 */
export function placeError(origin: DocumentOrigin, error: SourceError): DocumentError {
  if (origin.encoded)
    return {
      message: error.message,
      input: origin.input,
      line: error.line,
      column: error.column,
      within: 'decoded document',
    };
  return {
    message: error.message,
    input: origin.input,
    line: origin.line + error.line - 1,
    column: error.line === 1 ? origin.column + error.column - 1 : error.column,
    within: 'file',
  };
}
