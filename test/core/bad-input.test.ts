// The corpus of broken and hostile input (test/fixtures/bad/cases.json): every case gets either an
// error value that says what is wrong and where, or a result with the expected warnings, proven exact.
// The size cases are generated here: files of megabytes have no place in the repository.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_ACTION_ENTRIES,
  MAX_JSON_DEPTH,
  MAX_POLICY_CHARS,
  MAX_STATEMENTS,
  refine,
  type Refinement,
} from '../../src/core';
import { badDir, cases, readBad as read, type BadCase } from './bad-cases';
import { catalog } from './support';

/** Runs one input the way the CLI and the app do: the other input is a known-good one. */
/** Control and bidi characters: a message never breaks the terminal or the panel it is shown in. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function runCase(c: Pick<BadCase, 'file' | 'editor'>) {
  const text = read(c.file);
  return c.editor === 'policy'
    ? refine([{ name: c.file, text }], read('ok-unused.txt'), catalog)
    : refine([{ name: 'ok-policy.json', text: read('ok-policy.json') }], text, catalog);
}

function expectResult(r: ReturnType<typeof refine>): Refinement['policies'][number] {
  if (!r.ok) throw new Error(`expected a result, got: ${r.error.message}`);
  const p = r.value.policies[0];
  if (!p.proof.ok) throw new Error(p.proof.message);
  return p;
}

/** How many statements the proof covered. */
function provenStatements(p: Refinement['policies'][number]): number {
  return p.proof.ok ? p.proof.statements.length : -1;
}

describe('the corpus of broken and hostile input', () => {
  it('lists every file in the folder, and every file once', () => {
    const files = readdirSync(badDir).filter(
      (f) => !['cases.json', 'ok-policy.json', 'ok-unused.txt'].includes(f),
    );
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_, c) => {
    const r = runCase(c);
    if ('error' in c.expect) {
      const want = c.expect.error;
      if (r.ok) throw new Error(`expected an error, got a result`);
      expect(r.error.message).toContain(want.message);
      expect([r.error.line, r.error.column]).toEqual([want.line, want.column]);
      expect(r.error.input).toBe(c.editor === 'policy' ? c.file : 'unused permissions');
      expect(r.error.message).not.toMatch(UNPRINTABLE);
    } else {
      const want = c.expect.result;
      const p = expectResult(r);
      expect(p.recommendedAction).toBe(want.recommendedAction);
      expect([...new Set(p.warnings.map((w) => w.code))].sort()).toEqual([...want.warnings].sort());
      for (const w of p.warnings) expect(w.message).not.toMatch(UNPRINTABLE);
      const printed = p.text ?? '';
      for (const s of want.contains ?? []) expect(printed).toContain(s);
    }
  });
});

describe('size', () => {
  const unused = 's3:GetBucketPolicy\ns3:PutObject\n';
  const policyOf = (statements: object[]) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

  it('a 5 MB policy refines, every statement proven', () => {
    const padding = 'x'.repeat(2_400);
    const text = policyOf(
      Array.from({ length: 2_000 }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow',
        Action: ['s3:Get*', 's3:PutObject', `ec2:Describe*`],
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': `${padding}${i}` } },
      })),
    );
    expect(text.length).toBeGreaterThan(5_000_000);
    const p = expectResult(refine([{ name: 'big.json', text }], unused, catalog));
    expect(provenStatements(p)).toBe(2_000);
    expect(p.text).not.toContain('"s3:PutObject"');
    expect(p.text).toContain('"ec2:Describe*"');
  });

  it(`a policy over ${MAX_POLICY_CHARS.toLocaleString('en')} characters is refused with the limit`, () => {
    const text = policyOf([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]).replace(
      '{',
      '{' + ' '.repeat(MAX_POLICY_CHARS),
    );
    const r = refine([{ name: 'huge.json', text }], unused, catalog);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).toMatch(/8 MB|8,388,608/);
  });

  it(`${MAX_STATEMENTS.toLocaleString('en')} statements refine; one more is refused with the limit`, () => {
    const statement = (i: number) => ({
      Sid: `S${i}`,
      Effect: i % 10 === 0 ? 'Deny' : 'Allow',
      Action: i % 2 ? 's3:Get*' : ['s3:PutObject', 'lambda:Invoke*'],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    });
    const many = Array.from({ length: MAX_STATEMENTS }, (_, i) => statement(i));
    const p = expectResult(refine([{ name: 'many.json', text: policyOf(many) }], unused, catalog));
    expect(provenStatements(p)).toBe(MAX_STATEMENTS);
    const r = refine(
      [{ name: 'more.json', text: policyOf([...many, statement(MAX_STATEMENTS)]) }],
      unused,
      catalog,
    );
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).toContain('10,000');
  });

  it(`${MAX_ACTION_ENTRIES.toLocaleString('en')} actions in one list refine; one more is refused`, () => {
    const names = catalog.services.get('ec2')!.names;
    const actions = Array.from(
      { length: MAX_ACTION_ENTRIES },
      (_, i) => `ec2:${names[i % names.length]}`,
    );
    const one = (list: string[]) => policyOf([{ Effect: 'Allow', Action: list, Resource: '*' }]);
    const p = expectResult(
      refine([{ name: 'long.json', text: one(actions) }], 'ec2:TerminateInstances', catalog),
    );
    expect(p.text).not.toContain('ec2:TerminateInstances');
    expect(p.warnings.some((w) => w.code === 'redundant')).toBe(true);
    const r = refine(
      [{ name: 'longer.json', text: one([...actions, 's3:GetObject']) }],
      unused,
      catalog,
    );
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).toContain('100,000');
  });

  it('JSON nested 10,000 deep is refused at the depth limit, in either editor', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const asPolicy = refine([{ name: 'deep.json', text: deep }], unused, catalog);
    const asUnused = refine([{ name: 'p.json', text: read('ok-policy.json') }], deep, catalog);
    for (const r of [asPolicy, asUnused]) {
      if (r.ok) throw new Error('expected a refusal');
      expect(r.error.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
      expect([r.error.line, r.error.column]).toEqual([1, MAX_JSON_DEPTH + 1]);
    }
  });
});
