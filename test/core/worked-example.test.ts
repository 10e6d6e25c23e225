import { describe, expect, it } from 'vitest';
import { refine } from '../../src/core';
import { loadCatalog } from '../../src/catalog/node';
import { workedExample } from '../../src/examples/worked-example';

describe('worked example', () => {
  it("gives the published recommendation plus the two newer s3 actions with today's catalog", () => {
    const r = refine(
      [{ name: 'p', text: workedExample.policy }],
      workedExample.unused,
      loadCatalog(),
    );
    if (!r.ok) throw new Error(r.error.message);
    const rec = r.value.policies[0];
    expect(rec.proof.ok).toBe(true);
    expect(rec.recommendedAction).toBe('CREATE_POLICY');
    const doc = JSON.parse(rec.text as string);
    expect(doc.Statement[0].Action).toEqual(['lambda:Invoke*']);
    expect(doc.Statement[1].Action).toEqual([
      's3:GetAccess*',
      's3:GetAccountPublicAccessBlock',
      's3:GetBucketAbac',
      's3:GetBucketMetadataTableConfiguration',
      's3:GetDataAccess',
      's3:GetJobTagging',
      's3:GetMulti*',
      's3:GetObject*',
      's3:GetStorage*',
      's3:List*',
    ]);
  });
});
