import { describe, expect, test } from 'vitest';
import { initialState, isStale, reduce } from '../../src/ui/state';
import type { Analysis, RecommendationView } from '../../src/worker/protocol';

const rec = { decisions: [], statements: [] } as unknown as RecommendationView;
const ok = {
  recommendation: rec,
  policyError: null,
  unusedError: null,
  ms: 1,
} as unknown as Analysis;
const broken = {
  recommendation: null,
  policyError: { message: 'bad', line: 3, column: 4, offset: 9 },
  unusedError: null,
  ms: 1,
} as unknown as Analysis;

describe('the page state', () => {
  test('an answer for an older revision is dropped', () => {
    let s = initialState({ policy: 'a', unused: 'b', used: false, keep: '' });
    s = reduce(s, { type: 'edit', inputs: { policy: 'aa' } });
    const after = reduce(s, { type: 'answered', revision: 0, analysis: ok });
    expect(after.analysis).toBeNull();
  });

  test('the last good recommendation stays, marked stale, while the input has an error', () => {
    let s = initialState({ policy: 'a', unused: 'b', used: false, keep: '' });
    s = reduce(s, { type: 'answered', revision: 0, analysis: ok });
    expect(isStale(s)).toBe(false);
    s = reduce(s, { type: 'edit', inputs: { policy: '{' } });
    s = reduce(s, { type: 'answered', revision: 1, analysis: broken });
    expect(s.good?.recommendation).toBe(rec);
    expect(isStale(s)).toBe(true);
    expect(s.analysis?.policyError?.line).toBe(3);
  });

  test('a failure is reported until the next answer', () => {
    let s = initialState({ policy: 'a', unused: 'b', used: false, keep: '' });
    s = reduce(s, { type: 'failed', revision: 0, message: 'took too long' });
    expect(s.failure).toBe('took too long');
    s = reduce(s, { type: 'answered', revision: 0, analysis: ok });
    expect(s.failure).toBeNull();
  });

  test('what-if marks: one per action, each a new revision, cleared by Reset and by loading new inputs', () => {
    let s = initialState({ policy: 'a', unused: 'b', used: false, keep: '' });
    s = reduce(s, { type: 'mark', action: 's3:GetBucketAcl', mark: 'used' });
    s = reduce(s, { type: 'mark', action: 'S3:GETBUCKETACL', mark: 'kept' });
    expect(s.marks).toEqual([{ action: 'S3:GETBUCKETACL', mark: 'kept' }]);
    expect(s.revision).toBe(2);
    s = reduce(s, { type: 'answered', revision: 2, analysis: ok });
    expect(s.good?.marks).toEqual(s.marks);
    s = reduce(s, { type: 'reset-marks' });
    expect(s.marks).toEqual([]);
    expect(s.revision).toBe(3);
    s = reduce(s, { type: 'mark', action: 's3:GetObject', mark: 'unused' });
    s = reduce(s, { type: 'load', inputs: { policy: 'c', unused: 'd', used: false, keep: '' } });
    expect(s.marks).toEqual([]);
  });

  test("keeping for good: the keep list replaced, and the actions' what-if marks gone, in one revision", () => {
    let s = initialState({ policy: 'a', unused: 'b', used: false, keep: 's3:GetObject\n' });
    s = reduce(s, { type: 'mark', action: 's3:GetBucketAcl', mark: 'kept' });
    s = reduce(s, { type: 'mark', action: 'ec2:RunInstances', mark: 'used' });
    s = reduce(s, {
      type: 'keep',
      actions: ['S3:GetBucketAcl'],
      keep: 's3:GetObject\ns3:GetBucketAcl\n',
    });
    expect(s.inputs.keep).toBe('s3:GetObject\ns3:GetBucketAcl\n');
    expect(s.marks).toEqual([{ action: 'ec2:RunInstances', mark: 'used' }]);
    expect(s.revision).toBe(3);
  });
});
