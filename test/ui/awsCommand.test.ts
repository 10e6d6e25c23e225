// The app's "Copy AWS CLI command": the recommended policy compacted onto one line, every value as
// the user wrote it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compactJson } from '../../src/core';
import { awsCommand } from '../../src/ui/awsCommand';
import { analyze } from '../../src/worker/analyze';
import { catalog } from '../core/support';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:Get*"],
      "Resource": "*",
      "Condition": {
        "NumericLessThan": { "s3:max-keys": 9007199254740993, "aws:MultiFactorAuthAge": 1e400 },
        "NumericEquals": { "s3:signatureversion": 1.50 }
      }
    }
  ]
}`;

describe('awsCommand', () => {
  test('keeps 9007199254740993, 1e400 and 1.50 as written', () => {
    const a = analyze(
      { type: 'refine', id: 1, policy, unused: 's3:GetObject', used: false },
      catalog,
      () => 0,
    );
    if (!a.recommendation) throw new Error('expected a recommendation');
    const cmd = awsCommand(a.recommendation, '');
    expect(cmd).toContain(
      `"Condition":{"NumericLessThan":{"s3:max-keys":9007199254740993,"aws:MultiFactorAuthAge":1e400},"NumericEquals":{"s3:signatureversion":1.50}}`,
    );
    expect(cmd).toContain('"s3:GetObjectAcl"');
    expect(cmd).not.toContain('"s3:Get*"');
  });

  test('compacts any JSON as JSON.stringify does, white space inside strings kept', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        expect(compactJson(JSON.stringify(value, null, indent))).toBe(JSON.stringify(value));
      }),
    );
    expect(compactJson('{ "a b" : [ "c\\" d" ,\t"\\\\" ] }')).toBe('{"a b":["c\\" d","\\\\"]}');
  });
});
