// The independent oracle of the property and corpus tests: every action of the universe as lower-case
// `svc:name`, and patterns matched by regular expressions over all of them, with no trie, no index and
// no code shared with the refiner.
import { catalog } from './support';

/** The oracle: every action of the universe as lower-case `svc:name`, by service. */
export function oracleUniverse(extra: string[]): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  for (const [key, s] of catalog.services)
    byService.set(key, new Set(s.names.map((n) => n.toLowerCase())));
  for (const a of extra) {
    const [svc, name] = [
      a.slice(0, a.indexOf(':')).toLowerCase(),
      a.slice(a.indexOf(':') + 1).toLowerCase(),
    ];
    if (!byService.has(svc)) byService.set(svc, new Set());
    byService.get(svc)?.add(name);
  }
  return byService;
}

export function globToRegex(glob: string): RegExp {
  const body = glob
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

export function oracleMatch(u: Map<string, Set<string>>, pattern: string): Set<string> {
  const out = new Set<string>();
  if (pattern === '*') {
    for (const [svc, set] of u) for (const n of set) out.add(`${svc}:${n}`);
    return out;
  }
  const colon = pattern.indexOf(':');
  if (colon < 0) return out;
  const svcRe = globToRegex(pattern.slice(0, colon));
  const nameRe = globToRegex(pattern.slice(colon + 1));
  for (const [svc, set] of u) {
    if (!svcRe.test(svc)) continue;
    for (const n of set) if (nameRe.test(n)) out.add(`${svc}:${n}`);
  }
  return out;
}

export function allowedBy(
  u: Map<string, Set<string>>,
  key: string,
  patterns: string[],
): Set<string> {
  const matched = new Set<string>();
  for (const p of patterns) for (const a of oracleMatch(u, p)) matched.add(a);
  if (key === 'Action') return matched;
  const all = oracleMatch(u, '*');
  for (const a of matched) all.delete(a);
  return all;
}

/**
 * Entries of a list that another entry of it allows entirely (IAM's REDUNDANT_ACTION), as
 * [entry, other] pairs. Entries matching nothing are compared by text only when identical.
 */
export function redundantPairs(u: Map<string, Set<string>>, list: string[]): [string, string][] {
  const sets = list.map((p) => oracleMatch(u, p));
  const out: [string, string][] = [];
  list.forEach((p, i) => {
    list.forEach((q, j) => {
      if (i === j) return;
      const a = sets[i];
      const b = sets[j];
      if (a.size === 0) {
        if (p.toLowerCase() === q.toLowerCase() || q === '*') out.push([p, q]);
        return;
      }
      if (a.size > b.size) return;
      for (const x of a) if (!b.has(x)) return;
      out.push([p, q]);
    });
  });
  return out;
}
