// Writing the refined document: an Action list replaced inside its statement, the statements inside
// the document, every other key and value kept as the user wrote it; its size as IAM counts it; and
// which printed line holds an entry a decision wrote.
import { jsonArray, jsonString, type JsonObject, type JsonValue } from './json';
import { compactLength, printJson, quotedLength } from './jsonPrinter';
import type { PolicyDocument } from './policy';
import type { PolicySize } from './recommendation';
import type { StatementActions } from './verify';

/** What one statement became: its JSON and its action list, or null when it is removed. */
export interface RefinedStatement {
  /** The statement's index in the original. */
  index: number;
  node: JsonObject;
  actions: StatementActions;
}

/** The statement with its `key` list replaced by `list`, under `newKey` (Action may become NotAction). */
export function withActionList(
  node: JsonObject,
  key: string,
  newKey: string,
  list: readonly string[],
  asList: boolean,
): JsonObject {
  const value: JsonValue =
    !asList && list.length === 1 ? jsonString(list[0]) : jsonArray(list.map(jsonString));
  return {
    ...node,
    entries: node.entries.map((e) => (e.key === key ? { ...e, key: newKey, value } : e)),
  };
}

/**
 * compactLength of the value withActionList writes for `list`. `generated`: the entries were written
 * from universe names, which hold no character JSON escapes (the catalog's are letters, digits and
 * dashes; names the user adds pass the same check as patterns), so their length is enough, and
 * thousands of freshly made strings are not read again.
 */
export function listLength(list: readonly string[], asList: boolean, generated = false): number {
  const length = generated ? (t: string) => t.length + 2 : quotedLength;
  if (!asList && list.length === 1) return length(list[0]);
  let n = 1 + Math.max(list.length, 1);
  for (const item of list) n += length(item);
  return n;
}

/** The document with its Statement replaced, as a list or a single object as the original had it. */
export function withStatements(
  doc: PolicyDocument,
  statements: readonly JsonObject[],
  asList = doc.statementIsList,
): JsonObject {
  const value: JsonValue =
    asList || statements.length !== 1 ? jsonArray(statements.slice()) : statements[0];
  return {
    ...doc.root,
    entries: doc.root.entries.map((e) => (e.key === 'Statement' ? { ...e, value } : e)),
  };
}

/** The document pretty-printed, and its size as IAM counts it (white space outside strings left out). */
export function render(
  doc: JsonObject,
  limit: number,
  at?: (v: JsonValue, line: number) => void,
): { text: string; size: PolicySize } {
  return { text: printJson(doc, 2, at), size: { chars: compactLength(doc), limit } };
}

/** Calls `each` with every entry of the statement's `key` list, and its text. */
export function forEachEntry(
  node: JsonObject,
  key: string,
  each: (item: JsonValue, text: string) => void,
): void {
  const list = node.entries.find((e) => e.key === key)?.value;
  const items = list?.kind === 'array' ? list.items : list ? [list] : [];
  for (const item of items) if (item.kind === 'string') each(item, item.value);
}

/** Records, for each printed line that starts an entry a decision wrote, that decision's index. */
function lineMarker(
  writer: ReadonlyMap<JsonValue, number>,
  lines: number[],
): (v: JsonValue, line: number) => void {
  return (v, line) => {
    if (v.kind !== 'string') return;
    const d = writer.get(v);
    if (d === undefined) return;
    while (lines.length < line - 1) lines.push(-1);
    lines[line - 1] = d;
  };
}

/**
 * One form of the refined document (expanded, or with "*" statements as NotAction lists): its
 * statements, JSON, text and size, and for each printed line the decision that wrote it.
 */
export interface DocumentForm {
  statements: RefinedStatement[];
  document: JsonObject;
  text: string;
  size: PolicySize;
  lines: number[];
}

export function documentForm(
  doc: PolicyDocument,
  statements: RefinedStatement[],
  limit: number,
  writers: ReadonlyMap<JsonValue, number>,
): DocumentForm {
  const document = withStatements(
    doc,
    statements.map((r) => r.node),
  );
  const lines: number[] = [];
  const { text, size } = render(document, limit, lineMarker(writers, lines));
  return { statements, document, text, size, lines };
}
