// Hostile input, round two, in core: look-alike letters, wildcards in the findings, and patterns that
// would make matching scan the whole catalog for each of thousands of entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldCase,
  globMatches,
  parseFindings,
  parseKeepList,
  refine,
  type Recommendation,
} from '../../src/core';
import { matchCost } from '../../src/core/matching';
import { complete } from '../../src/worker/analyze';
import { globToRegex } from './oracle';
import { allow, catalog, expandedActionsOf, refineText, serviceNames } from './support';

const KELVIN = '\u212A';

function refined(policy: unknown, unused: string): Recommendation {
  const r = refine([{ name: 'p.json', text: JSON.stringify(policy) }], unused, catalog);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.policies[0].proof.ok).toBe(true);
  return r.value.policies[0];
}

describe('a look-alike letter never widens a grant', () => {
  it(`"${KELVIN}ms:*" (KELVIN SIGN, not K) matches nothing and is kept as written, with a warning`, () => {
    const rec = refined(allow(`${KELVIN}ms:*`), 'kms:Decrypt');
    expect(rec.decisions[0]).toMatchObject({ outcome: 'kept', matched: 0 });
    expect(JSON.parse(rec.text ?? '').Statement[0].Action).toBe(`${KELVIN}ms:*`);
    expect(rec.text).not.toMatch(/"kms:/);
    expect(rec.warnings.find((w) => w.code === 'not-an-action')?.message).toMatch(
      /U\+212A, not ASCII/,
    );
  });

  it(`"s3:PutBuc${KELVIN}et*" likewise, beside patterns that do match`, () => {
    const rec = refined(allow([`s3:PutBuc${KELVIN}et*`, 's3:GetObject*']), 's3:PutBucketAcl');
    expect(rec.statements[0].outcome).toBe('unchanged');
    expect(rec.decisions[0].matched).toBe(0);
  });

  it('ASCII letters alone are folded, everywhere names are compared', () => {
    expect(foldCase('S3:GetObject')).toBe('s3:getobject');
    expect(foldCase(`${KELVIN}MS:Decrypt`)).toBe(`${KELVIN}ms:decrypt`);
    expect(foldCase('\u0130am:Get')).toBe('\u0130am:get');
    // Findings and the keep list refuse it, at its place; completion offers nothing for it.
    const findings = parseFindings(`kms:Encrypt\n${KELVIN}ms:Decrypt`);
    expect(!findings.ok && [findings.error.line, findings.error.column]).toEqual([2, 1]);
    const v2 = parseFindings(
      JSON.stringify({
        findingDetails: [
          {
            unusedPermissionDetails: {
              serviceNamespace: 'kms',
              actions: [{ action: `${KELVIN}ms:Decrypt` }],
            },
          },
        ],
      }),
    );
    expect(!v2.ok && v2.error.message).toMatch(/is listed under the service "kms"/);
    const keep = parseKeepList(`s3:GetObject\n${KELVIN}ms:*`);
    expect(!keep.ok && keep.error.line).toBe(2);
    expect(complete(`${KELVIN}ms:`, catalog)).toEqual([]);
    expect(complete('KMS:Decr', catalog).map((c) => c.action)).toEqual(['kms:Decrypt']);
  });
});

describe('wildcards in the unused permissions stand for the actions they match', () => {
  it('"*" with *:GetObject and ec2:RunInstances unused: every GetObject goes, proven, and no wildcard of the findings is written', () => {
    const rec = refined(allow('*'), '*:GetObject\nec2:RunInstances');
    const written = [
      ...(expandedActionsOf(rec) as string[]),
      ...(rec.notActionForm ? JSON.parse(rec.notActionForm.text).Statement[0].NotAction : []),
    ] as string[];
    expect(written).not.toContain('*:GetObject');
    const getObjects = [...catalog.services.values()].filter((s) => s.names.includes('GetObject'));
    expect(getObjects.length).toBeGreaterThan(3);
    expect(rec.proof.ok && rec.proof.removed).toBe(getObjects.length + 1);
  });

  it('"s3:*" with *:GetObject unused loses s3:GetObject', () => {
    const rec = refined(allow('s3:*'), '*:GetObject');
    expect(rec.proof.ok && rec.proof.removed).toBe(1);
    expect(rec.text).not.toContain('"s3:GetObject"');
  });

  it('means the same in every kind a person may write, and is refused where AWS never writes one', () => {
    const removedBy = (unused: string, used = false) => {
      const rec = refineText(allow(['s3:*', 'ec2:Describe*']), unused, { used });
      return rec.proof.ok ? rec.proof.removed : -1;
    };
    const getObjects = serviceNames('s3').filter((n) => n.startsWith('GetObject')).length;
    expect(removedBy('s3:GetObject*')).toBe(getObjects);
    expect(removedBy('["s3:GetObject*"]')).toBe(getObjects);
    expect(removedBy('[{"serviceNamespace": "s3", "actions": ["GetObject*"]}]')).toBe(getObjects);
    expect(removedBy('[{"serviceNamespace": "s?", "actions": ["GetObject*"]}]')).toBe(getObjects);
    expect(
      removedBy(
        JSON.stringify({
          findingDetails: [
            {
              unusedPermissionDetails: {
                serviceNamespace: 's3',
                actions: [{ action: 's3:GetObject*' }],
              },
            },
          ],
        }),
      ),
    ).toBe(getObjects);
    const all =
      serviceNames('s3').length +
      serviceNames('ec2').filter((n) => n.startsWith('Describe')).length;
    expect(removedBy('# used\ns3:GetObject*')).toBe(all - getObjects);
    const lastAccessed = parseFindings(
      JSON.stringify({
        JobStatus: 'COMPLETED',
        JobType: 'ACTION_LEVEL',
        ServicesLastAccessed: [
          {
            ServiceNamespace: 's3',
            LastAuthenticated: '2026-01-01T00:00:00Z',
            TrackedActionsLastAccessed: [{ ActionName: 'Get*' }],
          },
        ],
      }),
    );
    expect(!lastAccessed.ok && lastAccessed.error.message).toMatch(/AWS never writes a wildcard/);
  });

  it('a findings wildcard that matches nothing is said so', () => {
    const rec = refined(allow('s3:*'), 'nosuch*:Get*');
    expect(rec.warnings.map((w) => w.message).join('\n')).toMatch(
      /1 wildcard that matches no action .*nosuch\*:Get\*/,
    );
  });
});

describe('matching stays near-linear in what the patterns match', () => {
  const cost = (run: () => void): number => {
    const before = matchCost.names;
    run();
    return matchCost.names - before;
  };

  it('2,000 patterns *:*e<i> test a few names each, not the whole catalog each', () => {
    const patterns = Array.from({ length: 2000 }, (_, i) => `*:*e${i}`);
    let rec: Recommendation | undefined;
    const tested = cost(() => {
      rec = refined(allow(patterns), 's3:GetObject');
    });
    expect(rec?.decisions).toHaveLength(2000);
    // A scan would test 22,091 names per pattern and per pass: over 40 million.
    expect(tested).toBeLessThan(2000 * 200);
  });

  it('500-character names against backtracking wildcards', () => {
    const names = Array.from({ length: 300 }, (_, i) => `svc:${'a'.repeat(490)}${i}b`);
    const hostile = Array.from({ length: 300 }, (_, i) => `svc:*${'a*'.repeat(200)}${i}c`);
    const tested = cost(() => refined(allow([...names, ...hostile]), `svc:${'a'.repeat(490)}0b`));
    // Only names holding the rarest short run of each pattern are tested: a few per pattern.
    expect(tested).toBeLessThan(300 * 20);
  });

  it('the glob matcher agrees with regular expressions (fast-check)', () => {
    const text = fc.stringMatching(/^[ab?*]{0,12}$/);
    fc.assert(
      fc.property(text, fc.stringMatching(/^[ab]{0,14}$/), (glob, name) => {
        expect(globMatches(glob, name)).toBe(globToRegex(glob).test(name));
      }),
      { numRuns: 3000 },
    );
    expect(globMatches(`*${'a*'.repeat(2500)}b`, 'a'.repeat(5000))).toBe(false);
  });
});
