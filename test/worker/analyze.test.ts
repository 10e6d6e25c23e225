// What the worker computes for the page, with the real catalog.
import { describe, expect, test } from 'vitest';
import { workedExample } from '../../src/examples/worked-example';
import { analyze, complete, hover } from '../../src/worker/analyze';
import { catalog } from '../core/support';

const now = () => 0;

describe('analyze', () => {
  test('the worked example: a recommendation, the findings kind, no errors, texts not trees', () => {
    const a = analyze({ ...workedExample, type: 'refine', id: 1, used: false }, catalog, now);
    expect(a.policyError).toBeNull();
    expect(a.unusedError).toBeNull();
    expect(a.findings?.summary).toMatch(/2 services, 30 actions$/);
    expect(a.recommendation?.recommendedAction).toBe('CREATE_POLICY');
    expect(a.recommendation).not.toHaveProperty('document');
    expect(a.recommendation?.text).toContain('"s3:GetMulti*"');
    expect(a.catalog.actions).toBe(catalog.actionCount);
    // Plain data: what structuredClone can post.
    expect(structuredClone(a)).toEqual(a);
  });

  test('each editor gets its own error, with line and column', () => {
    const a = analyze(
      {
        type: 'refine',
        id: 1,
        policy: '{\n  "Statement": [,]\n}',
        unused: 'not json {',
        used: false,
      },
      catalog,
      now,
    );
    expect(a.policyError).toMatchObject({ line: 2 });
    expect(a.unusedError?.line).toBe(1);
    expect(a.recommendation).toBeNull();
  });
});

describe('completion and hover', () => {
  test('s3:Get offers every s3 action starting with Get, with its access level', () => {
    const items = complete('s3:Get', catalog);
    const s3 = catalog.services.get('s3');
    const expected = s3?.names.filter((n) => n.startsWith('Get')).length;
    expect(items.length).toBe(expected);
    expect(items).toContainEqual({ action: 's3:GetObject', level: 'Read' });
    expect(items.every((i) => i.action.startsWith('s3:Get'))).toBe(true);
  });

  test('a service prefix offers services', () => {
    expect(complete('lambd', catalog).map((c) => c.action)).toContain('lambda:');
  });

  test('hover tells the access level of an action and how many actions a wildcard matches', () => {
    expect(hover('s3:PutBucketPolicy', catalog)).toMatchObject({
      matches: 1,
      level: 'Permissions management',
    });
    const s3Get = catalog.services.get('s3')?.names.filter((n) => n.startsWith('Get')).length;
    expect(hover('s3:get*', catalog)).toMatchObject({ matches: s3Get, level: null });
    expect(hover('s3:Nope', catalog).matches).toBe(0);
  });
});
