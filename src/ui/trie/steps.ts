// The step-through replay of the rule on one trie: mark the unused actions, carry "unsafe" up to the
// root, then choose the frontier top-down. Each step says what it does and which nodes it marks.
import { isSafe, writtenOf, type TrieModel } from './model';
import { figure } from '../../core/numbers';

export type StepState = 'unused' | 'unsafe' | 'safe' | 'entered' | 'written' | 'skipped';

export interface Step {
  narration: string;
  marks: [node: number, state: StepState][];
  /** The node to bring into view. */
  focus: number;
}

/** Past this many steps in a phase, the phase goes depth by depth instead of node by node. */
const MAX_PHASE_STEPS = 60;

function names(model: TrieModel, nodes: number[], max = 4): string {
  const shown = nodes.slice(0, max).map((i) => model.trie.nodes.prefix[i]);
  return nodes.length > max
    ? `${shown.join(', ')} and ${nodes.length - max} more`
    : shown.join(', ');
}

function byDepth(model: TrieModel, nodes: number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const i of nodes) {
    const d = model.trie.nodes.depth[i];
    const g = groups.get(d);
    if (g) g.push(i);
    else groups.set(d, [i]);
  }
  return groups;
}

export function algorithmSteps(model: TrieModel): Step[] {
  const { trie, children } = model;
  const n = trie.nodes;
  const steps: Step[] = [
    {
      narration: `The trie of ${trie.pattern}: ${figure(trie.nodes.count)} nodes over ${figure(n.end[0] - n.first[0])} actions. Nothing is marked yet.`,
      marks: [],
      focus: 0,
    },
  ];
  // 1. The unused actions.
  const unusedNodes: number[] = [];
  for (let i = 0; i < n.count; i++)
    if (n.action[i] >= 0 && trie.actions.unused[n.action[i]] === 1) unusedNodes.push(i);
  if (unusedNodes.length <= MAX_PHASE_STEPS)
    for (const i of unusedNodes)
      steps.push({
        narration: `${n.prefix[i]} is unused: mark it.`,
        marks: [[i, 'unused']],
        focus: i,
      });
  else
    for (const [, group] of byDepth(model, unusedNodes))
      steps.push({
        narration: `Mark ${figure(group.length)} unused actions: ${names(model, group)}.`,
        marks: group.map((i) => [i, 'unused']),
        focus: group[0],
      });
  // 2. Unsafe goes up: deepest first.
  const marked = new Uint8Array(n.count);
  for (const i of unusedNodes) marked[i] = 1;
  const unsafe: number[] = [];
  for (let i = 0; i < n.count; i++)
    if (!isSafe(trie, i) && children[i].length > 0 && !marked[i]) unsafe.push(i);
  const levels = [...byDepth(model, unsafe)].sort((a, b) => b[0] - a[0]);
  for (const [, group] of levels)
    steps.push({
      narration: `${names(model, group)} ${group.length === 1 ? 'covers' : 'cover'} an action that must not stay allowed, so ${group.length === 1 ? 'it is' : 'they are'} unsafe.`,
      marks: group.map((i) => [i, 'unsafe']),
      focus: group[0],
    });
  const safe: number[] = [];
  for (let i = 0; i < n.count; i++) if (isSafe(trie, i)) safe.push(i);
  if (safe.length > 0)
    steps.push({
      narration: `The other ${figure(safe.length)} nodes cover only actions that stay allowed: they are safe.`,
      marks: safe.map((i) => [i, 'safe']),
      focus: safe[0],
    });
  if (trie.outcome !== 'replaced') {
    steps.push({
      narration:
        trie.outcome === 'kept'
          ? `No action ${trie.pattern} matches is unused: it is kept as written.`
          : `Every action ${trie.pattern} matches is unused: it is dropped.`,
      marks: [],
      focus: 0,
    });
    return steps;
  }
  // 3. The frontier, top-down, in the refiner's order.
  const choices: Step[] = [];
  const walk = (i: number): void => {
    const w = writtenOf(trie, i);
    if (n.kept[i] === 0) {
      choices.push({
        narration: `Nothing under ${n.prefix[i]} stays allowed: write nothing, go no further.`,
        marks: [[i, 'skipped']],
        focus: i,
      });
      return;
    }
    if (isSafe(trie, i)) {
      choices.push({
        narration: `${n.prefix[i]} is safe: write ${w ?? n.prefix[i]} and go no further.`,
        marks: [[i, 'written']],
        focus: i,
      });
      return;
    }
    choices.push({
      narration:
        w !== null
          ? `${n.prefix[i]} is unsafe but is itself kept: write ${w} exactly, then look at its children.`
          : `${n.prefix[i]} is unsafe: look at its children.`,
      marks: [[i, w !== null ? 'written' : 'entered']],
      focus: i,
    });
    for (const c of children[i]) walk(c);
  };
  walk(0);
  if (choices.length <= MAX_PHASE_STEPS) steps.push(...choices);
  else {
    const all = choices.flatMap((s) => s.marks);
    const levelsDown = [
      ...byDepth(
        model,
        all.map(([i]) => i),
      ),
    ].sort((a, b) => a[0] - b[0]);
    const state = new Map(all);
    for (const [depth, group] of levelsDown) {
      const written = group.filter((i) => state.get(i) === 'written');
      steps.push({
        narration: `Depth ${depth}: ${figure(written.length)} written (${names(model, written, 3) || 'none'}), ${figure(group.length - written.length)} looked into or passed over.`,
        marks: group.map((i) => [i, state.get(i) as StepState]),
        focus: written[0] ?? group[0],
      });
    }
  }
  steps.push({
    narration: `Done: ${trie.pattern} becomes ${figure(trie.written.length)} ${trie.written.length === 1 ? 'entry' : 'entries'}.`,
    marks: [],
    focus: 0,
  });
  return steps;
}

/** Each node's state after steps 0..k. */
export function statesAt(steps: readonly Step[], k: number): Map<number, StepState> {
  const states = new Map<number, StepState>();
  for (let s = 0; s <= k && s < steps.length; s++)
    for (const [i, state] of steps[s].marks) states.set(i, state);
  return states;
}
