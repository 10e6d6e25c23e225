// What-if marks: the recommendation answers the findings as marked, in either mode, and stays exact.
import { describe, expect, test } from 'vitest';
import { usedActionsExample } from '../../src/examples/used-actions';
import { workedExample } from '../../src/examples/worked-example';
import { analyze, RefinerSession } from '../../src/worker/analyze';
import type { ActionMark } from '../../src/worker/protocol';
import { catalog } from '../core/support';

const now = () => 0;
interface Inputs {
  policy: string;
  unused: string;
  used: boolean;
}
const worked: Inputs = { policy: workedExample.policy, unused: workedExample.unused, used: false };
const refine = (marks: ActionMark[], inputs: Inputs = worked) =>
  analyze({ ...inputs, type: 'refine', id: 1, marks }, catalog, now).recommendation;

describe('what-if marks', () => {
  test('an unused action marked used comes back; one more marked unused splits a wildcard', () => {
    const plain = refine([]);
    expect(plain?.text).not.toContain('"s3:GetBucketAcl"');
    const used = refine([{ action: 's3:GetBucketAcl', mark: 'used' }]);
    expect(used?.text).toContain('"s3:GetBucketAcl"');
    expect(used?.proof.ok).toBe(true);
    expect(used?.unused.allowed).toBe(29);
    const unused = refine([{ action: 's3:GetObjectAcl', mark: 'unused' }]);
    expect(unused?.text).not.toContain('"s3:GetObject*"');
    expect(unused?.text).toContain('"s3:GetObject"');
    expect(unused?.proof.ok).toBe(true);
    expect(unused?.unused.allowed).toBe(31);
  });

  test('a whole unused service with one action marked used keeps just that action', () => {
    const inputs: Inputs = {
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'organizations:*', Resource: '*' }],
      }),
      unused: '[{ "serviceNamespace": "organizations" }]',
      used: false,
    };
    expect(refine([], inputs)?.recommendedAction).toBe('DETACH_POLICY');
    const kept = refine([{ action: 'organizations:ListAccounts', mark: 'used' }], inputs);
    expect(kept?.recommendedAction).toBe('CREATE_POLICY');
    expect(kept?.text).toContain('"organizations:ListAccounts"');
    expect(kept?.proof.ok).toBe(true);
  });

  test('in a list of used actions, "unused" takes one out and "used" adds one', () => {
    const inputs: Inputs = { ...usedActionsExample, used: false };
    expect(refine([], inputs)?.text).toContain('"s3:GetObject"');
    const less = refine([{ action: 's3:GetObject', mark: 'unused' }], inputs);
    expect(less?.text).not.toContain('"s3:GetObject"');
    expect(less?.proof.ok).toBe(true);
    const more = refine([{ action: 's3:PutObject', mark: 'used' }], inputs);
    expect(more?.text).toContain('"s3:PutObject"');
    expect(more?.proof.ok).toBe(true);
  });

  test('an unused action marked kept stays, and the trie of the same refinement says so', () => {
    const session = new RefinerSession(catalog, now);
    const marks: ActionMark[] = [{ action: 's3:GetBucketAcl', mark: 'kept' }];
    const a = session.refine({ ...worked, type: 'refine', id: 7, marks });
    expect(a.recommendation?.text).toContain('"s3:GetBucketAcl"');
    expect(a.recommendation?.proof.ok).toBe(true);
    const t = session.trie({
      type: 'trie',
      id: 8,
      refinement: 7,
      statement: 1,
      position: 0,
      level: 'word',
    });
    const acl = t.trie?.actions.name.indexOf('s3:GetBucketAcl') ?? -1;
    expect(t.trie?.actions.onPurpose[acl]).toBe(1);
    expect(t.trie?.written).toContain('s3:GetBucketAcl');
  });
});
