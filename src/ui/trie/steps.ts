// The step-through replay of the rule on one trie: mark the unused actions, carry "unsafe" up to the
// root, then the frontier top-down as the refiner walked it: its own record of each node it reached
// (written, written exactly, entered, passed over, left out as covered), replayed in its order.
import { figure, plural } from '../../core/messages';
import { coverOf, isSafe, stepOf, writtenOf, type TrieModel } from './model';

export type StepState =
  | 'unused'
  | 'unsafe'
  | 'safe'
  | 'entered'
  | 'written'
  | 'skipped'
  /** Left out: an entry written at another node already allows it. */
  | 'covered';

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
      narration: `The trie of ${trie.pattern}: ${plural(trie.nodes.count, 'node')} over ${plural(n.end[0] - n.first[0], 'action')}. Nothing is marked yet.`,
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
        narration: `Mark ${plural(group.length, 'unused action')}: ${names(model, group)}.`,
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
      narration: `The other ${plural(safe.length, 'node')} cover only actions that stay allowed: they are safe.`,
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
  // 3. The frontier, top-down: the nodes the refiner's walk reached, in preorder as it reached them.
  const choices: Step[] = [];
  for (let i = 0; i < n.count; i++) {
    // The root over several services is no service's trie: every walk starts below it.
    const step = stepOf(trie, i) ?? (i === 0 && trie.spansServices ? 'entered' : null);
    if (step !== null) choices.push(frontierStep(model, i, step));
  }
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
    narration: `Done: ${trie.pattern} becomes ${plural(trie.written.length, 'entry', 'entries')}.`,
    marks: [],
    focus: 0,
  });
  return steps;
}

/** What the walk did at node `i`, said as one step of the replay. */
function frontierStep(
  model: TrieModel,
  i: number,
  step: NonNullable<ReturnType<typeof stepOf>>,
): Step {
  const { trie } = model;
  const prefix = trie.nodes.prefix[i];
  const w = writtenOf(trie, i);
  const one = (narration: string, state: StepState): Step => ({
    narration,
    marks: [[i, state]],
    focus: i,
  });
  switch (step) {
    case 'empty':
      return one(`Nothing under ${prefix} stays allowed: write nothing, go no further.`, 'skipped');
    case 'written':
      return one(`${prefix} is safe: write ${w ?? prefix} and go no further.`, 'written');
    case 'exact':
      return one(
        `${prefix} is unsafe but is itself kept: write ${w ?? prefix} exactly, then look at its children.`,
        'written',
      );
    case 'entered':
      return one(`${prefix} is unsafe: look at its children.`, 'entered');
    case 'covered': {
      const by = coverOf(trie, i) ?? 'another entry';
      return isSafe(trie, i)
        ? one(
            `${prefix} is safe, but it is already allowed by ${by}: write nothing more.`,
            'covered',
          )
        : one(
            `${prefix} is unsafe; it is itself kept, but already allowed by ${by}: write nothing for it, then look at its children.`,
            'covered',
          );
    }
  }
}

/** Each node's state after steps 0..k. */
export function statesAt(steps: readonly Step[], k: number): Map<number, StepState> {
  const states = new Map<number, StepState>();
  for (let s = 0; s <= k && s < steps.length; s++)
    for (const [i, state] of steps[s].marks) states.set(i, state);
  return states;
}
