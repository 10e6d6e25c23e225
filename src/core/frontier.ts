// The frontier over the services a pattern touches (docs/refinement.md): one walk per service's trie,
// their entries in order, and, for a decision, the nodes the walks went through with their counts.
import type { TrieNodeInfo } from './recommendation';
import { flatTrie, prefixSums, serviceTrie } from './trie';
import type { Universe } from './universe';
import { walk, type Step, type Walk } from './walk';

/**
 * How many of `bits[lo..hi)` are 1 (every byte is 0 or 1). Long ranges are read four bytes at a time,
 * and past a word of zeros the engine's indexOf finds the next 1: counts over the whole universe
 * (22,091 actions) run on every refinement, mostly over zeros, and a short CLI run executes them
 * before the JIT has compiled anything (a loop over every word made V8 optimise this in the
 * background, CPU the process then waits for before it exits).
 */
export function count(bits: Uint8Array, lo = 0, hi = bits.length): number {
  let n = 0;
  let i = lo;
  if (hi - lo >= 64) {
    while ((bits.byteOffset + i) & 3) n += bits[i++];
    const start = i;
    const words = (hi - i) >> 2;
    const view = new Uint32Array(bits.buffer, bits.byteOffset + i, words);
    for (let w = 0; w < words; w++) {
      const word = view[w];
      // Four bytes of 0 or 1 summed into the top byte, without carries.
      if (word !== 0) n += Math.imul(word, 0x01010101) >>> 24;
      else {
        const next = bits.indexOf(1, start + (w << 2) + 4);
        // The word holding the next 1 is read next; with none before the tail, the loop ends.
        w = next < 0 || next >= start + (words << 2) ? words : ((next - start) >> 2) - 1;
      }
    }
    i += words << 2;
  }
  for (; i < hi; i++) n += bits[i];
  return n;
}

/**
 * A TrieNodeInfo made by a constructor, not a literal: V8 keeps instances of one class cheap to
 * allocate where it moves long-lived literals to the old generation, and "*" makes thousands.
 */
class NodeInfo implements TrieNodeInfo {
  constructor(
    readonly prefix: string,
    readonly service: string,
    readonly token: string,
    readonly depth: number,
    readonly covered: number,
    readonly matched: number,
    readonly unused: number,
    readonly kept: number,
    readonly safe: boolean,
    readonly written: string | null,
    readonly isAction: boolean,
    readonly step: Step | null,
  ) {}
}

export interface ServiceWalk {
  /** The service's index in the universe. */
  readonly service: number;
  readonly walk: Walk;
}

export interface Frontier {
  written: string[];
  walks: ServiceWalk[];
  /** The nodes the walks reached that hold a matched action (with `explain` only). */
  nodes: TrieNodeInfo[];
  /** A budget ran out: `written` is incomplete. */
  cut: boolean;
}

export interface FrontierOptions {
  /** The pattern may match several services: a root `*` node above them, services as its children. */
  spanning: boolean;
  /**
   * Record the nodes for a decision: `scope` marks what the pattern matched (null: every action of
   * those services, as for `*` and `s3:*`; then a node's unused actions are those it covers minus the
   * good ones, without sums of their own), `unused` what is taken away.
   */
  explain: { scope: Uint8Array | null; unused: Uint8Array } | null;
  /** Characters left for the written entries; the walks stop when it runs out. */
  budget?: { left: number };
}

/** The frontier of the actions `good` selects, needing those `needed` selects, over `services`. */
export function frontierOver(
  u: Universe,
  services: readonly number[],
  good: Uint8Array,
  needed: Uint8Array,
  { spanning, explain, budget }: FrontierOptions,
): Frontier {
  const written: string[] = [];
  const walks: ServiceWalk[] = [];
  const nodes: TrieNodeInfo[] = [];
  if (spanning && explain) nodes.push(spanningRoot(u, services, good, explain));
  if (services.length === 0) return { written, walks, nodes, cut: false };
  // Prefix sums over the span of the services (one service for most patterns, all of them for "*"),
  // the same arrays for every service: counts in O(1) without arrays per service.
  const from = u.offsets[services[0]];
  const span = u.offsets[services[services.length - 1] + 1] - from;
  const goodSums = prefixSums(good, from, span);
  const neededSums = good === needed ? goodSums : prefixSums(needed, from, span);
  const scopeSums = explain?.scope ? prefixSums(explain.scope, from, span) : null;
  const unusedSums = explain?.scope ? prefixSums(explain.unused, from, span) : null;
  const depth0 = spanning ? 1 : 0;
  for (const si of services) {
    const s = u.services[si];
    const base = u.offsets[si] - from;
    const w = walk(flatTrie(s, serviceTrie(s)), goodSums, neededSums, base, budget ?? null);
    walks.push({ service: si, walk: w });
    for (const e of w.written) written.push(e);
    if (w.cut) return { written, walks, nodes, cut: true };
    if (!explain) continue;
    const trie = w.trie;
    for (let k = 0; k < w.nodes.length; k++) {
      const i = w.nodes[k];
      const lo = base + trie.lo[i];
      const hi = base + trie.hi[i];
      const matched = scopeSums ? scopeSums[hi] - scopeSums[lo] : hi - lo;
      if (matched === 0) continue;
      const depth = trie.depth[i];
      // Across services, the nodes holding nothing that stays allowed are summed up by their service.
      if (spanning && depth > 0 && neededSums[hi] === neededSums[lo]) continue;
      const kept = goodSums[hi] - goodSums[lo];
      nodes.push(
        new NodeInfo(
          trie.prefix[i],
          s.key,
          trie.token[i],
          depth0 + depth,
          hi - lo,
          matched,
          unusedSums ? unusedSums[hi] - unusedSums[lo] : hi - lo - kept,
          kept,
          w.safe[k],
          w.steps[k] === 'covered' ? null : w.entries[k],
          trie.action[i] >= 0,
          w.steps[k],
        ),
      );
    }
  }
  return { written, walks, nodes, cut: false };
}

function spanningRoot(
  u: Universe,
  services: readonly number[],
  good: Uint8Array,
  explain: { scope: Uint8Array | null; unused: Uint8Array },
): TrieNodeInfo {
  let covered = 0;
  let matched = 0;
  let unused = 0;
  let kept = 0;
  for (const si of services) {
    const lo = u.offsets[si];
    const hi = u.offsets[si + 1];
    covered += hi - lo;
    matched += explain.scope ? count(explain.scope, lo, hi) : hi - lo;
    unused += count(explain.unused, lo, hi);
    kept += count(good, lo, hi);
  }
  return new NodeInfo('*', '', '*', 0, covered, matched, unused, kept, false, null, false, null);
}
