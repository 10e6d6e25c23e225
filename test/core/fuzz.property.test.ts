// Fuzzing the parsers and the refiner with fast-check: random bytes, random JSON, policy-shaped junk
// and mutations of a real policy. Nothing may throw; every refusal is a one-line message with a
// position inside the text; every result passes the exactness proof.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFindings, parsePolicy, refine, type SourceError } from '../../src/core';
import { parseJson } from '../../src/core/jsonParser';
import { compactLength } from '../../src/core/jsonPrinter';
import { workedExample } from '../../src/examples/worked-example';
import { catalog } from './support';

const RUNS = 300;

function expectGoodError(text: string, error: SourceError): void {
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/[\n\r]/);
  expect(error.line).toBeGreaterThanOrEqual(1);
  expect(error.column).toBeGreaterThanOrEqual(1);
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  expect(error.line).toBeLessThanOrEqual(lines.length + 1);
}

/** Parses both ways and refines; asserts the contract whatever the input. */
/** How far the inputs got: a fuzz that never reaches the refiner proves nothing about it. */
const seen = { refined: 0, refused: 0 };
function throwAt(policyText: string, unusedText: string): void {
  const doc = parsePolicy(policyText);
  if (!doc.ok) expectGoodError(policyText, doc.error);
  const findings = parseFindings(unusedText);
  if (!findings.ok) expectGoodError(unusedText, findings.error);
  const r = refine([{ name: 'fuzz.json', text: policyText }], unusedText, catalog);
  if (!r.ok) {
    seen.refused++;
    return;
  }
  seen.refined++;
  for (const p of r.value.policies) {
    if (!p.proof.ok) throw new Error(p.proof.message);
    for (const w of p.warnings) expect(w.message).not.toMatch(/[\n\r]/);
  }
}

const bytes = fc
  .uint8Array({ maxLength: 512 })
  .map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b));

const realAction = fc.constantFrom(
  ...['s3', 'ec2', 'lambda', 'iam', 'kms'].flatMap((svc) =>
    (catalog.services.get(svc)?.names ?? []).slice(0, 60).map((n) => `${svc}:${n}`),
  ),
);
const pattern = fc.oneof(
  realAction,
  realAction.map((a) => a.slice(0, Math.max(a.indexOf(':') + 1, a.length - 5)) + '*'),
  fc.constantFrom('*', 's3:*', 's3:Get*', 'ec2:*Instances', 's3:Get?bject', '*:*', 's3:**', ':'),
  fc.string({ maxLength: 20 }),
);
/** Anything JSON can hold, where the grammar expects a string or a list. */
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), pattern, fc.array(pattern, { maxLength: 6 }));

/** A statement IAM would mostly accept, sometimes with junk where the grammar is strict. */
const statement = fc
  .record(
    {
      Sid: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('<img src=x onerror=alert(1)>')),
      Effect: fc.oneof(
        { arbitrary: fc.constantFrom('Allow', 'Deny'), weight: 8 },
        { arbitrary: junk, weight: 1 },
      ),
      list: fc.oneof(
        { arbitrary: fc.array(pattern, { minLength: 1, maxLength: 8 }), weight: 6 },
        { arbitrary: pattern, weight: 3 },
        { arbitrary: junk, weight: 1 },
      ),
      not: fc.boolean(),
      Resource: fc.constantFrom('*', 'arn:aws:s3:::b/*'),
      extra: fc.option(fc.constantFrom('__proto__', 'constructor', 'Comment'), { freq: 3 }),
      extraValue: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['Effect', 'list', 'not', 'Resource', 'extraValue'] },
  )
  .map(({ list, not, extra, extraValue, ...rest }) => {
    const o: Record<string, unknown> = { ...rest, [not ? 'NotAction' : 'Action']: list };
    // An own "__proto__" key, as JSON.parse would make it, not the prototype.
    if (extra) Object.defineProperty(o, extra, { value: extraValue, enumerable: true });
    return o;
  });
const policyShaped = fc
  .record(
    {
      Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'),
      Statement: fc.oneof(
        { arbitrary: fc.array(statement, { minLength: 1, maxLength: 5 }), weight: 8 },
        { arbitrary: statement, weight: 2 },
        { arbitrary: junk, weight: 1 },
      ),
      Id: fc.string({ maxLength: 5 }),
    },
    { requiredKeys: ['Statement'] },
  )
  .map((o) => JSON.stringify(o, null, 2));

