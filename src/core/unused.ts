// The unused set U over the universe (docs/refinement.md), read from the findings: the actions named
// unused, the whole services named without actions, and the actions findings wildcards match; or, for
// a list of used actions, everything the policy allows that was not used. The keep list is read here
// too, as the actions it matches.
import type { Findings } from './findings';
import type { KeepList } from './keep';
import { warnings as say } from './messages';
import { forEachMatch } from './matching';
import { parsePattern } from './patterns';
import type { PolicyDocument, Statement } from './policy';
import type { Warning } from './recommendation';
import { catalogUniverse, type Catalog, type NamedAction, type Universe } from './universe';
import { clearServices, statementReach, type StatementActions } from './verify';

function isWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

export function statementActions(s: Statement): StatementActions & { sid?: string } {
  return {
    effect: s.effect,
    actionKey: s.actionKey,
    patterns: s.patterns.map((p) => p.pattern.text),
    parsed: s.patterns.map((p) => p.pattern),
    sid: s.sid,
  };
}

/**
 * Concrete actions of the policy, the findings and the keep list that the catalog lacks: the universe
 * includes them. Those the catalog has are left out here, so 21,000 findings cost a lookup each, not a
 * copy. With `found`, records each finding's index in the catalog's universe (-1 when it is not one of
 * its actions), so that the unused set need not look them up again.
 */
export function namedActions(
  catalog: Catalog,
  doc: PolicyDocument,
  findings: Findings,
  keep: KeepList | null,
  found: Int32Array | null = null,
): NamedAction[] {
  const out: NamedAction[] = [];
  const base = catalogUniverse(catalog);
  const lookup = (service: string, name: string): number => {
    const si = base.serviceIndex(service);
    const local = si < 0 ? -1 : base.localIndex(si, name);
    return local < 0 ? -1 : base.offsets[si] + local;
  };
  const patterns = doc.statements.flatMap((s) => s.patterns.map((r) => r.pattern));
  for (const pattern of keep ? [...patterns, ...keep.entries.map((e) => e.pattern)] : patterns) {
    if (pattern.concrete && pattern.service !== null && pattern.problem === undefined) {
      const name = pattern.text.slice(pattern.text.indexOf(':') + 1);
      if (lookup(pattern.service, name) < 0) out.push({ service: pattern.service, name });
    }
  }
  // Findings come grouped by service: its index is looked up once per group. Within a group they
  // usually follow the catalog's order (Access Analyzer lists them sorted), so the name after the
  // last one found is tried first: one comparison instead of a hash lookup for most of them.
  let service = '';
  let si = -1;
  let spelling: ReadonlyMap<string, number> | undefined;
  let names: readonly string[] = [];
  let after = 0;
  const entries = findings.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.service !== service) {
      service = e.service;
      si = isWildcard(service) ? -1 : base.serviceIndex(service);
      spelling = si < 0 ? undefined : base.spelling(si);
      names = si < 0 ? [] : base.services[si].names;
      after = 0;
    }
    const local =
      e.action === null || si < 0
        ? -1
        : after < names.length && names[after] === e.action
          ? after
          : base.localIndex(si, e.action, spelling);
    if (local >= 0) after = local + 1;
    const g = local < 0 ? -1 : base.offsets[si] + local;
    if (found) found[i] = g;
    if (g < 0 && e.action !== null && !isWildcard(e.action) && !isWildcard(e.service))
      out.push({ service: e.service, name: e.action });
  }
  return out;
}

/**
 * The set U as bits over the universe, with the warnings reading the findings gave. A findings entry
 * with `*` or `?` (in the action or the service) stands for every action of the universe it matches,
 * the way a policy pattern does; it never becomes an action of its own.
 */
export function unusedBits(
  u: Universe,
  doc: PolicyDocument,
  findings: Findings,
  warnings: Warning[],
  found: Int32Array | null = null,
): Uint8Array {
  const named = new Uint8Array(u.size);
  const unknown: string[] = [];
  const unmatched: string[] = [];
  // The indices namedActions found are the catalog universe's: good for `u` only when it is that one.
  const foundHere = found !== null && u === catalogUniverse(u.catalog) ? found : null;
  for (let i = 0; i < findings.entries.length; i++) {
    if (foundHere !== null && foundHere[i] >= 0) {
      named[foundHere[i]] = 1;
      continue;
    }
    const e = findings.entries[i];
    if (isWildcard(e.service) || (e.action !== null && isWildcard(e.action))) {
      let hits = 0;
      forEachMatch(u, parsePattern(`${e.service}:${e.action ?? '*'}`), (g) => {
        named[g] = 1;
        hits++;
      });
      if (hits === 0) unmatched.push(`${e.service}:${e.action ?? '*'}`);
      continue;
    }
    const si = u.serviceIndex(e.service);
    if (e.action === null) {
      if (si < 0) unknown.push(`${e.service} (whole service)`);
      else named.fill(1, u.offsets[si], u.offsets[si + 1]);
      continue;
    }
    const local = si < 0 ? -1 : u.localIndex(si, e.action);
    if (local >= 0) {
      named[u.offsets[si] + local] = 1;
      if (!u.services[si].known[local]) unknown.push(`${e.service}:${e.action}`);
    } else unknown.push(`${e.service}:${e.action}`); // not reached: the universe has every one
  }
  if (unknown.length > 0)
    warnings.push({
      code: 'newer-than-catalog',
      message: say.newerThanCatalog(findings.mode, unknown, u.catalog),
    });
  if (unmatched.length > 0)
    warnings.push({
      code: 'newer-than-catalog',
      message: say.wildcardFindingsMatchNothing(findings.mode, unmatched),
    });
  if (findings.mode === 'unused') return named;
  // Used mode: everything the policy allows that was not used is unused.
  const allowed = new Uint8Array(u.size);
  const bits = new Uint8Array(u.size);
  for (const s of doc.statements) {
    if (s.effect !== 'Allow') continue;
    const reached = statementReach(u, statementActions(s), bits);
    for (const si of reached)
      for (let g = u.offsets[si]; g < u.offsets[si + 1]; g++) allowed[g] |= bits[g];
    clearServices(u, bits, reached);
  }
  let usedAndAllowed = 0;
  for (let g = 0; g < u.size; g++) {
    usedAndAllowed += allowed[g] & named[g];
    allowed[g] &= named[g] ^ 1;
  }
  if (usedAndAllowed === 0)
    warnings.push({ code: 'used-allows-nothing', message: say.usedAllowsNothing });
  return allowed;
}

/** The actions the keep list matches, with a warning for each entry that matches none. */
export function keepBits(u: Universe, keep: KeepList, warnings: Warning[]): Uint8Array {
  const bits = new Uint8Array(u.size);
  for (const e of keep.entries) {
    let hits = 0;
    forEachMatch(u, e.pattern, (g) => {
      bits[g] = 1;
      hits++;
    });
    if (hits === 0)
      warnings.push({
        code: 'keep-matches-nothing',
        message: say.keepMatchesNothing(e.pattern.text, e.line),
      });
  }
  return bits;
}
