// The exactness proof (SPEC.md, last paragraph): over the universe, each refined statement allows
// exactly what the original allowed minus the unused actions, and each Deny still covers the same.
// It matches the written text again, independently of how the trie chose it.
import { matchBits, parsePattern } from './patterns';
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
      statements: StatementProof[];
    }
  | { ok: false; counterexample: Counterexample; message: string };

/** The actions of the universe a statement's Action or NotAction list covers. */
export function statementBits(u: Universe, s: StatementActions | null): Uint8Array {
  const bits = new Uint8Array(u.size);
  if (!s) return bits;
  for (const p of s.patterns) matchBits(u, parsePattern(p), bits);
  if (s.actionKey === 'NotAction') for (let i = 0; i < bits.length; i++) bits[i] ^= 1;
  return bits;
}

function count(bits: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) n += bits[i];
  return n;
}

export function prove(
  u: Universe,
  unused: Uint8Array,
  original: readonly (StatementActions & { sid?: string })[],
  refined: readonly (StatementActions | null)[],
  /** The original statements' bits when already computed (they are the same for every candidate). */
  originalBits: readonly (Uint8Array | undefined)[] = [],
): Proof {
  const statements: StatementProof[] = [];
  const beforeAll = new Uint8Array(u.size);
  const afterAll = new Uint8Array(u.size);
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    const before = originalBits[i] ?? statementBits(u, o);
    const after = statementBits(u, refined[i]);
    const allow = o.effect === 'Allow';
    if (refined[i] && refined[i]?.effect !== o.effect)
      return {
        ok: false,
        counterexample: { statement: i, action: '', expected: 'matched', got: 'not matched' },
        message: `BUG: statement ${i + 1} changed its Effect`,
      };
    let removed = 0;
    for (let g = 0; g < u.size; g++) {
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
      if (allow) {
        removed += before[g] & unused[g];
        beforeAll[g] |= before[g];
        afterAll[g] |= after[g];
      }
    }
    statements.push({
      index: i,
      sid: o.sid,
      effect: o.effect,
      before: count(before),
      removed,
      after: count(after),
    });
  }
  const before = count(beforeAll);
  const after = count(afterAll);
  return { ok: true, universe: u.size, before, removed: before - after, after, statements };
}
