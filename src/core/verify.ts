// The exactness proof (docs/refinement.md): over the universe, each refined statement allows exactly
// what the original allowed minus the unused actions, and each Deny still covers the same. It matches
// the written text again, independently of how the trie chose it.
import { count } from './frontier';
import { forEachMatchRange } from './matching';
import { parsePattern, type Pattern } from './patterns';
import type { Universe } from './universe';

export interface StatementActions {
  readonly effect: 'Allow' | 'Deny';
  readonly actionKey: 'Action' | 'NotAction';
  readonly patterns: readonly string[];
  /**
   * The patterns as the policy's reader parsed them, when the statement is the user's: used for an
   * entry only where its text is the one in `patterns` (a rewritten list made from a copy of this
   * object holds other texts), so each is not parsed again on every proof.
   */
  readonly parsed?: readonly Pattern[];
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
  s.patterns.forEach((text, k) => {
    const known = s.parsed?.[k];
    forEachMatchRange(
      u,
      known !== undefined && known.text === text ? known : parsePattern(text),
      mark,
    );
  });
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

/** What a statement's sweep counts: actions allowed (or denied) before, after, and taken away. */
interface Tally {
  before: number;
  after: number;
  removed: number;
}

/** Four bytes of 0 or 1 summed into the top byte, without carries (as `count` does). */
const ones = (word: number): number => Math.imul(word, 0x01010101) >>> 24;

/**
 * One statement's bits over [lo, hi): each action's after must be its before, less the unused for an
 * Allow. Adds to `t` and, for an Allow, into `all`; returns the first action where it fails, or -1.
 * Long runs are read four bytes at a time (`*` or `ec2:*` reach thousands of actions on every
 * proof); a word that fails is read again byte by byte, so the action returned is the first.
 */
function sweep(
  bits: {
    before: Uint8Array;
    after: Uint8Array;
    unused: Uint8Array;
    beforeAll: Uint8Array;
    afterAll: Uint8Array;
  },
  words: Uint32Array[] | null,
  allow: boolean,
  lo: number,
  hi: number,
  t: Tally,
): number {
  const { before, after, unused, beforeAll, afterAll } = bits;
  const step = (g: number): boolean => {
    const expected = allow ? before[g] & (unused[g] ^ 1) : before[g];
    if (expected !== after[g]) return false;
    t.before += before[g];
    t.after += after[g];
    if (allow) {
      t.removed += before[g] & unused[g];
      beforeAll[g] |= before[g];
      afterAll[g] |= after[g];
    }
    return true;
  };
  let g = lo;
  if (words && hi - lo >= 16) {
    const [b32, a32, u32, bAll32, aAll32] = words;
    for (; g & 3; g++) if (!step(g)) return g;
    const end = hi & ~3;
    for (let k = g >> 2; k < end >> 2; k++) {
      const b = b32[k];
      const a = a32[k];
      if ((b | a) === 0) continue;
      const u = u32[k];
      if ((allow ? b & (u ^ 0x01010101) : b) !== a) {
        for (let x = k << 2; ; x++) if (!step(x)) return x;
      }
      t.before += ones(b);
      t.after += ones(a);
      if (allow) {
        t.removed += ones(b & u);
        bAll32[k] |= b;
        aAll32[k] |= a;
      }
    }
    g = end;
  }
  for (; g < hi; g++) if (!step(g)) return g;
  return -1;
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
  const bits = { before, after, unused, beforeAll, afterAll };
  const arrays = [before, after, unused, beforeAll, afterAll];
  // Word views when every array starts on a word boundary (they do unless given as subarrays).
  const words = arrays.every((a) => a.length === u.size && (a.byteOffset & 3) === 0)
    ? arrays.map((a) => new Uint32Array(a.buffer, a.byteOffset, a.length >> 2))
    : null;
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
    const t: Tally = { before: 0, after: 0, removed: 0 };
    for (const si of union(reachedBefore, reachedAfter)) {
      const g = sweep(bits, words, allow, u.offsets[si], u.offsets[si + 1], t);
      if (g >= 0) {
        const expected = allow ? before[g] & (unused[g] ^ 1) : before[g];
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
    }
    clearServices(u, before, reachedBefore);
    clearServices(u, after, reachedAfter);
    statements.push({
      index: i,
      sid: o.sid,
      effect: o.effect,
      before: t.before,
      removed: t.removed,
      after: t.after,
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
