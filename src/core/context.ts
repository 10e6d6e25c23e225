// What every part of one refinement reads, built once: the universe the inputs call for, the unused
// set over it, the keep list, and the warnings reading them gave. The refiner and the trie explanation
// both take it, so an explanation never rebuilds the universe or re-reads the findings.
import type { Findings } from './findings';
import type { PolicyDocument } from './policy';
import type { RefineOptions, Warning } from './recommendation';
import { buildUniverse, type Catalog, type Universe } from './universe';
import { keepBits, namedActions, unusedBits } from './unused';

export interface RefineContext {
  readonly catalog: Catalog;
  readonly doc: PolicyDocument;
  readonly findings: Findings;
  readonly options: RefineOptions;
  readonly universe: Universe;
  /** The actions reported unused (for a used list: allowed and not used), over the universe. */
  readonly reported: Uint8Array;
  /** The actions the keep list matches, or null without one. */
  readonly keep: Uint8Array | null;
  /** What the refiner takes away: reported unused and not kept on purpose. */
  readonly unused: Uint8Array;
  /** What reading the findings and the keep list told. */
  readonly notes: readonly Warning[];
}

export function refineContext(
  doc: PolicyDocument,
  findings: Findings,
  catalog: Catalog,
  options: RefineOptions = {},
): RefineContext {
  const notes: Warning[] = [];
  const keepList = options.keep && options.keep.entries.length > 0 ? options.keep : null;
  const found = new Int32Array(findings.entries.length);
  const universe = buildUniverse(catalog, namedActions(catalog, doc, findings, keepList, found));
  const reported = unusedBits(universe, doc, findings, notes, found);
  const keep = keepList ? keepBits(universe, keepList, notes) : null;
  let unused = reported;
  if (keep) {
    unused = new Uint8Array(universe.size);
    for (let g = 0; g < universe.size; g++) unused[g] = reported[g] & (keep[g] ^ 1);
  }
  return { catalog, doc, findings, options, universe, reported, keep, unused, notes };
}
