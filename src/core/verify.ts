// The exactness proof (docs/refinement.md): over the universe, each refined statement allows exactly
// what the original allowed minus the unused actions, and each Deny still covers the same. It matches
// the written text again, independently of how the trie chose it.
import { count } from './frontier';
import { forEachMatchRange } from './matching';
import { parsePattern } from './patterns';
import type { Universe } from './universe';

export interface StatementActions {
  readonly effect: 'Allow' | 'Deny';
  readonly actionKey: 'Action' | 'NotAction';
  readonly patterns: readonly string[];
}

export interface StatementProof {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Actions of the universe the original statement allows (or denies). */
  before: number;
  /** Of those, the unused ones taken out (0 for Deny). */
  removed: number;
  after: number;
}

export interface Counterexample {
  statement: number;
  action: string;
  /** What the refined statement should do with the action, and what it does. */
  expected: 'matched' | 'not matched';
  got: 'matched' | 'not matched';
}

export type Proof =
  | {
      ok: true;
      universe: number;
      before: number;
      removed: number;
      after: number;
      /** Allowed before and reported unused, but kept on purpose (the keep list). */
      keptOnPurpose: number;
      statements: StatementProof[];
    }
  | { ok: false; counterexample: Counterexample; message: string };

/**
 * Marks in `bits` the actions of the universe a statement's Action or NotAction list covers, and
 * returns the services where it covers something (sorted): only their ranges of `bits` were written,
 * so a caller that reuses `bits` clears just those (see `clearServices`). A 10,000-statement policy
 * stays linear.
 */
export function statementReach(
  u: Universe,
  s: StatementActions | null,
  bits: Uint8Array,
): number[] {
  if (!s) return [];
  const reached: number[] = [];
  let sorted = true;
  const mark = (lo: number, hi: number, si: number): void => {
    bits.fill(1, lo, hi);
    const last = reached.length === 0 ? -1 : reached[reached.length - 1];
    if (si === last) return;
    if (si < last) sorted = false;
    reached.push(si);
  };
  for (const text of s.patterns) forEachMatchRange(u, parsePattern(text), mark);
  if (s.actionKey === 'NotAction') {
    for (let i = 0; i < u.size; i++) bits[i] ^= 1;
    return u.services.map((_, i) => i);
  }
  return sorted ? reached : [...new Set(reached)].sort((a, b) => a - b);
}

export function clearServices(u: Universe, bits: Uint8Array, services: readonly number[]): void {
  for (const si of services) bits.fill(0, u.offsets[si], u.offsets[si + 1]);
}

function union(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

export interface ProofExtras {
  /** The actions reported unused, of which those not in `unused` were kept on purpose. */
  reported?: Uint8Array;
  /** Filled with the actions the Allow statements allow, before and after. */
  allowed?: { before: Uint8Array; after: Uint8Array };
}

/**
 * Checks `refined[i]` against `original[i]` for every statement (null: removed), over the universe,
 * with `unused` the actions taken away.
 */
export function prove(
  u: Universe,
  unused: Uint8Array,
  original: readonly (StatementActions & { sid?: string })[],
  refined: readonly (StatementActions | null)[],
  extras: ProofExtras = {},
): Proof {
  const statements: StatementProof[] = [];
  const beforeAll = extras.allowed?.before ?? new Uint8Array(u.size);
  const afterAll = extras.allowed?.after ?? new Uint8Array(u.size);
  const before = new Uint8Array(u.size);
  const after = new Uint8Array(u.size);
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    const r = refined[i];
    const allow = o.effect === 'Allow';
    if (r && r.effect !== o.effect)
      return {
        ok: false,
        counterexample: { statement: i, action: '', expected: 'matched', got: 'not matched' },
        message: `BUG: statement ${i + 1} changed its Effect`,
      };
    const reachedBefore = statementReach(u, o, before);
    const reachedAfter = statementReach(u, r, after);
    let removed = 0;
    let beforeCount = 0;
    let afterCount = 0;
    for (const si of union(reachedBefore, reachedAfter)) {
      for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) {
        const expected = allow ? before[g] & (unused[g] ^ 1) : before[g];
        if (expected !== after[g]) {
          const counterexample: Counterexample = {
            statement: i,
            action: u.actionName(g),
            expected: expected ? 'matched' : 'not matched',
            got: after[g] ? 'matched' : 'not matched',
          };
          return {
            ok: false,
            counterexample,
            message: `BUG: the refined statement ${i + 1} ${after[g] ? 'allows' : 'no longer allows'} ${counterexample.action}, which the original ${before[g] ? 'allowed' : 'did not allow'}${unused[g] ? ' (reported unused)' : ''}`,
          };
        }
        beforeCount += before[g];
        afterCount += after[g];
        if (allow) {
          removed += before[g] & unused[g];
          beforeAll[g] |= before[g];
          afterAll[g] |= after[g];
        }
      }
    }
    clearServices(u, before, reachedBefore);
    clearServices(u, after, reachedAfter);
    statements.push({
      index: i,
      sid: o.sid,
      effect: o.effect,
      before: beforeCount,
      removed,
      after: afterCount,
    });
  }
  const total = count(beforeAll);
  const kept = count(afterAll);
  let keptOnPurpose = 0;
  // Without a keep list the reported set is the unused set itself: nothing is kept on purpose, and
  // this pass over the whole universe, on every proof, is skipped.
  if (extras.reported && extras.reported !== unused)
    for (let g = 0; g < u.size; g++)
      keptOnPurpose += beforeAll[g] & extras.reported[g] & (unused[g] ^ 1);
  return {
    ok: true,
    universe: u.size,
    before: total,
    removed: total - kept,
    after: kept,
    keptOnPurpose,
    statements,
  };
}
