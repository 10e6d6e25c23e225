import { describe, expect, it } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { actionsOf, catalog, catalog2024, refineText } from './support';

const published = [
  's3:GetAccess*',
  's3:GetAccountPublicAccessBlock',
  's3:GetDataAccess',
  's3:GetJobTagging',
  's3:GetMulti*',
  's3:GetObject*',
  's3:GetStorage*',
  's3:List*',
];

describe('the worked example of docs/refinement.md', () => {
  it('gives exactly the published recommendation with the s3 catalog of 2024', () => {
    const rec = refineText(workedExample.policy, workedExample.unused, { catalog: catalog2024 });
    expect(rec.recommendedAction).toBe('CREATE_POLICY');
    expect(actionsOf(rec, 0)).toEqual(['lambda:Invoke*']);
    expect(actionsOf(rec, 1)).toEqual(published);
  });

  it("adds the two newer s3 actions with today's catalog", () => {
    const rec = refineText(workedExample.policy, workedExample.unused, { catalog });
    expect(actionsOf(rec, 0)).toEqual(['lambda:Invoke*']);
    expect(actionsOf(rec, 1)).toEqual(
      [...published, 's3:GetBucketAbac', 's3:GetBucketMetadataTableConfiguration'].sort(),
    );
  });

  it('keeps the rest of each statement as written, in order', () => {
    const rec = refineText(workedExample.policy, workedExample.unused);
    const doc = JSON.parse(rec.text as string);
    expect(Object.keys(doc)).toEqual(['Version', 'Statement']);
    expect(Object.keys(doc.Statement[0])).toEqual(['Effect', 'Action', 'Resource']);
    expect(doc.Statement[0].Resource).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:my-lambda',
    );
  });

  it('explains the s3:Get* decision with its trie nodes', () => {
    const rec = refineText(workedExample.policy, workedExample.unused);
    const get = rec.decisions.find((d) => d.pattern === 's3:Get*');
    expect(get?.outcome).toBe('replaced');
    const node = (prefix: string) => get?.nodes.find((n) => n.prefix === prefix);
    expect(node('s3:GetBucket')).toMatchObject({ safe: false, written: null });
    expect(node('s3:GetMulti')).toMatchObject({ safe: true, written: 's3:GetMulti*', unused: 0 });
    expect(node('s3:GetObject')).toMatchObject({ safe: true, written: 's3:GetObject*' });
    expect(node('s3:GetAccelerate')).toMatchObject({ safe: false, unused: 1 });
    const lambda = rec.decisions.filter((d) => d.pattern.startsWith('lambda:'));
    expect(lambda.map((d) => d.outcome)).toEqual([...Array(8).fill('dropped'), 'kept']);
  });

  it('proves the result: allows exactly what it allowed before minus the unused', () => {
    const rec = refineText(workedExample.policy, workedExample.unused);
    if (!rec.proof.ok) throw new Error('no proof');
    expect(rec.proof.removed).toBe(30);
    expect(rec.proof.after).toBe(rec.proof.before - 30);
  });
});
