// What-if marks turned into findings: an action marked unused joins the unused set, one marked used
// leaves it. The findings stay in their own mode (a list of used actions stays one); an entry that
// covers a marked action it must no longer cover (a whole service, a wildcard) is spelled out as the
// catalog's actions it covers, minus that one. A kept action joins the keep list instead.
import {
  globMatches,
  parsePattern,
  type Catalog,
  type Findings,
  type FindingsEntry,
  type KeepList,
  type Result,
} from '../core';
import { plural } from '../core/messages';
import type { ActionMark } from './protocol';

function covers(entry: FindingsEntry, name: string): boolean {
  return entry.action === null || globMatches(entry.action.toLowerCase(), name);
}

/** The entry without `name`: the catalog's actions it covers, one entry each, minus `name`. */
function without(entry: FindingsEntry, name: string, catalog: Catalog): FindingsEntry[] {
  const service = catalog.services.get(entry.service);
  const names =
    entry.action !== null && !/[*?]/.test(entry.action) ? [entry.action] : (service?.names ?? []);
  return names
    .filter((n) => n.toLowerCase() !== name && covers(entry, n.toLowerCase()))
    .map((action) => ({ ...entry, action }));
}

export function applyMarks(
  findings: Result<Findings>,
  marks: readonly ActionMark[] | undefined,
  catalog: Catalog,
): Result<Findings> {
  if (!findings.ok || !marks || marks.length === 0) return findings;
  const f = findings.value;
  let entries: FindingsEntry[] = [...f.entries];
  for (const { action, mark } of marks) {
    if (mark === 'kept') continue;
    const colon = action.indexOf(':');
    if (colon <= 0) continue;
    const service = action.slice(0, colon).toLowerCase();
    const name = action.slice(colon + 1);
    // In a list of unused actions, "unused" adds; in a list of used ones, "used" does.
    if ((mark === 'unused') === (f.mode === 'unused'))
      entries.push({ service, action: name, line: 1, column: 1 });
    else
      entries = entries.flatMap((e) =>
        e.service === service && covers(e, name.toLowerCase())
          ? without(e, name.toLowerCase(), catalog)
          : [e],
      );
  }
  const n = marks.length;
  return {
    ok: true,
    value: {
      ...f,
      entries,
      summary: `${f.summary}; what if: ${plural(n, 'action')} marked by hand`,
    },
  };
}

/** The keep list with the actions marked kept added to it. */
export function keepMarked(
  keep: Result<KeepList>,
  marks: readonly ActionMark[] | undefined,
): Result<KeepList> {
  const kept = marks?.filter((m) => m.mark === 'kept') ?? [];
  if (!keep.ok || kept.length === 0) return keep;
  const added = kept.map((m) => ({ pattern: parsePattern(m.action), line: 1, column: 1 }));
  return { ok: true, value: { entries: [...keep.value.entries, ...added] } };
}
