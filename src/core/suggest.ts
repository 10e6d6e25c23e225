// "Did you mean" for patterns that match nothing: the nearest service prefix, or the nearest action
// of a known service, by edit distance.
import type { Pattern } from './patterns';
import type { Universe, UniverseService } from './universe';

/** A service's catalog actions (lower case and as spelled), once per universe service, not per pattern. */
const knownNames = new WeakMap<UniverseService, { lower: string[]; names: string[] }>();

function known(s: UniverseService): { lower: string[]; names: string[] } {
  let k = knownNames.get(s);
  if (!k) {
    k = {
      lower: s.lower.filter((_, i) => s.known[i]),
      names: s.names.filter((_, i) => s.known[i]),
    };
    knownNames.set(s, k);
  }
  return k;
}

function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length];
}

function nearest(
  word: string,
  candidates: readonly string[],
  display: readonly string[],
): string | null {
  const cap = Math.max(2, Math.floor(word.length / 4));
  let best: string | null = null;
  let bestDistance = cap + 1;
  candidates.forEach((c, i) => {
    const d = distance(word, c, cap);
    if (d < bestDistance) {
      bestDistance = d;
      best = display[i];
    }
  });
  return best;
}

export function suggestAction(u: Universe, p: Pattern): string | null {
  if (p.service === null || p.spansServices) return null;
  const si = u.serviceIndex(p.service);
  if (si < 0 || !u.services[si].inCatalog) {
    const keys = u.services.filter((s) => s.inCatalog).map((s) => s.key);
    const s = nearest(p.service, keys, keys);
    return s ? `${s}:${p.text.slice(p.text.indexOf(':') + 1)}` : null;
  }
  if (/[*?]/.test(p.name)) return null;
  const s = u.services[si];
  const k = known(s);
  const n = nearest(p.name, k.lower, k.names);
  return n ? `${s.key}:${n}` : null;
}