const unusedShaped = fc.oneof(
  {
    arbitrary: fc.array(realAction, { minLength: 1, maxLength: 40 }).map((a) => a.join('\n')),
    weight: 5,
  },
  {
    arbitrary: fc.array(realAction, { minLength: 1, maxLength: 40 }).map((a) => JSON.stringify(a)),
    weight: 3,
  },
  {
    arbitrary: fc
      .array(fc.oneof(realAction, fc.string({ maxLength: 12 })), { maxLength: 10 })
      .map((a) => a.join('\n')),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
  { arbitrary: bytes, weight: 1 },
);

/** The worked example with a few characters inserted, deleted or replaced. */
const mutated = fc
  .array(
    fc.tuple(
      fc.nat({ max: workedExample.policy.length }),
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.constantFrom(...'{}[]",:*?\\ \n\u0000\ufeffaZ9'.split('')),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = workedExample.policy;
    for (const [at, op, ch] of edits) {
      const i = Math.min(at, text.length);
      text =
        op === 'insert'
          ? text.slice(0, i) + ch + text.slice(i)
          : op === 'delete'
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + ch + text.slice(i + 1);
    }
    return text;
  });

/** ASCII letters and the look-alikes a paste can bring in their place. */
const LOOK_ALIKES: Record<string, string[]> = {
  k: ['\u212A', '\u03BA'],
  K: ['\u212A', '\u039A'],
  a: ['\u0430', '\uFF41'],
  e: ['\u0435'],
  i: ['\u0131', '\u0456'],
  I: ['\u0130', '\u0406'],
  s: ['\u017F', '\u0455'],
  o: ['\u043E', '\u03BF'],
  c: ['\u0441'],
  S: ['\u0405'],
};

/** A real action or wildcard with one letter swapped for a look-alike. */
const lookAlike = fc
  .tuple(
    fc.oneof(
      realAction,
      realAction.map((a) => a.slice(0, a.indexOf(':') + 4) + '*'),
    ),
    fc.nat(),
    fc.nat(),
  )
  .filter(([a]) => /[kKaeiIsocS]/.test(a))
  .map(([a, i, j]) => {
    const at = [...a.matchAll(/[kKaeiIsocS]/g)].map((m) => m.index ?? 0);
    const k = at[i % at.length];
    const options = LOOK_ALIKES[a[k]];
    return a.slice(0, k) + options[j % options.length] + a.slice(k + 1);
  });

/** Unused lists a person may write with wildcards, in the kinds that accept them. */
const wildcardFindings = fc
  .array(
    fc.oneof(
      realAction,
      fc.constantFrom('*:GetObject', 's3:Get*', '?3:GetObject*', 'ec2:*Instances', '*:Describe*'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((list) =>
    fc.constantFrom(
      list.join('\n'),
      JSON.stringify(list),
      JSON.stringify(
        list.map((a) => ({
          serviceNamespace: a.slice(0, a.indexOf(':')),
          actions: [a.slice(a.indexOf(':') + 1)],
        })),
      ),
    ),
  );

describe('fuzz: nothing throws, every refusal has a place, every result is proven', () => {
  it('random bytes into both parsers and the refiner', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => throwAt(a, b)),
      { numRuns: RUNS },
    );
  });

  it('random JSON values into both parsers and the refiner', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) =>
        throwAt(JSON.stringify(a), JSON.stringify(b)),
      ),
      { numRuns: RUNS },
    );
  });

  it('policy-shaped junk against unused-shaped junk', () => {
    const before = seen.refined;
    fc.assert(
      fc.property(policyShaped, unusedShaped, (p, u) => throwAt(p, u)),
      { numRuns: 2 * RUNS },
    );
    expect(seen.refined - before).toBeGreaterThan(RUNS / 2);
  });

  it('the worked example with characters inserted, deleted or replaced', () => {
    const before = seen.refined;
    fc.assert(
      fc.property(mutated, (p) => throwAt(p, workedExample.unused)),
      { numRuns: RUNS },
    );
    expect(seen.refined - before).toBeGreaterThan(RUNS / 5);
  });

  it('look-alike letters match nothing and wildcard findings are never written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(lookAlike, pattern), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        wildcardFindings,
        (list, not, unused) => {
          const policy = JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', [not ? 'NotAction' : 'Action']: list, Resource: '*' }],
          });
          const r = refine([{ name: 'p.json', text: policy }], unused, catalog);
          if (!r.ok) return;
          const rec = r.value.policies[0];
          if (!rec.proof.ok) throw new Error(rec.proof.message);
          for (const d of rec.decisions)
            if (/[^\x20-\x7e]/.test(d.pattern)) {
              expect(d.matched).toBe(0);
              expect(d.replacement).toEqual([d.pattern]);
            }
          // What the refiner adds to a NotAction list are trie nodes: a star, if any, at the end.
          const added = [
            ...rec.statements.flatMap((o) => o.added),
            ...(rec.notActionForm ? JSON.parse(rec.notActionForm.text).Statement[0].NotAction : []),
          ] as string[];
          for (const a of added)
            expect(a === '*' || /^[a-z0-9-]+:[A-Za-z0-9_.-]+\*?$/.test(a)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the size IAM counts is the length of the compact JSON, escapes included', () => {
    fc.assert(
      fc.property(fc.json({ stringUnit: 'binary', maxDepth: 6 }), (text) => {
        const parsed = parseJson(text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(compactLength(parsed.value)).toBe(text.length);
      }),
      { numRuns: RUNS },
    );
  });
});
