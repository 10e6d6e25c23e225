import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFindings } from '../../src/core';
import { allow, recommended, refineText } from './support';

const fixture = (name: string) => readFileSync(`test/fixtures/findings/${name}`, 'utf8');

function read(text: string, used = false) {
  const r = parseFindings(text, { used });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the five accepted kinds of unused permissions', () => {
  it('1. the short form; no actions means the whole service', () => {
    const f = read(
      '[{"serviceNamespace": "s3", "actions": ["GetObject"]}, {"serviceNamespace": "sqs"}]',
    );
    expect(f.kind).toBe('short-form');
    expect(f.entries).toEqual([
      expect.objectContaining({ service: 's3', action: 'GetObject' }),
      expect.objectContaining({ service: 'sqs', action: null }),
    ]);
    expect(f.summary).toContain('2 services, 1 action, 1 whole service');
  });

  it('2. GetFindingV2 output, with actions given with or without the prefix', () => {
    const f = read(fixture('get-finding-v2.json'));
    expect(f.kind).toBe('get-finding-v2');
    expect(f.summary).toBe('GetFindingV2 output: 2 services, 2 actions, 1 whole service');
    expect(f.entries.map((e) => [e.service, e.action])).toEqual([
      ['s3', 'GetBucketPolicy'],
      ['s3', 'GetBucketAcl'],
      ['sqs', null],
    ]);
  });

  it('3. GetServiceLastAccessedDetails: never-authenticated services wholly unused, tracked actions never accessed unused', () => {
    const f = read(fixture('service-last-accessed.json'));
    expect(f.kind).toBe('service-last-accessed');
    expect(f.entries.map((e) => [e.service, e.action])).toEqual([
      ['s3', 'PutObject'],
      ['s3', 'DeleteObject'],
      ['dynamodb', null],
    ]);
    const rec = refineText(
      allow(['s3:*Object', 'dynamodb:GetItem', 'lambda:InvokeFunction']),
      fixture('service-last-accessed.json'),
    );
    expect(recommended(rec)?.Statement[0].Action).toEqual(
      expect.arrayContaining(['s3:GetObject', 'lambda:InvokeFunction']),
    );
    expect(recommended(rec)?.Statement[0].Action).not.toContain('s3:PutObject');
  });

  it('4. a plain list: lines (with comments and commas) or a JSON array of strings', () => {
    const lines = read(fixture('actions.txt'));
    expect(lines.kind).toBe('action-list');
    expect(lines.entries.map((e) => `${e.service}:${e.action}`)).toEqual([
      's3:GetBucketPolicy',
      's3:GetBucketAcl',
      'sqs:DeleteQueue',
    ]);
    expect(lines.entries[2]).toMatchObject({ line: 3, column: 18 });
    const array = read('["s3:GetObject", "S3:PutObject"]');
    expect(array.kind).toBe('action-list');
    expect(array.entries.map((e) => e.service)).toEqual(['s3', 's3']);
  });

  it('5. the used actions: everything else the policy allows becomes unused', () => {
    for (const text of [fixture('used.txt'), fixture('cloudtrail.json')]) {
      const f = read(text);
      expect(f.kind).toBe('used-actions');
      expect(f.mode).toBe('used');
      const rec = refineText(allow(['s3:GetObject', 's3:PutObject', 'sqs:*']), text);
      expect(recommended(rec)?.Statement[0].Action).toEqual(['s3:GetObject', 'sqs:SendMessage']);
    }
    const forced = read('["s3:GetObject"]', true);
    expect(forced.mode).toBe('used');
  });

  it('a used list that allows nothing of the policy makes everything unused, and says so', () => {
    const rec = refineText(allow(['s3:GetObject']), '# used\nec2:RunInstances');
    expect(rec.recommendedAction).toBe('DETACH_POLICY');
    expect(rec.warnings.map((w) => w.code)).toContain('used-allows-nothing');
  });

  it.each([
    ['', 'empty'],
    ['{"Version": "2012-10-17", "Statement": []}', 'policy editor'],
    ['{"findings": [{"id": "x"}]}', 'ListFindingsV2'],
    ['{"findingDetails": [{"unusedIamUserAccessKeyDetails": {}}]}', 'no "unusedPermissionDetails"'],
    ['{"findingType": "UnusedIAMRole", "findingDetails": []}', 'UnusedIAMRole'],
    ['hello world', 'not an action like s3:GetObject'],
    ['[1, 2]', 'Accepted'],
    ['{"a": 1', 'not closed'],
    ['{"JobType": "SERVICE_LEVEL", "ServicesLastAccessed": []}', 'ACTION_LEVEL'],
  ])('%j is refused with a message that says what is wrong', (text, words) => {
    const r = parseFindings(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain(words);
      expect(r.error.line).toBeGreaterThan(0);
      expect(r.error.column).toBeGreaterThan(0);
    }
  });

  it('says where the text stopped making sense', () => {
    const r = parseFindings('s3:GetObject\ns3:PutObject\nthis is not right');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 3, column: 1 });
  });
});
