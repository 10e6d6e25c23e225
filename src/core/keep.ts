// The actions to keep: roles for backups, disaster recovery or yearly jobs look unused and are not.
// One action or pattern per line (`#` or `//` starts a comment), or a JSON list of strings. A kept
// action is never taken away, even when it is reported unused.
import { parseJson } from './jsonParser';
import { errorAt, LineMap, overLimit, quote, type Result } from './source';
import { parsePattern, type Pattern } from './patterns';

export interface KeepEntry {
  readonly pattern: Pattern;
  readonly line: number;
  readonly column: number;
}

export interface KeepList {
  readonly entries: readonly KeepEntry[];
}

/** As many entries as a policy may hold: a keep list is read like one. */
export const MAX_KEEP_CHARS = 1024 * 1024;

const HOW =
  'List the actions to keep one per line (s3:GetObject, s3:Get*), or as a JSON list of strings';

export function parseKeepList(text: string): Result<KeepList> {
  const tooLong = overLimit(text, MAX_KEEP_CHARS, 'The keep list is');
  if (tooLong) return tooLong;
  const lines = new LineMap(text);
  const body = text.replace(/^\uFEFF/, '');
  const skipped = text.length - body.length;
  const first = body.search(/\S/);
  const found: { text: string; offset: number }[] = [];
  if (first >= 0 && body[first] === '[') {
    const parsed = parseJson(text);
    if (!parsed.ok) return parsed;
    const root = parsed.value;
    if (root.kind !== 'array') return { ok: false, error: errorAt(text, root.start, `${HOW}.`) };
    for (const item of root.items) {
      if (item.kind !== 'string')
        return {
          ok: false,
          error: errorAt(
            text,
            item.start,
            `Every entry of the keep list must be a string. ${HOW}.`,
          ),
        };
      found.push({ text: item.value, offset: item.start });
    }
  } else {
    let at = skipped;
    for (const line of body.split('\n')) {
      // A comment runs from `#` or `//` to the end of the line; no action holds either.
      const content = line.replace(/(^|\s)(#|\/\/).*$/, '');
      const re = /[^\s,"'[\]]+/g;
      for (let m = re.exec(content); m; m = re.exec(content))
        found.push({ text: m[0], offset: at + m.index });
      at += line.length + 1;
    }
  }
  const entries: KeepEntry[] = [];
  for (const f of found) {
    const pattern = parsePattern(f.text);
    if (pattern.problem !== undefined)
      return {
        ok: false,
        error: errorAt(text, f.offset, `Keep list: ${pattern.problem}`),
      };
    if (pattern.text !== '*' && pattern.service === null)
      return {
        ok: false,
        error: errorAt(text, f.offset, `Keep list: ${quote(f.text)} is not an action. ${HOW}.`),
      };
    entries.push({ pattern, ...lines.position(f.offset) });
  }
  return { ok: true, value: { entries } };
}
