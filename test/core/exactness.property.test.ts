// Property-based tests over the real catalog: random policies (exact, prefix, `?`, mid-string and `*`
// patterns, Deny, NotAction) and random unused sets. An independent oracle (regular expressions over
// every action, no trie) checks exactness; the frontier is checked for minimality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseFindings,
  parsePolicy,
  refinePolicy,
  tokenize,
  type Recommendation,
} from '../../src/core';
import { allowedBy, oracleMatch, oracleUniverse, redundantPairs } from './oracle';
import { catalog } from './support';

const POOL = [
  's3',
  'ec2',
  'iam',
  'lambda',
  'sqs',
  'dynamodb',
  'kms',
  'vpc-lattice',
  'rds',
  'logs',
  's3express',
  'sns',
].filter((k) => catalog.services.has(k));
const names = (svc: string) => catalog.services.get(svc)?.names ?? [];

interface GenStatement {
  Effect: 'Allow' | 'Deny';
  key: 'Action' | 'NotAction';
  patterns: string[];
}

const serviceArb = fc.constantFrom(...POOL);

const patternArb: fc.Arbitrary<string> = serviceArb.chain((svc) =>
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 99 })).map(([i, j, kind]) => {
    const action = names(svc)[i % names(svc).length];
    const tokens = tokenize(action);
    const cut = 1 + (j % Math.max(1, tokens.length - 1));
    if (kind < 25) return `${svc}:${j % 3 === 0 ? action.toUpperCase() : action}`;
    if (kind < 50) return `${svc}:${tokens.slice(0, cut).join('')}*`;
    if (kind < 58) return `${svc}:${action.slice(0, 1 + (j % action.length))}*`;
    if (kind < 66) {
      const k = j % action.length;
      return `${svc}:${action.slice(0, k)}?${action.slice(k + 1)}`;
    }
    if (kind < 76) return `${svc}:*${tokens[j % tokens.length]}*`;
    if (kind < 82) return `${svc}:*`;
    if (kind < 86) return `${svc.slice(0, 2)}*:${tokens[0]}*`;
    if (kind < 89) return '*';
    if (kind < 92) return `${svc}:${tokens[0]}FromTheFuture`;
    if (kind < 94) return 'foo:Bar';
    return `${svc}:${tokens[0]}*${tokens[tokens.length - 1]}`;
  }),
);

const statementArb: fc.Arbitrary<GenStatement> = fc.record({
  Effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny'),
  key: fc.constantFrom<'Action' | 'NotAction'>('Action', 'Action', 'Action', 'Action', 'NotAction'),
  patterns: fc.array(patternArb, { minLength: 1, maxLength: 5 }),
});

const unusedArb = fc
  .tuple(
    fc.array(fc.tuple(serviceArb, fc.nat(), fc.integer({ min: 0, max: 3 })), {
      minLength: 1,
      maxLength: 40,
    }),
    fc.array(serviceArb, { maxLength: 1 }),
  )
  .map(([picks, whole]) => {
    const lines: string[] = [];
    for (const [svc, i, spread] of picks) {
      const list = names(svc);
      // neighbours in sorted order share prefixes: that is where frontiers get interesting
      for (let k = 0; k <= spread; k++) lines.push(`${svc}:${list[(i + k) % list.length]}`);
    }
    return JSON.stringify([
      ...Object.entries(
        lines.reduce<Record<string, string[]>>((acc, l) => {
          const [svc, name] = l.split(':');
          (acc[svc] ??= []).push(name);
          return acc;
        }, {}),
      ).map(([serviceNamespace, actions]) => ({ serviceNamespace, actions })),
      ...whole.map((serviceNamespace) => ({ serviceNamespace })),
    ]);
  });

function policyText(statements: GenStatement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({ Effect: s.Effect, [s.key]: s.patterns, Resource: '*' })),
  });
}

function run(statements: GenStatement[], unusedText: string): Recommendation {
  const doc = parsePolicy(policyText(statements));
  const findings = parseFindings(unusedText);
  if (!doc.ok || !findings.ok) throw new Error('generator made a bad input');
  return refinePolicy(doc.value, findings.value, catalog);
}

function unusedSet(u: Map<string, Set<string>>, unusedText: string): Set<string> {
  const out = new Set<string>();
  for (const e of JSON.parse(unusedText) as { serviceNamespace: string; actions?: string[] }[]) {
    if (!e.actions)
      for (const n of u.get(e.serviceNamespace) ?? []) out.add(`${e.serviceNamespace}:${n}`);
    else for (const a of e.actions) out.add(`${e.serviceNamespace}:${a.toLowerCase()}`);
  }
  return out;
}

function concreteNames(statements: GenStatement[]): string[] {
  return statements.flatMap((s) => s.patterns).filter((p) => p.includes(':') && !/[*?]/.test(p));
}

/** One Allow statement of `patterns` refined: its replaced decisions, with the oracle's universe and unused set. */
function replacedIn(patterns: string[], unusedText: string) {
  const statements: GenStatement[] = [{ Effect: 'Allow', key: 'Action', patterns }];
  const rec = run(statements, unusedText);
  const u = oracleUniverse(concreteNames(statements));
  const replaced = rec.decisions.filter((d) => d.outcome === 'replaced');
  return { u, unused: unusedSet(u, unusedText), replaced };
}

