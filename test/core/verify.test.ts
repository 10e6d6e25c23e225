// The exactness proof against a plain reading of its rule, action by action over the whole universe:
// the same counts when the refinement is exact, the same first counterexample when it is not, with
// the bits read four bytes at a time or, for arrays off a word boundary, one at a time.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePattern } from '../../src/core/patterns';
import { catalogUniverse } from '../../src/core/universe';
import { prove, statementReach, type StatementActions } from '../../src/core/verify';
import { catalog } from './support';

const u = catalogUniverse(catalog);
const PATTERNS = [
  '*',
  's3:*',
  's3:Get*',
  's3:GetObject',
  's3:GetObject*',
  's3:*Object*',
  'ec2:Describe*',
  'ec2:*',
  'iam:List*',
  'iam:PassRole',
  'kms:Decrypt',
  'sqs:*',
  'lambda:Invoke*',
];
const SERVICES = ['s3', 'ec2', 'iam', 'kms', 'sqs', 'lambda'].map((s) => u.serviceIndex(s));

/** The rule read plainly: every action of the universe in order, the first that breaks it named. */
function plainProof(
  unused: Uint8Array,
  original: StatementActions[],
  refined: (StatementActions | null)[],
) {
  const statements = [];
  for (let i = 0; i < original.length; i++) {
    const before = new Uint8Array(u.size);
    const after = new Uint8Array(u.size);
    statementReach(u, original[i], before);
    statementReach(u, refined[i], after);
    const allow = original[i].effect === 'Allow';
    let b = 0;
    let a = 0;
    let removed = 0;
    for (let g = 0; g < u.size; g++) {
      const expected = allow ? before[g] & (unused[g] ^ 1) : before[g];
      if (expected !== after[g]) return { ok: false, statement: i, action: u.actionName(g) };
      b += before[g];
      a += after[g];
      if (allow) removed += before[g] & unused[g];
    }
    statements.push({ before: b, after: a, removed });
  }
  return { ok: true, statements };
}

const statement = (effect: 'Allow' | 'Deny', patterns: string[]): StatementActions => ({
  effect,
  actionKey: 'Action',
  patterns,
});

const arbitraryCase = fc.record({
  statements: fc.array(
    fc.record({
      effect: fc.constantFrom('Allow' as const, 'Deny' as const),
      original: fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 3 }),
      refined: fc.option(fc.uniqueArray(fc.constantFrom(...PATTERNS), { maxLength: 3 })),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // Per service: nothing unused, all of it, or every k-th action.
  unused: fc.array(fc.integer({ min: 0, max: 4 }), {
    minLength: SERVICES.length,
    maxLength: SERVICES.length,
  }),
  offset: fc.constantFrom(0, 1),
});

describe('prove', () => {
  test('agrees with the plain reading of the rule, exact or not, on any word alignment', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ statements, unused: kinds, offset }) => {
        const buffer = new Uint8Array(u.size + offset);
        const unused = buffer.subarray(offset);
        SERVICES.forEach((si, k) => {
          for (let g = u.offsets[si], n = 0; g < u.offsets[si + 1]; g++, n++)
            unused[g] = kinds[k] === 0 ? 0 : kinds[k] === 1 ? 1 : n % kinds[k] === 0 ? 1 : 0;
        });
        const original = statements.map((s) => statement(s.effect, s.original));
        // Unchanged (exact when nothing it allows is unused), or another list (rarely exact).
        const refined = statements.map((s, i) =>
          s.refined === null
            ? original[i]
            : s.refined.length === 0
              ? null
              : statement(s.effect, s.refined),
        );
        const plain = plainProof(unused, original, refined);
        const proof = prove(u, unused, original, refined);
        expect(proof.ok).toBe(plain.ok);
        if (proof.ok && plain.ok)
          expect(
            proof.statements.map(({ before, after, removed }) => ({ before, after, removed })),
          ).toEqual(plain.statements);
        if (!proof.ok && !plain.ok && 'action' in plain) {
          expect(proof.counterexample.statement).toBe(plain.statement);
          expect(proof.counterexample.action).toBe(plain.action);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('names the one unused action a refinement still allows', () => {
    const unused = new Uint8Array(u.size);
    const target = u.offsets[u.serviceIndex('s3')] + 5;
    unused[target] = 1;
    const original = [statement('Allow', ['s3:*'])];
    expect(prove(u, unused, original, original)).toMatchObject({
      ok: false,
      counterexample: { statement: 0, action: u.actionName(target), expected: 'not matched' },
    });
  });

  test('reads a copy holding other patterns by its own texts, not the parse it was copied with', () => {
    const original: StatementActions = {
      ...statement('Allow', ['s3:*']),
      parsed: [parsePattern('s3:*')],
    };
    const bits = new Uint8Array(u.size);
    statementReach(u, { ...original, patterns: ['s3:GetObject'] }, bits);
    const at = u.offsets[u.serviceIndex('s3')] + u.localIndex(u.serviceIndex('s3'), 'getobject');
    expect(bits.reduce((n, b) => n + b, 0)).toBe(1);
    expect(bits[at]).toBe(1);
  });
});
