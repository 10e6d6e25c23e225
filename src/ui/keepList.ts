// The keep list as the page edits it for the user: an action added, or the entries naming it taken
// out, by a click in the trie. The user's own form (one per line, or a JSON list), their comments
// and every other entry stay as they were written.
import { isAre, plural } from '../core/messages';
import type { RecommendationView } from '../worker/protocol';

/** Where an entry of the keep list starts (1-based), as core's parseKeepList reports it. */
export interface KeepSpot {
  line: number;
  column: number;
}

const isJsonList = (text: string) => text.trimStart().startsWith('[');

/** The keep list with `action` added at its end, in the list's own form. */
export function withKept(text: string, action: string): string {
  if (isJsonList(text)) {
    const close = text.lastIndexOf(']');
    const open = text.indexOf('[');
    const body = text.slice(open + 1, close);
    const item = JSON.stringify(action);
    if (close < open) return text;
    if (body.trim() === '') return `${text.slice(0, open + 1)}${item}${text.slice(close)}`;
    // After the last item, on a line of its own when the items are one per line.
    const last = open + 1 + body.trimEnd().length;
    const lineStart = text.lastIndexOf('\n', last - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    const gap = body.includes('\n') && lineStart > open ? `\n${indent}` : ' ';
    return `${text.slice(0, last)},${gap}${item}${text.slice(last)}`;
  }
  if (text.trim() === '') return `${action}\n`;
  return `${text}${text.endsWith('\n') ? '' : '\n'}${action}\n`;
}

/** The end of the JSON string literal that starts at `from` (its opening quote). */
function literalEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** The keep list without the entries that start at `spots` (a line left empty goes too). */
export function withoutEntries(text: string, spots: readonly KeepSpot[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offsets = spots
    .map((s) => (starts[s.line - 1] ?? text.length) + s.column - 1)
    .sort((a, b) => b - a);
  let out = text;
  for (const at of offsets) {
    if (out[at] === '"') {
      // A JSON item: with the comma after it, or else the one before it.
      let end = literalEnd(out, at);
      let from = at;
      const after = /^\s*,[ \t]*/.exec(out.slice(end));
      if (after) end += after[0].length;
      else {
        const before = /,\s*$/.exec(out.slice(0, at));
        if (before) from -= before[0].length;
      }
      out = out.slice(0, from) + out.slice(end);
      continue;
    }
    const token = /^[^\s,"'[\]]+/.exec(out.slice(at))?.[0] ?? '';
    const lineStart = out.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = out.indexOf('\n', at) < 0 ? out.length : out.indexOf('\n', at);
    const rest = out.slice(lineStart, at) + out.slice(at + token.length, lineEnd);
    // The line held this entry alone (maybe with a comment about it): the whole line goes.
    if (/^[\s,]*((#|\/\/).*)?$/.test(rest))
      out = out.slice(0, lineStart) + out.slice(Math.min(out.length, lineEnd + 1));
    else {
      // With the comma after it, or else the one before it.
      const after = /^[ \t]*,[ \t]*/.exec(out.slice(at + token.length))?.[0];
      const before = after ? '' : (/[ \t]*,[ \t]*$/.exec(out.slice(lineStart, at))?.[0] ?? '');
      out = out.slice(0, at - before.length) + out.slice(at + token.length + (after?.length ?? 0));
    }
  }
  return out;
}

/** What the keep editor says under it. */
export function keepStatus(text: string, rec: RecommendationView | null): string {
  if (text.trim() === '') return 'Optional: actions or patterns never to remove, one per line.';
  if (!rec) return '';
  const kept = rec.unused.keptOnPurpose;
  return kept === 0
    ? 'Nothing this policy allows that was reported unused is on this list.'
    : `${plural(kept, 'action')} reported unused ${isAre(kept)} kept on purpose.`;
}