// Hundreds of runs each against a regular-expression oracle: slow on a loaded machine, hence the
// generous time-outs.
describe('exactness over the real catalog (fast-check)', () => {
  it('each refined statement allows exactly the original minus the unused actions', () => {
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        (statements, unusedText) => {
          const rec = run(statements, unusedText);
          expect(rec.proof.ok).toBe(true);
          const u = oracleUniverse(concreteNames(statements));
          const unused = unusedSet(u, unusedText);
          const refined = rec.document
            ? (JSON.parse(rec.text as string).Statement as Record<string, unknown>[])
            : [];
          const refinedStatements = Array.isArray(refined) ? refined : [refined];
          let r = 0;
          statements.forEach((s, i) => {
            const before = allowedBy(u, s.key, s.patterns);
            const expected = new Set(
              [...before].filter((a) => s.Effect === 'Deny' || !unused.has(a)),
            );
            const outcome = rec.statements[i].outcome;
            if (outcome === 'removed') {
              expect(expected.size).toBe(0);
              return;
            }
            const out = refinedStatements[r++];
            const key = 'Action' in out ? 'Action' : 'NotAction';
            const list = ([] as string[]).concat(out[key] as string | string[]);
            const after = allowedBy(u, key, list);
            expect([...after].filter((a) => !expected.has(a))).toEqual([]);
            expect([...expected].filter((a) => !after.has(a))).toEqual([]);
            if (s.Effect === 'Deny') expect(list).toEqual(s.patterns);
          });
          expect(r).toBe(refinedStatements.length);
        },
      ),
      { numRuns: 700 },
    );
  }, 240_000);

  it('no written wildcard can be shortened by a token without covering something outside what it keeps', () => {
    fc.assert(
      fc.property(
        fc.array(patternArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        (patterns, unusedText) => {
          const { u, unused, replaced } = replacedIn(patterns, unusedText);
          for (const d of replaced) {
            const kept = new Set([...oracleMatch(u, d.pattern)].filter((a) => !unused.has(a)));
            for (const w of d.replacement) {
              const covered = oracleMatch(u, w);
              expect([...covered].filter((a) => !kept.has(a))).toEqual([]);
              if (!w.endsWith('*')) continue;
              const [svc, prefix] = [w.slice(0, w.indexOf(':')), w.slice(w.indexOf(':') + 1, -1)];
              if (prefix === '') {
                expect(
                  d.pattern === '*' ||
                    d.pattern.split(':')[0].includes('*') ||
                    d.pattern.split(':')[0].includes('?'),
                ).toBe(true);
                continue;
              }
              // The token prefix one word shorter, as tokenized inside an action it covers.
              const sample = [...covered][0].slice(svc.length + 1);
              let cut = 0;
              let at = 0;
              for (const t of tokenize(sample)) {
                if (at + t.length >= prefix.length) break;
                at += t.length;
                cut = at;
              }
              const shorter = oracleMatch(u, `${svc}:${prefix.slice(0, cut)}*`);
              expect([...shorter].some((a) => !kept.has(a))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 240_000);

  it('no entry of a rewritten list is allowed entirely by another entry of it', () => {
    fc.assert(
      fc.property(
        fc.array(statementArb, { minLength: 1, maxLength: 4 }),
        unusedArb,
        (statements, unusedText) => {
          const rec = run(statements, unusedText);
          if (!rec.document) return;
          const u = oracleUniverse(concreteNames(statements));
          const written = JSON.parse(rec.text as string).Statement as Record<string, unknown>[];
          const survivors = rec.statements.filter((o) => o.outcome !== 'removed');
          survivors.forEach((o, k) => {
            if (o.outcome !== 'refined' && o.outcome !== 'extended') return;
            const list = written[k].Action ?? written[k].NotAction;
            const entries = (Array.isArray(list) ? list : [list]) as string[];
            expect(redundantPairs(u, entries)).toEqual([]);
          });
        },
      ),
      { numRuns: 400 },
    );
  }, 240_000);
});

describe('the explanation of each replaced pattern (fast-check)', () => {
  it('every trie node it shows counts what the oracle counts under its prefix', () => {
    fc.assert(
      fc.property(
        fc.array(patternArb, { minLength: 1, maxLength: 3 }),
        unusedArb,
        (patterns, unusedText) => {
          const { u, unused, replaced } = replacedIn(patterns, unusedText);
          for (const d of replaced) {
            const matched = oracleMatch(u, d.pattern);
            const touched = new Set([...matched].map((a) => a.slice(0, a.indexOf(':'))));
            expect(d.nodes.length).toBeGreaterThan(0);
            for (const n of d.nodes) {
              // The root of a pattern across services covers all of every service it touches.
              const covered =
                n.service === ''
                  ? [...touched].flatMap((svc) => [...(u.get(svc) ?? [])].map((a) => `${svc}:${a}`))
                  : [...(u.get(n.service) ?? [])]
                      .map((a) => `${n.service}:${a}`)
                      .filter((a) => a.startsWith(n.prefix.toLowerCase()));
              const inMatch = covered.filter((a) => matched.has(a));
              const keptHere = inMatch.filter((a) => !unused.has(a));
              expect({
                prefix: n.prefix,
                covered: n.covered,
                matched: n.matched,
                unused: n.unused,
                kept: n.kept,
                safe: n.safe,
              }).toEqual({
                prefix: n.prefix,
                covered: covered.length,
                matched: inMatch.length,
                unused: covered.filter((a) => unused.has(a)).length,
                kept: keptHere.length,
                safe: n.service !== '' && keptHere.length === covered.length,
              });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 240_000);
});
